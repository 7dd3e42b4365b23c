import { Button, Group, SegmentedControl } from '@mantine/core';
import { IconFileImport, IconMap2, IconPalette, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { PageHeader } from '../../components/PageHeader';
import { useIsWide } from '../../components/use-is-wide';
import { hasPermission, useMe } from '../auth/index';
import type { LocalityStatusFilter } from './api';
import { LocalityCardList } from './LocalityCardList';
import { LocalityTable } from './LocalityTable';
import { useLocalities } from './use-localities';

const FILTERS: readonly LocalityStatusFilter[] = ['active', 'archived', 'all'];

export function LocalityListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isWide = useIsWide();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: LocalityStatusFilter = FILTERS.find((filter) => filter === asked) ?? 'active';
  const localities = useLocalities(status);
  const canUpdate = hasPermission(me, 'locality:update');
  const items = localities.data?.items ?? [];
  const kinds = localities.data?.kinds ?? [];

  return (
    <>
      <PageHeader
        title={t('localities.title')}
        description={t('localities.description', { city: me.tenant.name })}
        actions={
          <>
            <Button component={Link} to="/map" variant="default" leftSection={<IconMap2 size={18} aria-hidden="true" />}>
              {t('localities.showOnMap')}
            </Button>
            {hasPermission(me, 'locality:create') && (
              <Button component={Link} to="/localities/new" variant="default" leftSection={<IconPlus size={18} aria-hidden="true" />}>
                {t('localities.new')}
              </Button>
            )}
            {canUpdate && (
              <Button component={Link} to="/locality-kinds" variant="default" leftSection={<IconPalette size={18} aria-hidden="true" />}>
                {t('kinds.title')}
              </Button>
            )}
            {hasPermission(me, 'locality:import') && (
              <Button component={Link} to="/import" leftSection={<IconFileImport size={18} aria-hidden="true" />}>
                {t('localities.import')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md">
        <SegmentedControl
          aria-label={t('localities.filterLabel')}
          value={status}
          onChange={(value) => setParams(value === 'active' ? {} : { status: value }, { replace: true })}
          data={FILTERS.map((filter) => ({ value: filter, label: t(`localities.filter.${filter}`) }))}
        />
      </Group>
      {localities.isPending && <ListSkeleton />}
      {localities.isError && <ErrorAlert error={localities.error} title={t('common.loadFailed')} onRetry={() => void localities.refetch()} />}
      {localities.isSuccess && items.length === 0 && <EmptyListNotice>{t(status === 'archived' ? 'localities.emptyArchived' : 'localities.empty')}</EmptyListNotice>}
      {items.length > 0 &&
        (isWide ? (
          <LocalityTable localities={items} kinds={kinds} canUpdate={canUpdate} />
        ) : (
          <LocalityCardList localities={items} kinds={kinds} canUpdate={canUpdate} />
        ))}
    </>
  );
}
