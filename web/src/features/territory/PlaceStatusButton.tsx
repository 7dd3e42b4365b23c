import { Button } from '@mantine/core';
import type { Place } from '@saferhood/contracts';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePlaceUpdate } from './use-places';

/** Archive a place (it leaves the map and the field app, but stays in records), or bring it back. */
export function PlaceStatusButton({ place }: { place: Pick<Place, 'id' | 'name' | 'status' | 'version'> }) {
  const { t } = useTranslation();
  const update = usePlaceUpdate((updated) => t(updated.status === 'archived' ? 'places.archivedNotice' : 'places.restoredNotice', { name: updated.name }));
  const isArchived = place.status === 'archived';
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={isArchived ? <IconArchiveOff size={14} aria-hidden="true" /> : <IconArchive size={14} aria-hidden="true" />}
      loading={update.isPending}
      onClick={() => update.mutate({ id: place.id, update: { status: isArchived ? 'active' : 'archived', version: place.version } })}
      aria-label={t(isArchived ? 'places.restoreNamed' : 'places.archiveNamed', { name: place.name })}
    >
      {t(isArchived ? 'localities.restore' : 'localities.archive')}
    </Button>
  );
}
