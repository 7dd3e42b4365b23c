import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { indicatorValueCreateSchema, type Indicator } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { notify } from '../../lib/notify';
import { INDICATORS_QUERY_KEY, recordIndicatorValue } from './api';

export interface PlaceOption {
  /** A locality's id, or '' for the whole city. */
  value: string;
  label: string;
}

interface IndicatorValueFormProps {
  indicators: readonly Indicator[];
  /** Where the value belongs: fixed (a locality's page) or chosen from these places. */
  place: { localityId: string | null } | { options: readonly PlaceOption[] };
  initialIndicatorId?: string;
}

interface FormValues {
  indicatorId: string;
  localityId: string;
  date: string;
  value: string;
  source: string;
}

/** Today in the person's own calendar (toISOString would give the UTC date, a day off around midnight). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Records an indicator's value at a date; the same date again corrects it. */
export function IndicatorValueForm({ indicators, place, initialIndicatorId }: IndicatorValueFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fixed = 'localityId' in place ? place.localityId : undefined;
  const [values, setValues] = useState<FormValues>({
    indicatorId: initialIndicatorId ?? indicators[0]?.id ?? '',
    localityId: fixed ?? '',
    date: today(),
    value: '',
    source: '',
  });
  const [errors, setErrors] = useState<FieldMessages>({});
  const record = useMutation({
    mutationFn: ({ indicatorId, ...value }: { indicatorId: string } & Parameters<typeof recordIndicatorValue>[1]) => recordIndicatorValue(indicatorId, value),
    onSuccess: (_value, { indicatorId }) => {
      void queryClient.invalidateQueries({ queryKey: INDICATORS_QUERY_KEY });
      const indicator = indicators.find((candidate) => candidate.id === indicatorId);
      notify({ tone: 'success', message: t('indicators.valueRecorded', { name: indicator?.name ?? '' }) });
      setValues((current) => ({ ...current, value: '', source: '' }));
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });
  const set = (field: keyof FormValues) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // People type decimal commas ("10,5"); the API wants a point.
    const input = {
      localityId: values.localityId || null,
      date: values.date,
      value: values.value.trim().replace(/\s/g, '').replace(',', '.'),
      ...(values.source.trim() ? { source: values.source } : {}),
    };
    const checked = validateForm(indicatorValueCreateSchema, input, t);
    const messages: FieldMessages = checked.ok ? {} : { ...checked.errors };
    if (!values.indicatorId) messages.indicatorId = t('validation.required');
    setErrors(messages);
    if (checked.ok && !messages.indicatorId) record.mutate({ indicatorId: values.indicatorId, ...checked.value });
    else record.reset();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('indicators.recordTitle')}>
      <Stack gap="md">
        {record.isError && <FormErrorAlert error={record.error} shownFields={['localityId', 'date', 'value', 'source']} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t('indicators.form.indicator')}
            value={values.indicatorId}
            onChange={set('indicatorId')}
            data={indicators.map((indicator) => ({ value: indicator.id, label: `${indicator.name} (${indicator.unit})` }))}
            error={errors.indicatorId}
            required
          />
          {'options' in place && (
            <NativeSelect label={t('indicators.form.place')} value={values.localityId} onChange={set('localityId')} data={[...place.options]} error={errors.localityId} />
          )}
          <TextInput label={t('indicators.form.date')} type="date" value={values.date} onChange={set('date')} error={errors.date} required />
          <TextInput label={t('indicators.form.value')} inputMode="decimal" value={values.value} onChange={set('value')} error={errors.value} autoComplete="off" required />
          <TextInput label={t('indicators.form.source')} description={t('indicators.form.sourceHint')} value={values.source} onChange={set('source')} error={errors.source} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('indicators.form.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
