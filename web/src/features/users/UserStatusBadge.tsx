import { Badge } from '@mantine/core';
import type { User } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';

/** Status in words (dark text, AA contrast); the coloured dot only repeats it. */
export function UserStatusBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  return user.isDisabled ? (
    <Badge color="red.9" variant="dot" c="dark.9">
      {t('users.status.disabled')}
    </Badge>
  ) : (
    <Badge color="green.7" variant="dot" c="dark.9">
      {t('users.status.active')}
    </Badge>
  );
}
