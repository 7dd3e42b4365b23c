import { Table, Text } from '@mantine/core';
import type { Me, User } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { UserActions } from './UserActions';
import { UserStatusBadge } from './UserStatusBadge';

interface UserTableProps {
  users: readonly User[];
  me: Me;
  canUpdate: boolean;
  onEdit: (user: User) => void;
}

export function UserTable({ users, me, canUpdate, onEdit }: UserTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{t('users.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.column.name')}</Table.Th>
            <Table.Th scope="col">{t('users.column.role')}</Table.Th>
            <Table.Th scope="col">{t('users.column.status')}</Table.Th>
            <Table.Th scope="col">{t('users.column.lastSignIn')}</Table.Th>
            {canUpdate && <Table.Th scope="col">{t('users.column.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text fw={600} size="sm" className="wrap-anywhere">
                  {user.displayName}
                </Text>
                <Text size="sm" c="dimmed" className="wrap-anywhere">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>
                <UserStatusBadge user={user} />
              </Table.Td>
              <Table.Td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt, i18n.language, me.tenant.timeZone) : t('users.neverSignedIn')}</Table.Td>
              {canUpdate && (
                <Table.Td>
                  <UserActions user={user} isSelf={user.id === me.user.id} onEdit={onEdit} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
