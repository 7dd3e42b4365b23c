import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { tenantCreateSchema } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { createTenant, TENANTS_QUERY_KEY } from './api';
import { TenantSettingsFields, type TenantSettings } from './TenantSettingsFields';
import { notify } from '../../lib/notify';

const INITIAL: TenantSettings = { name: '', timeZone: 'Europe/Prague', defaultLanguage: 'cs', currency: 'CZK' };

export function TenantCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [slug, setSlug] = useState('');
  const [settings, setSettings] = useState<TenantSettings>(INITIAL);
  const [errors, setErrors] = useState<FieldMessages>({});

  const create = useMutation({
    mutationFn: createTenant,
    onSuccess: (tenant) => {
      void queryClient.invalidateQueries({ queryKey: TENANTS_QUERY_KEY });
      notify({ tone: 'success', message: t('tenants.created', { name: tenant.name }) });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateForm(tenantCreateSchema, { slug, ...settings }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) create.mutate(checked.value);
  };

  const hasFieldErrors = Object.keys(fieldErrorsOf(create.error)).length > 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {create.isError && !hasFieldErrors && (
          <Alert role="alert" color="red" variant="light">
            {describeError(t, create.error)}
          </Alert>
        )}
        <TextInput
          label={t('tenants.form.slug')}
          description={t('tenants.form.slugHint')}
          value={slug}
          onChange={(event) => setSlug(event.currentTarget.value)}
          error={errors.slug}
          autoCapitalize="none"
          spellCheck={false}
          required
          data-autofocus
        />
        <TenantSettingsFields values={settings} errors={errors} onChange={setSettings} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('tenants.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
