import { Box, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyListNotice } from '../../../components/EmptyListNotice';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { TableScroller } from '../../../components/TableScroller';
import { useIsWide } from '../../../components/use-is-wide';
import { requestJson } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { featureCollectionSchema } from '@saferhood/contracts';
import { LazyTerritoryMap, MapSkeleton } from '../../territory/map/LazyTerritoryMap';
import { boundsOf } from '../../territory/map/map-bounds';
import { FIELD_WORK_QUERY_KEY, summariseRecords } from '../api';
import { formatMonth, periodOfMonths } from '../field-time';
import { useLocalityNames } from '../use-field-lookups';
import { bucketOf, bucketsAsKinds, bucketsFor, type Bucket } from './locality-buckets';
import type { MonthRange } from './MonthRangeSelect';

const VISIBILITY = { localities: true, places: false, crime: false } as const;

/** Records per locality in the months chosen: a table and the localities coloured by their count. */
export function LocalityMapSection({ range }: { range: MonthRange }) {
  const { t, i18n } = useTranslation();
  const isWide = useIsWide();
  const localities = useLocalityNames();
  const period = periodOfMonths(range.first, range.last);
  const summary = useQuery({ queryKey: [...FIELD_WORK_QUERY_KEY, 'summary', 'locality', period.from, period.to], queryFn: () => summariseRecords({ ...period, groupBy: 'locality' }) });
  // The same query key as the territory map's, so the boundaries are fetched once.
  const features = useQuery({ queryKey: ['localities', 'geojson'], queryFn: () => requestJson('GET', '/localities', featureCollectionSchema, { query: { format: 'geojson' } }) });
  const counts = useMemo(() => new Map((summary.data?.rows ?? []).map((row) => [row.localityId ?? null, row.count])), [summary.data]);
  const rows = useMemo(
    () =>
      (localities.query.data?.items ?? [])
        .filter((locality) => locality.status === 'active' || counts.has(locality.id))
        .map((locality) => ({ id: locality.id, name: locality.name, count: counts.get(locality.id) ?? 0 }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    [localities.query.data, counts],
  );
  const outside = counts.get(null) ?? 0;
  const buckets = useMemo(() => bucketsFor(Math.max(0, ...rows.map((row) => row.count))), [rows]);
  const labelOf = useCallback(
    (bucket: Bucket) =>
      bucket.max === 0 ? t('fieldWork.overview.bucketNone') : bucket.min === bucket.max ? t('fieldWork.overview.bucketOne', { count: bucket.min }) : t('fieldWork.overview.bucketRange', { min: bucket.min, max: bucket.max }),
    [t],
  );
  const mapData = useMemo(() => {
    if (!features.data) return null;
    const collection = features.data as FeatureCollection;
    return {
      cityArea: null,
      localities: {
        ...collection,
        features: collection.features.map((feature) => ({ ...feature, properties: { ...feature.properties, kind: bucketOf(buckets, counts.get(String(feature.properties?.id)) ?? 0).code } })),
      } as FeatureCollection,
      kinds: bucketsAsKinds(buckets, labelOf, i18n.language),
      places: null,
      crime: null,
    };
  }, [features.data, buckets, counts, labelOf, i18n.language]);
  const bounds = useMemo(() => boundsOf((features.data?.features ?? []).map((feature) => feature.geometry as MultiPolygon)), [features.data]);
  const caption = t('fieldWork.overview.byLocalityIn', { from: formatMonth(range.first, i18n.language), to: formatMonth(range.last, i18n.language) });
  const failed = [summary, features, localities.query].find((query) => query.isError);
  const total = summary.data?.total ?? 0;

  return (
    <Stack component="section" gap="md" aria-labelledby="overview-by-locality">
      <Title order={2} fz="h3" id="overview-by-locality">
        {t('fieldWork.overview.byLocality')}
      </Title>
      {failed && <ErrorAlert error={failed.error} title={t('common.loadFailed')} onRetry={() => void failed.refetch()} />}
      {!failed && (summary.isPending || localities.query.isPending) && <ListSkeleton rows={3} />}
      {summary.isSuccess && total === 0 && <EmptyListNotice>{t('fieldWork.overview.none')}</EmptyListNotice>}
      {summary.isSuccess && localities.query.isSuccess && total > 0 && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            {mapData ? <LazyTerritoryMap key={i18n.language} data={mapData} visibility={VISIBILITY} bounds={bounds} label={t('fieldWork.overview.mapLabel', { period: caption })} height={isWide ? 460 : 320} isEmbedded /> : <MapSkeleton height={isWide ? 460 : 320} />}
            <Stack component="ul" gap={4} mt="sm" p={0} style={{ listStyle: 'none' }} aria-label={t('fieldWork.overview.legend')}>
              {buckets.map((bucket) => (
                <Group component="li" key={bucket.code} gap="xs" wrap="nowrap">
                  <Box w={18} h={18} style={{ background: bucket.color, opacity: 0.6, border: `2px solid ${bucket.color}`, borderRadius: 3 }} aria-hidden="true" />
                  <Text size="sm">{labelOf(bucket)}</Text>
                </Group>
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TableScroller label={caption} minWidth={280}>
              <Table striped verticalSpacing={4}>
                <Table.Caption className="visually-hidden">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('fieldWork.record.locality')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('fieldWork.overview.records')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Th scope="row" fw={400} className="wrap-words">{row.name}</Table.Th>
                      <Table.Td ta="right">{formatNumber(row.count, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row" fw={400}>{t('fieldWork.record.outsideLocalities')}</Table.Th>
                    <Table.Td ta="right">{formatNumber(outside, i18n.language)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t('fieldWork.overview.total')}</Table.Th>
                    <Table.Td ta="right" fw={700}>{formatNumber(total, i18n.language)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </TableScroller>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
