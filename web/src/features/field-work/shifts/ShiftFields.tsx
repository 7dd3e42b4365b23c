import { Checkbox, Group, MultiSelect, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DUTY_TYPES, type DutyType } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { useLocalities } from '../../territory/index';
import { usePlaceOptions } from '../use-place-options';
import type { StaffMember } from '../use-field-lookups';

export interface ShiftFieldValues {
  start: string;
  end: string;
  dutyType: DutyType;
  assistantIds: string[];
  placeIds: string[];
  localityIds: string[];
  note: string;
}

export const EMPTY_SHIFT_FIELDS: ShiftFieldValues = { start: '07:30', end: '08:00', dutyType: 'school_crossing', assistantIds: [], placeIds: [], localityIds: [], note: '' };

interface ShiftFieldsProps {
  values: ShiftFieldValues;
  onChange: (values: ShiftFieldValues) => void;
  assistants: readonly StaffMember[];
  errors: Record<string, string | undefined>;
}

/** What a shift and a series share: times, who, which duty, where. */
export function ShiftFields({ values, onChange, assistants, errors }: ShiftFieldsProps) {
  const { t } = useTranslation();
  const localities = useLocalities('active');
  const places = usePlaceOptions();
  const set = <K extends keyof ShiftFieldValues>(key: K, value: ShiftFieldValues[K]) => onChange({ ...values, [key]: value });
  return (
    <Stack gap="sm">
      <Group grow gap="sm" align="flex-start">
        <TextInput type="time" label={t('fieldWork.shifts.start')} value={values.start} onChange={(event) => set('start', event.currentTarget.value)} required error={errors.start} />
        <TextInput type="time" label={t('fieldWork.shifts.end')} value={values.end} onChange={(event) => set('end', event.currentTarget.value)} required error={errors.end} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('fieldWork.shifts.overnightHint')}
      </Text>
      <Checkbox.Group
        label={t('fieldWork.shifts.assistants')}
        value={values.assistantIds}
        onChange={(ids) => set('assistantIds', ids)}
        error={errors.assistantIds}
        required
      >
        <Stack gap={6} mt={6}>
          {assistants.length === 0 && <Text size="sm" c="dimmed">{t('fieldWork.shifts.noAssistants')}</Text>}
          {assistants.map((person) => (
            <Checkbox key={person.id} value={person.id} label={person.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <NativeSelect
        label={t('fieldWork.shifts.dutyType')}
        value={values.dutyType}
        onChange={(event) => set('dutyType', event.currentTarget.value as DutyType)}
        data={DUTY_TYPES.map((type) => ({ value: type, label: t(`fieldWork.duty.${type}`) }))}
        error={errors.dutyType}
      />
      <MultiSelect
        label={t('fieldWork.shifts.places')}
        placeholder={values.placeIds.length === 0 ? t('fieldWork.shifts.choose') : undefined}
        data={places.options}
        value={values.placeIds}
        onChange={(ids) => set('placeIds', ids)}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('fieldWork.shifts.clearPlaces') }}
        nothingFoundMessage={t('fieldWork.shifts.nothingFound')}
        error={errors.placeIds}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label={t('fieldWork.shifts.localities')}
        placeholder={values.localityIds.length === 0 ? t('fieldWork.shifts.choose') : undefined}
        data={(localities.data?.items ?? []).map((locality) => ({ value: locality.id, label: locality.name }))}
        value={values.localityIds}
        onChange={(ids) => set('localityIds', ids)}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('fieldWork.shifts.clearLocalities') }}
        nothingFoundMessage={t('fieldWork.shifts.nothingFound')}
        error={errors.localityIds}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea label={t('fieldWork.shifts.note')} value={values.note} onChange={(event) => set('note', event.currentTarget.value)} autosize minRows={1} maxLength={1000} error={errors.note} />
    </Stack>
  );
}

/** The request's shared fields from the form's values. */
export function shiftFieldsBody(values: ShiftFieldValues) {
  return {
    start: values.start,
    end: values.end,
    dutyType: values.dutyType,
    assistantIds: values.assistantIds,
    placeIds: values.placeIds,
    localityIds: values.localityIds,
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}
