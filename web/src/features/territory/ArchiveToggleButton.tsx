import { Button } from '@mantine/core';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Status = 'active' | 'archived';

interface ArchiveToggleButtonProps {
  record: { id: string; name: string; status: Status; version: number };
  /** The catalogue section with archive/restore labels and notices: `localities` or `places`. */
  section: 'localities' | 'places';
  update: { isPending: boolean; mutate: (change: { id: string; update: { status: Status; version: number } }) => void };
}

/** Archive a record of the register (it stays in what refers to it), or bring it back. */
export function ArchiveToggleButton({ record, section, update }: ArchiveToggleButtonProps) {
  const { t } = useTranslation();
  const isArchived = record.status === 'archived';
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={isArchived ? <IconArchiveOff size={14} aria-hidden="true" /> : <IconArchive size={14} aria-hidden="true" />}
      loading={update.isPending}
      onClick={() => update.mutate({ id: record.id, update: { status: isArchived ? 'active' : 'archived', version: record.version } })}
      aria-label={t(isArchived ? `${section}.restoreNamed` : `${section}.archiveNamed`, { name: record.name })}
    >
      {t(isArchived ? `${section}.restore` : `${section}.archive`)}
    </Button>
  );
}
