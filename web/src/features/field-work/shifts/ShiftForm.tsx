import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { Shift } from '@saferhood/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../lib/error-message';
import type { StaffMember } from '../use-field-lookups';
import { EMPTY_SHIFT_FIELDS, ShiftFields, shiftFieldsBody, type ShiftFieldValues } from './ShiftFields';
import { ShiftProblemAlert } from './ShiftProblemAlert';
import { useShiftMutations } from './use-shift-mutations';

interface ShiftFormProps {
  /** A shift to change; none plans a new one. */
  shift?: Shift;
  date: string;
  assistants: readonly StaffMember[];
  /** Preselected people (the week shown is one assistant's). */
  assistantIds?: string[];
  onDone: () => void;
}

function required(values: ShiftFieldValues & { date: string }, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.date) errors.date = message;
  if (!values.start) errors.start = message;
  if (!values.end) errors.end = message;
  if (values.assistantIds.length === 0) errors.assistantIds = message;
  return errors;
}

/** Plan one shift or change it; the server refuses a double-booking and says whom and when. */
export function ShiftForm({ shift, date, assistants, assistantIds = [], onDone }: ShiftFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ShiftFieldValues & { date: string }>(
    shift
      ? { date: shift.date, start: shift.start, end: shift.end, dutyType: shift.dutyType, assistantIds: shift.assistants.map((person) => person.id), placeIds: shift.placeIds, localityIds: shift.localityIds, note: shift.note ?? '' }
      : { ...EMPTY_SHIFT_FIELDS, date, assistantIds },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { create, update } = useShiftMutations(onDone);
  const mutation = shift ? update : create;
  // People on the shift stay listed even if the lookup does not know them.
  const people = [...assistants, ...(shift?.assistants ?? []).filter((person) => !assistants.some((known) => known.id === person.id)).map((person) => ({ id: person.id, name: person.name, role: 'assistant' as const }))];
  const serverErrors = fieldErrorsOf(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = required(values, t('validation.required'));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = { date: values.date, ...shiftFieldsBody(values) };
    if (shift) update.mutate({ id: shift.id, change: { ...body, note: values.note.trim(), version: shift.version } });
    else create.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {mutation.isError && <ShiftProblemAlert error={mutation.error} />}
        <TextInput type="date" label={t('fieldWork.shifts.date')} value={values.date} onChange={(event) => setValues({ ...values, date: event.currentTarget.value })} required error={errors.date ?? serverErrors.date} />
        <ShiftFields values={values} onChange={(next) => setValues({ ...values, ...next })} assistants={people} errors={{ ...serverErrors, ...errors, assistantIds: errors.assistantIds }} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {shift ? t('fieldWork.shifts.saveChanges') : t('fieldWork.shifts.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
