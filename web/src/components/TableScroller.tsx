import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

interface TableScrollerProps {
  /** Names the scrolling box for screen readers (usually the table's caption). */
  label: string;
  minWidth: number;
  children: ReactNode;
}

/**
 * A wide table that scrolls sideways inside its own box on a narrow screen. The box takes keyboard
 * focus, so it can be scrolled without a mouse even when the table holds no links (WCAG 2.1.1).
 */
export function TableScroller({ label, minWidth, children }: TableScrollerProps) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', borderRadius: 'var(--mantine-radius-sm)' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
