import { Group, Paper, Stack, Text } from '@mantine/core';
import type { Me, User } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { UserActions } from './UserActions';
import { UserStatusBadge } from './UserStatusBadge';

interface UserCardListProps {
  users: readonly User[];
  me: Me;
  canUpdate: boolean;
  onEdit: (user: User) => void;
}

/** The user list on a phone: one card per person instead of a table. */
export function UserCardList({ users, me, canUpdate, onEdit }: UserCardListProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('users.title')}>
      {users.map((user) => (
        <Paper component="li" key={user.id} withBorder radius="md" p="md" className="wrap-anywhere">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>{user.displayName}</Text>
                <Text size="sm" c="dimmed">
                  {user.email}
                </Text>
              </div>
              <UserStatusBadge user={user} />
            </Group>
            <Text size="sm">{t(`roles.${user.role}`)}</Text>
            <Text size="sm" c="dimmed">
              {t('users.column.lastSignIn')}:{' '}
              {user.lastSignInAt ? formatDateTime(user.lastSignInAt, i18n.language, me.tenant.timeZone) : t('users.neverSignedIn')}
            </Text>
            {canUpdate && <UserActions user={user} isSelf={user.id === me.user.id} onEdit={onEdit} />}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
