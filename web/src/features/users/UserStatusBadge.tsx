import { Badge } from '@mantine/core';
import type { User } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';

export function UserStatusBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  return user.isDisabled ? (
    <Badge color="red.9" variant="outline">
      {t('users.status.disabled')}
    </Badge>
  ) : (
    <Badge color="green.9" variant="outline">
      {t('users.status.active')}
    </Badge>
  );
}
