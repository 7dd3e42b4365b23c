import { Button, Grid, NativeSelect } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { DialogModal } from '../../components/DialogModal';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { PageHeader } from '../../components/PageHeader';
import { useIsWide } from '../../components/use-is-wide';
import { hasPermission, useMe } from '../auth/index';
import { useLocalities } from '../territory/index';
import { INDICATORS_QUERY_KEY, listIndicators } from './api';
import { IndicatorCreateForm } from './IndicatorCreateForm';
import { IndicatorNavList } from './IndicatorNavList';
import { IndicatorValuesPanel } from './IndicatorValuesPanel';

/** The indicators the city follows, and one indicator's values across the city and its localities. */
export function IndicatorListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isWide = useIsWide();
  const indicators = useQuery({ queryKey: INDICATORS_QUERY_KEY, queryFn: listIndicators });
  const localities = useLocalities('all');
  const [params, setParams] = useSearchParams();
  const [isCreating, setCreating] = useState(false);
  const list = indicators.data ?? [];
  const selected = list.find((indicator) => indicator.id === params.get('indicator')) ?? list[0];
  const select = (id: string) => setParams({ indicator: id }, { replace: true });

  return (
    <>
      <PageHeader
        title={t('indicators.title')}
        description={t('indicators.description')}
        actions={
          hasPermission(me, 'indicator:create') && (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
              {t('indicators.new')}
            </Button>
          )
        }
      />
      {(indicators.isPending || localities.isPending) && <ListSkeleton />}
      {indicators.isError && <ErrorAlert error={indicators.error} title={t('common.loadFailed')} onRetry={() => void indicators.refetch()} />}
      {localities.isError && <ErrorAlert error={localities.error} title={t('common.loadFailed')} onRetry={() => void localities.refetch()} />}
      {indicators.isSuccess && list.length === 0 && <EmptyListNotice>{t('indicators.empty')}</EmptyListNotice>}
      {selected && localities.data && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            {isWide ? (
              <IndicatorNavList indicators={list} selectedId={selected.id} onSelect={select} />
            ) : (
              // On a phone the list would push the values off the screen: a select instead.
              <NativeSelect
                label={t('indicators.form.indicator')}
                value={selected.id}
                onChange={(event) => select(event.currentTarget.value)}
                data={list.map((indicator) => ({ value: indicator.id, label: `${indicator.name} (${indicator.unit})` }))}
              />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
            <IndicatorValuesPanel indicator={selected} indicators={list} localities={localities.data.items} />
          </Grid.Col>
        </Grid>
      )}
      <DialogModal opened={isCreating} onClose={() => setCreating(false)} title={t('indicators.new')}>
        <IndicatorCreateForm
          onDone={(created) => {
            setCreating(false);
            if (created) select(created.id);
          }}
        />
      </DialogModal>
    </>
  );
}
