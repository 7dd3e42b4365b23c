import { Alert, Button, Paper } from '@mantine/core';
import type { Geometry } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { notify } from '../../lib/notify';
import { useTerritoryContext } from './LocalityNewPage';
import { boundsOf, padBounds } from './map/map-bounds';
import { PlaceForm } from './PlaceForm';
import { PlaceStatusButton } from './PlaceStatusButton';
import { usePlaces } from './use-places';

/** A place of duty's name, kind and position changed, or the place archived or restored. */
export function PlaceEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  // The API lists places but has no single-place read; the register (archived ones too) is small.
  const places = usePlaces('all');
  const place = places.data?.find((candidate) => candidate.id === id);
  const { context } = useTerritoryContext();
  // Opened around the place itself, with some of its surroundings.
  const bounds = useMemo(() => padBounds(boundsOf(place ? [place.geometry as Geometry] : []), 0.004), [place]);

  if (places.isPending) return <PageLoader />;
  if (places.isError || !place) {
    return (
      <>
        <PageHeader title={t('places.editTitle')} />
        {places.isError ? (
          <ErrorAlert error={places.error} title={t('common.loadFailed')} onRetry={() => void places.refetch()} />
        ) : (
          <Alert color="orange" variant="light" role="alert">
            {t('places.notFound')}
          </Alert>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('places.editTitleNamed', { name: place.name })}
        description={t(place.status === 'archived' ? 'places.archivedDescription' : 'places.editDescription')}
        actions={<PlaceStatusButton place={place} />}
      />
      <Paper withBorder radius="md" p="md">
        <PlaceForm
          // Keyed by the place alone: after a refused stale save the list reloads, and the form keeps what
          // the person typed while the next save goes with the current version (the conflict notice says so).
          key={place.id}
          place={place}
          context={context}
          bounds={bounds}
          mapHeight={380}
          onSaved={(saved) => {
            notify({ tone: 'success', message: t('places.savedNotice', { name: saved.name }) });
            void navigate('/places');
          }}
          cancel={
            <Button component={Link} to="/places" variant="default">
              {t('common.cancel')}
            </Button>
          }
        />
      </Paper>
    </>
  );
}
