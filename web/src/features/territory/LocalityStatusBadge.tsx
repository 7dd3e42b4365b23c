import { Badge } from '@mantine/core';
import type { Locality } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';

/** Status in words (dark text, AA contrast); the coloured dot only repeats it. */
export function LocalityStatusBadge({ status }: { status: Locality['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'green.7' : 'gray.6'} variant="dot" c="dark.9" style={{ flexShrink: 0 }}>
      {t(`localities.status.${status}`)}
    </Badge>
  );
}
