import { Button } from '@mantine/core';
import type { Tenant } from '@saferhood/contracts';
import { IconPlus } from '@tabler/icons-react';
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
import { listTenants, TENANTS_QUERY_KEY } from './api';
import { TenantCardList } from './TenantCardList';
import { TenantCreateForm } from './TenantCreateForm';
import { TenantEditForm } from './TenantEditForm';
import { TenantTable } from './TenantTable';

export function TenantListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const tenants = useQuery({ queryKey: TENANTS_QUERY_KEY, queryFn: listTenants });
  const [isCreating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  // The freshest copy, so an edit after a version conflict is based on the reloaded version.
  const editing = tenants.data?.find((tenant) => tenant.id === editingId) ?? null;
  const startEditing = (tenant: Tenant) => setEditingId(tenant.id);
  const canUpdate = hasPermission(me, 'tenant:update');
  const isWide = useIsWide();

  return (
    <>
      <PageHeader
        title={t('tenants.title')}
        description={t('tenants.description')}
        actions={
          hasPermission(me, 'tenant:create') && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
              {t('tenants.new')}
            </Button>
          )
        }
      />
      {tenants.isPending && <ListSkeleton />}
      {tenants.isError && <ErrorAlert error={tenants.error} title={t('common.loadFailed')} onRetry={() => void tenants.refetch()} />}
      {tenants.data && tenants.data.length === 0 && <EmptyListNotice>{t('tenants.empty')}</EmptyListNotice>}
      {tenants.data &&
        tenants.data.length > 0 &&
        (isWide ? (
          <TenantTable tenants={tenants.data} timeZone={me.tenant.timeZone} canUpdate={canUpdate} onEdit={startEditing} />
        ) : (
          <TenantCardList tenants={tenants.data} canUpdate={canUpdate} onEdit={startEditing} />
        ))}
      <DialogModal opened={isCreating} onClose={() => setCreating(false)} title={t('tenants.new')} size="lg">
        <TenantCreateForm onDone={() => setCreating(false)} />
      </DialogModal>
      <DialogModal opened={editing !== null} onClose={() => setEditingId(null)} title={t('tenants.editTitle')} size="lg">
        {editing && <TenantEditForm key={editing.id} tenant={editing} onDone={() => setEditingId(null)} />}
      </DialogModal>
    </>
  );
}
