import type { Place } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { ArchiveToggleButton } from './ArchiveToggleButton';
import { usePlaceUpdate } from './use-places';

/** Archive a place (it leaves the map and the field app, but stays in records), or bring it back. */
export function PlaceStatusButton({ place }: { place: Pick<Place, 'id' | 'name' | 'status' | 'version'> }) {
  const { t } = useTranslation();
  const update = usePlaceUpdate((updated) => t(updated.status === 'archived' ? 'places.archivedNotice' : 'places.restoredNotice', { name: updated.name }));
  return <ArchiveToggleButton record={place} section="places" update={update} />;
}
