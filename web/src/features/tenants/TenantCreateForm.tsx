import { Button, Fieldset, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { tenantCreateSchema } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { notify } from '../../lib/notify';
import { createTenant, TENANTS_QUERY_KEY } from './api';
import { TenantSettingsFields, type TenantSettings } from './TenantSettingsFields';

const INITIAL: TenantSettings = { name: '', timeZone: 'Europe/Prague', defaultLanguage: 'cs', currency: 'CZK' };
const EMPTY_ADMIN = { email: '', displayName: '', password: '' };
const SHOWN_FIELDS = ['slug', 'name', 'timeZone', 'defaultLanguage', 'currency', 'admin.email', 'admin.displayName', 'admin.password'];

/** A new city opens with its settings and its first admin, who then runs the city's accounts. */
export function TenantCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [slug, setSlug] = useState('');
  const [settings, setSettings] = useState<TenantSettings>(INITIAL);
  const [admin, setAdmin] = useState(EMPTY_ADMIN);
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
    const checked = validateForm(tenantCreateSchema, { slug, ...settings, admin }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) create.mutate(checked.value);
    // A refusal from the last attempt no longer applies to what is on screen now.
    else create.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {create.isError && <FormErrorAlert error={create.error} shownFields={SHOWN_FIELDS} />}
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
        <Fieldset legend={t('tenants.form.adminLegend')} variant="filled">
          <Stack gap="md">
            <TextInput
              label={t('tenants.form.adminName')}
              value={admin.displayName}
              onChange={(event) => setAdmin({ ...admin, displayName: event.currentTarget.value })}
              error={errors['admin.displayName']}
              autoComplete="off"
              required
            />
            <TextInput
              label={t('tenants.form.adminEmail')}
              type="email"
              inputMode="email"
              value={admin.email}
              onChange={(event) => setAdmin({ ...admin, email: event.currentTarget.value })}
              error={errors['admin.email']}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
            <PasswordInput
              label={t('tenants.form.adminPassword')}
              description={t('tenants.form.adminPasswordHint')}
              value={admin.password}
              onChange={(event) => setAdmin({ ...admin, password: event.currentTarget.value })}
              error={errors['admin.password']}
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
              required
            />
          </Stack>
        </Fieldset>
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
