import type { Locality } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { ArchiveToggleButton } from './ArchiveToggleButton';
import { useLocalityUpdate } from './use-locality-update';

/** Archive a locality (it stays in records that refer to it, but leaves the map), or bring it back. */
export function LocalityStatusButton({ locality }: { locality: Pick<Locality, 'id' | 'name' | 'status' | 'version'> }) {
  const { t } = useTranslation();
  const update = useLocalityUpdate((updated) => t(updated.status === 'archived' ? 'localities.archivedNotice' : 'localities.restoredNotice', { name: updated.name }));
  return <ArchiveToggleButton record={locality} section="localities" update={update} />;
}
