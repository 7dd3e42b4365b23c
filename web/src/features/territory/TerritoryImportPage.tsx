import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { PageHeader } from '../../components/PageHeader';
import { hasPermission, useMe } from '../auth/index';
import { CrimeImportCard } from '../crime/index';
import { CityAreaCard } from './CityAreaCard';
import { LocalityImportForm } from './LocalityImportForm';
import { PlaceImportForm } from './PlaceImportForm';
import { useLocalities } from './use-localities';

/** Bringing data in: locality boundaries and places of duty from GeoJSON, the city area, and the police's monthly crime files. */
export function TerritoryImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const localities = useLocalities('active');
  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <Stack gap="xl">
        {localities.isPending && <ListSkeleton rows={3} />}
        {localities.isError && <ErrorAlert error={localities.error} title={t('common.loadFailed')} onRetry={() => void localities.refetch()} />}
        {localities.data && <LocalityImportForm kinds={localities.data.kinds} />}
        {hasPermission(me, 'place:import') && <PlaceImportForm />}
        {hasPermission(me, 'locality:update') && <CityAreaCard />}
        {hasPermission(me, 'crime_data:import') && <CrimeImportCard />}
      </Stack>
    </>
  );
}
