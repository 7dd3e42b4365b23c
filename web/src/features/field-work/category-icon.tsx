import {
  IconAlarm,
  IconBeer,
  IconBuilding,
  IconCalendarEvent,
  IconDots,
  IconFileText,
  IconHeartHandshake,
  IconMessages,
  IconScale,
  IconSchool,
  IconShield,
  IconShieldExclamation,
  IconTrash,
  IconUsers,
  IconWalk,
  type Icon,
} from '@tabler/icons-react';

/** The office's drawing of each FIELD_ICONS name (the field app draws its own, without an icon library). */
const ICONS: Readonly<Record<string, Icon>> = {
  school: IconSchool,
  patrol: IconWalk,
  order: IconScale,
  waste: IconTrash,
  bar: IconBeer,
  family: IconUsers,
  talk: IconMessages,
  signal: IconShieldExclamation,
  shield: IconShield,
  referral: IconHeartHandshake,
  alarm: IconAlarm,
  report: IconFileText,
  office: IconBuilding,
  event: IconCalendarEvent,
  other: IconDots,
};

export function CategoryIcon({ icon, size = 20 }: { icon: string; size?: number }) {
  const Drawn = ICONS[icon] ?? IconDots;
  return <Drawn size={size} aria-hidden="true" />;
}
