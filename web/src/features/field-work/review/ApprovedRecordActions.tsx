import { Button, Collapse, Group, Stack } from '@mantine/core';
import type { FieldRecord } from '@saferhood/contracts';
import { IconChevronDown, IconChevronUp, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../../components/DialogModal';
import { hasPermission, useMe } from '../../auth/index';
import { AmendmentForm } from './AmendmentForm';
import { AmendmentHistory } from './AmendmentHistory';
import { useRecordName } from './FieldRecordCard';

/** An approved record is locked: it can only be amended (changes and a reason), and its amendments shown. */
export function ApprovedRecordActions({ record }: { record: FieldRecord }) {
  const { t } = useTranslation();
  const me = useMe();
  const name = useRecordName()(record);
  const [isAmending, setAmending] = useState(false);
  const [isHistoryOpen, setHistoryOpen] = useState(false);
  const historyId = `amendments-${record.id}`;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {hasPermission(me, 'field_record:amend') && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setAmending(true)} aria-label={t('fieldWork.amend.openNamed', { name })}>
            {t('fieldWork.amend.open')}
          </Button>
        )}
        {record.amendments > 0 && (
          <Button
            variant="default"
            rightSection={isHistoryOpen ? <IconChevronUp size={16} aria-hidden="true" /> : <IconChevronDown size={16} aria-hidden="true" />}
            onClick={() => setHistoryOpen((open) => !open)}
            aria-expanded={isHistoryOpen}
            aria-controls={historyId}
          >
            {t('fieldWork.amend.history', { count: record.amendments })}
          </Button>
        )}
      </Group>
      <Collapse expanded={isHistoryOpen} id={historyId}>
        {isHistoryOpen && <AmendmentHistory recordId={record.id} />}
      </Collapse>
      <DialogModal opened={isAmending} onClose={() => setAmending(false)} title={t('fieldWork.amend.title', { name })}>
        {isAmending && <AmendmentForm record={record} onDone={() => setAmending(false)} />}
      </DialogModal>
    </Stack>
  );
}
