import { Button } from '@mantine/core';
import type { Locality } from '@saferhood/contracts';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalityUpdate } from './use-locality-update';

/** Archive a locality (it stays in records that refer to it, but leaves the map), or bring it back. */
export function LocalityStatusButton({ locality }: { locality: Pick<Locality, 'id' | 'name' | 'status' | 'version'> }) {
  const { t } = useTranslation();
  const update = useLocalityUpdate((updated) => t(updated.status === 'archived' ? 'localities.archivedNotice' : 'localities.restoredNotice', { name: updated.name }));
  const isArchived = locality.status === 'archived';
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={isArchived ? <IconArchiveOff size={14} aria-hidden="true" /> : <IconArchive size={14} aria-hidden="true" />}
      loading={update.isPending}
      onClick={() => update.mutate({ id: locality.id, update: { status: isArchived ? 'active' : 'archived', version: locality.version } })}
      aria-label={t(isArchived ? 'localities.restoreNamed' : 'localities.archiveNamed', { name: locality.name })}
    >
      {t(isArchived ? 'localities.restore' : 'localities.archive')}
    </Button>
  );
}
