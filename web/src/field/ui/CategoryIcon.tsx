/**
 * The category icons (FIELD_ICONS in the contract), drawn inline: 24-unit strokes, no icon library in
 * the bundle. An unknown name draws "other".
 */
const PATHS: Record<string, string> = {
  school: 'M3 10l9-5 9 5-9 5-9-5zM7 12v5c3 2 7 2 10 0v-5M21 10v6',
  patrol: 'M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6l7-3zM9 12l2 2 4-4',
  order: 'M12 3v18M5 7h14M5 7l-3 7h6L5 7zM19 7l-3 7h6l-3-7zM8 21h8',
  waste: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  bar: 'M6 3h12l-6 8-6-8zM12 11v9M8 20h8',
  family: 'M8 7a2.5 2.5 0 1 0 0-.01M16 7a2.5 2.5 0 1 0 0-.01M3 20v-4a5 5 0 0 1 10 0M11 20v-4a5 5 0 0 1 10 0',
  talk: 'M4 5h16v10H9l-5 4V5zM8 9h8M8 12h5',
  signal: 'M12 3l9 16H3L12 3zM12 10v4M12 17v.5',
  shield: 'M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6l7-3zM12 8v8M8 12h8',
  referral: 'M4 12h12M12 7l5 5-5 5M20 4v16',
  alarm: 'M12 4a7 7 0 0 1 7 7v5l2 2H3l2-2v-5a7 7 0 0 1 7-7zM10 21h4M12 1v1',
  report: 'M6 3h9l4 4v14H6V3zM15 3v4h4M9 12h7M9 16h7',
  office: 'M4 21V8l8-5 8 5v13M4 21h16M8 21v-8M12 21v-8M16 21v-8',
  event: 'M4 6h16v15H4V6zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z',
  other: 'M5 12h.5M12 12h.5M19 12h.5',
};

export function CategoryIcon({ icon, size = 32 }: { icon: string; size?: number }) {
  return (
    <svg className="field-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[icon] ?? PATHS.other} fill="none" stroke="currentColor" strokeWidth={icon === 'other' ? 3 : 1.8} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
