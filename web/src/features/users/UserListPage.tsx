import { Button } from '@mantine/core';
import type { User } from '@saferhood/contracts';
import { IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../components/DialogModal';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIsWide } from '../../components/use-is-wide';
import { ListSkeleton } from '../../components/ListSkeleton';
import { PageHeader } from '../../components/PageHeader';
import { hasPermission, useMe } from '../auth/index';
import { listUsers, USERS_QUERY_KEY } from './api';
import { UserCardList } from './UserCardList';
import { UserCreateForm } from './UserCreateForm';
import { UserEditForm } from './UserEditForm';
import { UserTable } from './UserTable';

export function UserListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isWide = useIsWide();
  const users = useQuery({ queryKey: USERS_QUERY_KEY, queryFn: listUsers });
  const [isCreating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  // The freshest copy, so an edit after a version conflict is based on the reloaded version.
  const editing = users.data?.find((user) => user.id === editingId) ?? null;
  const startEditing = (user: User) => setEditingId(user.id);
  const canCreate = hasPermission(me, 'user:create');
  const canUpdate = hasPermission(me, 'user:update');

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description', { city: me.tenant.name })}
        actions={
          canCreate && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
              {t('users.new')}
            </Button>
          )
        }
      />
      {users.isPending && <ListSkeleton />}
      {users.isError && <ErrorAlert error={users.error} title={t('common.loadFailed')} onRetry={() => void users.refetch()} />}
      {users.data && users.data.length === 0 && <EmptyListNotice>{t('users.empty')}</EmptyListNotice>}
      {users.data &&
        users.data.length > 0 &&
        (isWide ? (
          <UserTable users={users.data} me={me} canUpdate={canUpdate} onEdit={startEditing} />
        ) : (
          <UserCardList users={users.data} me={me} canUpdate={canUpdate} onEdit={startEditing} />
        ))}
      <DialogModal opened={isCreating} onClose={() => setCreating(false)} title={t('users.new')} size="lg">
        <UserCreateForm onDone={() => setCreating(false)} />
      </DialogModal>
      <DialogModal opened={editing !== null} onClose={() => setEditingId(null)} title={t('users.editTitle')}>
        {editing && <UserEditForm key={editing.id} user={editing} onDone={() => setEditingId(null)} />}
      </DialogModal>
    </>
  );
}
