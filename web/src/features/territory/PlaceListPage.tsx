import { Button, Group, SegmentedControl } from '@mantine/core';
import { IconMap2, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { PageHeader } from '../../components/PageHeader';
import { useIsWide } from '../../components/use-is-wide';
import { hasPermission, useMe } from '../auth/index';
import type { LocalityStatusFilter } from './api';
import { PlaceCardList } from './PlaceCardList';
import { PlaceTable } from './PlaceTable';
import { useLocalities } from './use-localities';
import { usePlaces } from './use-places';

const FILTERS: readonly LocalityStatusFilter[] = ['active', 'archived', 'all'];

/** The register of places of duty: school crossings, bike paths, hubs, hostels, parks, offices. */
export function PlaceListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isWide = useIsWide();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: LocalityStatusFilter = FILTERS.find((filter) => filter === asked) ?? 'active';
  const places = usePlaces(status);
  const localities = useLocalities('all');
  const canUpdate = hasPermission(me, 'place:update');
  const items = places.data ?? [];
  const failed = [places, localities].find((query) => query.isError);

  return (
    <>
      <PageHeader
        title={t('places.title')}
        description={t('places.description', { city: me.tenant.name })}
        actions={
          <>
            <Button component={Link} to="/map" variant="default" leftSection={<IconMap2 size={18} aria-hidden="true" />}>
              {t('localities.showOnMap')}
            </Button>
            {hasPermission(me, 'place:create') && (
              <Button component={Link} to="/places/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
                {t('places.add')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md">
        <SegmentedControl
          aria-label={t('places.filterLabel')}
          value={status}
          onChange={(value) => setParams(value === 'active' ? {} : { status: value }, { replace: true })}
          data={FILTERS.map((filter) => ({ value: filter, label: t(`localities.filter.${filter}`) }))}
        />
      </Group>
      {places.isPending && <ListSkeleton />}
      {failed && <ErrorAlert error={failed.error} title={t('common.loadFailed')} onRetry={() => void failed.refetch()} />}
      {places.isSuccess && items.length === 0 && <EmptyListNotice>{t(status === 'archived' ? 'places.emptyArchived' : 'places.empty')}</EmptyListNotice>}
      {items.length > 0 &&
        (isWide ? (
          <PlaceTable places={items} localities={localities.data?.items ?? []} canUpdate={canUpdate} />
        ) : (
          <PlaceCardList places={items} localities={localities.data?.items ?? []} canUpdate={canUpdate} />
        ))}
    </>
  );
}
