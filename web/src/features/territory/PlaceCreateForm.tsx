import { Button, Paper, Title } from '@mantine/core';
import type { Geometry } from 'geojson';
import { useTranslation } from 'react-i18next';
import { notify } from '../../lib/notify';
import type { Bounds } from './map/map-bounds';
import { PlaceForm } from './PlaceForm';

/** A new place of duty beside the map: its name, kind and a point or line on the map (or typed). */
export function PlaceCreateForm({ context, bounds, onDone }: { context: readonly Geometry[]; bounds: Bounds | null; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="place-create">
      <Title order={2} size="h4" id="place-create" mb="sm">
        {t('places.addTitle')}
      </Title>
      <PlaceForm
        context={context}
        bounds={bounds}
        mapHeight={300}
        onSaved={(place) => {
          notify({ tone: 'success', message: t('places.createdNotice', { name: place.name }) });
          onDone();
        }}
        cancel={
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        }
      />
    </Paper>
  );
}
