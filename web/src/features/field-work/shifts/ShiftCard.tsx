import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { Shift } from '@saferhood/contracts';
import { IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalityNames } from '../use-field-lookups';
import { usePlaceOptions } from '../use-place-options';

/** One shift in a week: when, what duty, who, where; cancelled ones stay visible, struck through. */
export function ShiftCard({ shift, onEdit, canPlan }: { shift: Shift; onEdit: (shift: Shift) => void; canPlan: boolean }) {
  const { t } = useTranslation();
  const places = usePlaceOptions();
  const localities = useLocalityNames();
  const where = [...shift.placeIds.map((id) => places.nameOf(id)), ...shift.localityIds.map((id) => localities.nameOf(id))].filter(Boolean).join(', ');
  const time = `${shift.start}–${shift.end}`;
  const duty = t(`fieldWork.duty.${shift.dutyType}`);
  return (
    <Card withBorder padding="xs" radius="sm" className="wrap-anywhere" bg={shift.cancelled ? 'gray.1' : undefined}>
      <Stack gap={2}>
        <Text fw={700} size="sm" td={shift.cancelled ? 'line-through' : undefined}>
          {time}
        </Text>
        <Text size="sm">{duty}</Text>
        <Text size="sm" c="dimmed">
          {shift.assistants.map((person) => person.name).join(', ')}
        </Text>
        {where && <Text size="xs">{where}</Text>}
        {shift.assistants.some((person) => person.checkedInAt) && (
          <Group gap={4} wrap="nowrap">
            <IconCircleCheck size={14} color="var(--mantine-color-teal-9)" aria-hidden="true" />
            <Text size="xs" fw={600} c="teal.9">
              {t('fieldWork.shifts.checkedIn')}
            </Text>
          </Group>
        )}
        {shift.cancelled && (
          <Text size="xs" fw={600}>
            {t('fieldWork.shifts.cancelled')}
          </Text>
        )}
        {canPlan && !shift.cancelled && (
          <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => onEdit(shift)} aria-label={t('fieldWork.shifts.editNamed', { time, duty })} style={{ alignSelf: 'flex-start' }}>
            {t('fieldWork.shifts.edit')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
