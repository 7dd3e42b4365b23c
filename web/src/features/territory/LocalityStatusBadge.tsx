import { Badge } from '@mantine/core';
import type { Locality } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Status in words (dark text, AA contrast); the coloured dot only repeats it. `of` picks the words'
 * grammatical gender: a locality is "archivovaná", a place "archivované".
 */
export function LocalityStatusBadge({ status, of = 'localities' }: { status: Locality['status']; of?: 'localities' | 'places' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'green.7' : 'gray.6'} variant="dot" c="dark.9" style={{ flexShrink: 0 }}>
      {t(`${of}.status.${status}`)}
    </Badge>
  );
}
