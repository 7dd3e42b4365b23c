import { Button, Group, Stack } from '@mantine/core';
import { tenantUpdateSchema, type Tenant } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, isApiError } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { TENANTS_QUERY_KEY, updateTenant } from './api';
import { TenantSettingsFields, type TenantSettings } from './TenantSettingsFields';
import { notify } from '../../lib/notify';
import { FormErrorAlert } from '../../components/FormErrorAlert';

export function TenantEditForm({ tenant, onDone }: { tenant: Tenant; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [settings, setSettings] = useState<TenantSettings>({
    name: tenant.name,
    timeZone: tenant.timeZone,
    defaultLanguage: tenant.defaultLanguage,
    currency: tenant.currency,
  });
  const [errors, setErrors] = useState<FieldMessages>({});

  const update = useMutation({
    mutationFn: (values: Parameters<typeof updateTenant>[1]) => updateTenant(tenant.id, values),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TENANTS_QUERY_KEY });
      notify({ tone: 'success', message: t('tenants.saved') });
      onDone();
    },
    onError: (error) => {
      setErrors(fieldErrorsOf(error));
      // Someone else changed the city meanwhile: reload the list so the next edit starts from it.
      if (isApiError(error, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: TENANTS_QUERY_KEY });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateForm(tenantUpdateSchema, { ...settings, version: tenant.version }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) update.mutate(checked.value);
    // A refusal from the last attempt no longer applies to what is on screen now.
    else update.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {update.isError && <FormErrorAlert error={update.error} shownFields={['name', 'timeZone', 'defaultLanguage', 'currency']} />}
        <TenantSettingsFields values={settings} errors={errors} onChange={setSettings} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
