import { Button, Group, Stack, Text } from '@mantine/core';
import type { Shift } from '@saferhood/contracts';
import { IconCalendarOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShiftProblemAlert } from './ShiftProblemAlert';
import { useShiftMutations } from './use-shift-mutations';

/** Cancelling keeps the shift and its history but frees the time; asked twice, as it cannot be undone here. */
export function ShiftCancelButton({ shift, onDone }: { shift: Shift; onDone: () => void }) {
  const { t } = useTranslation();
  const { update } = useShiftMutations(onDone);
  const [isAsking, setAsking] = useState(false);
  if (!isAsking) {
    return (
      <Button variant="subtle" color="red" leftSection={<IconCalendarOff size={16} aria-hidden="true" />} onClick={() => setAsking(true)} style={{ alignSelf: 'flex-start' }}>
        {t('fieldWork.shifts.cancelShift')}
      </Button>
    );
  }
  return (
    <Stack gap="xs">
      {update.isError && <ShiftProblemAlert error={update.error} />}
      <Text size="sm">{t('fieldWork.shifts.cancelQuestion')}</Text>
      <Group gap="xs">
        <Button color="red" loading={update.isPending} onClick={() => update.mutate({ id: shift.id, change: { cancelled: true, version: shift.version } })}>
          {t('fieldWork.shifts.cancelConfirm')}
        </Button>
        <Button variant="default" onClick={() => setAsking(false)}>
          {t('fieldWork.shifts.keepShift')}
        </Button>
      </Group>
    </Stack>
  );
}
