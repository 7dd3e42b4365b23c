import { Alert, Button, Checkbox, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../lib/error-message';
import { formatDate } from '../../../lib/format';
import { addDays, expandSeriesDates, weekdayName } from '../field-time';
import type { StaffMember } from '../use-field-lookups';
import { EMPTY_SHIFT_FIELDS, ShiftFields, shiftFieldsBody, type ShiftFieldValues } from './ShiftFields';
import { ShiftProblemAlert } from './ShiftProblemAlert';
import { useShiftMutations } from './use-shift-mutations';

const SCHOOL_DAYS = ['1', '2', '3', '4', '5'];
const PREVIEW_DATES = 6;

interface SeriesValues extends ShiftFieldValues {
  from: string;
  to: string;
  weekdays: string[];
  skipDates: string[];
}

/** "Every school day 07:30–08:00 at crossing X": weekdays between two dates, less holidays; all or none. */
export function ShiftSeriesForm({ from, assistants, assistantIds = [], onDone }: { from: string; assistants: readonly StaffMember[]; assistantIds?: string[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<SeriesValues>({ ...EMPTY_SHIFT_FIELDS, assistantIds, from, to: addDays(from, 27), weekdays: SCHOOL_DAYS, skipDates: [] });
  const [skipDraft, setSkipDraft] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { createSeries } = useShiftMutations(onDone);
  const serverErrors = fieldErrorsOf(createSeries.error);
  const dates = expandSeriesDates(values.from, values.to, values.weekdays.map(Number), values.skipDates);

  const addSkip = () => {
    if (!skipDraft || values.skipDates.includes(skipDraft)) return;
    setValues({ ...values, skipDates: [...values.skipDates, skipDraft].sort() });
    setSkipDraft('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const missing = t('validation.required');
    if (!values.from) found.from = missing;
    if (!values.to) found.to = missing;
    if (values.from && values.to && values.to < values.from) found.to = t('fieldWork.series.toBeforeFrom');
    if (values.weekdays.length === 0) found.weekdays = missing;
    if (values.assistantIds.length === 0) found.assistantIds = missing;
    if (!values.start) found.start = missing;
    if (!values.end) found.end = missing;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    createSeries.mutate({ from: values.from, to: values.to, weekdays: values.weekdays.map(Number), skipDates: values.skipDates, ...shiftFieldsBody(values) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {createSeries.isError && <ShiftProblemAlert error={createSeries.error} />}
        <Group grow gap="sm" align="flex-start">
          <TextInput type="date" label={t('fieldWork.series.from')} value={values.from} onChange={(event) => setValues({ ...values, from: event.currentTarget.value })} required error={errors.from ?? serverErrors.from} />
          <TextInput type="date" label={t('fieldWork.series.to')} value={values.to} onChange={(event) => setValues({ ...values, to: event.currentTarget.value })} required error={errors.to ?? serverErrors.to} />
        </Group>
        <Checkbox.Group label={t('fieldWork.series.weekdays')} value={values.weekdays} onChange={(weekdays) => setValues({ ...values, weekdays })} required error={errors.weekdays ?? serverErrors.weekdays}>
          <Group gap="md" mt={6}>
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <Checkbox key={day} value={String(day)} label={weekdayName(day, i18n.language, 'long')} />
            ))}
          </Group>
        </Checkbox.Group>
        <Stack gap={6}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput type="date" label={t('fieldWork.series.skipDate')} description={t('fieldWork.series.skipHint')} value={skipDraft} onChange={(event) => setSkipDraft(event.currentTarget.value)} style={{ flex: 1 }} />
            <Button variant="default" onClick={addSkip} disabled={!skipDraft}>
              {t('fieldWork.series.addSkip')}
            </Button>
          </Group>
          {values.skipDates.length > 0 && (
            <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('fieldWork.series.skipped')}>
              {values.skipDates.map((date) => (
                <Group key={date} component="li" gap={2} wrap="nowrap" px="xs" style={{ border: '1px solid var(--mantine-color-gray-5)', borderRadius: 16 }}>
                  <Text size="sm">{formatDate(date, i18n.language)}</Text>
                  <CloseButton size="sm" aria-label={t('fieldWork.series.removeSkip', { date: formatDate(date, i18n.language) })} onClick={() => setValues({ ...values, skipDates: values.skipDates.filter((skipped) => skipped !== date) })} />
                </Group>
              ))}
            </Group>
          )}
        </Stack>
        <ShiftFields values={values} onChange={(next) => setValues({ ...values, ...next })} assistants={assistants} errors={{ ...serverErrors, ...errors }} />
        <Alert color={dates.length > 0 ? 'blue' : 'gray'} variant="light" aria-live="polite" className="wrap-anywhere">
          <Text fw={600}>{t('fieldWork.series.preview', { count: dates.length })}</Text>
          {dates.length > 0 && (
            <Text size="sm">
              {dates.slice(0, PREVIEW_DATES).map((date) => formatDate(date, i18n.language)).join(', ')}
              {dates.length > PREVIEW_DATES && ` ${t('fieldWork.series.andMore', { count: dates.length - PREVIEW_DATES })}`}
            </Text>
          )}
        </Alert>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={createSeries.isPending} disabled={dates.length === 0}>
            {t('fieldWork.series.create', { count: dates.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
