import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { indicatorCreateSchema, type Indicator } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { notify } from '../../lib/notify';
import { createIndicator, INDICATORS_QUERY_KEY } from './api';

/** A new indicator the city follows over time (inhabitants, people under distraint …). */
export function IndicatorCreateForm({ onDone }: { onDone: (created: Indicator | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', unit: '', description: '' });
  const [errors, setErrors] = useState<FieldMessages>({});
  const create = useMutation({
    mutationFn: createIndicator,
    onSuccess: (indicator) => {
      void queryClient.invalidateQueries({ queryKey: INDICATORS_QUERY_KEY });
      notify({ tone: 'success', message: t('indicators.created', { name: indicator.name }) });
      onDone(indicator);
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });
  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, [field]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { description, ...rest } = values;
    const checked = validateForm(indicatorCreateSchema, description.trim() ? { ...rest, description } : rest, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) create.mutate(checked.value);
    else create.reset();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {create.isError && <FormErrorAlert error={create.error} shownFields={['name', 'unit', 'description']} />}
        <TextInput label={t('indicators.form.name')} value={values.name} onChange={set('name')} error={errors.name} required data-autofocus />
        <TextInput label={t('indicators.form.unit')} description={t('indicators.form.unitHint')} value={values.unit} onChange={set('unit')} error={errors.unit} required />
        <Textarea label={t('indicators.form.description')} value={values.description} onChange={set('description')} error={errors.description} autosize minRows={2} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('indicators.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
