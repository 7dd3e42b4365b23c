import { NativeSelect, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/form-validation';
import { LANGUAGES, languageName } from '../../lib/i18n';

export interface TenantSettings {
  name: string;
  timeZone: string;
  defaultLanguage: string;
  currency: string;
}

const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

interface TenantSettingsFieldsProps {
  values: TenantSettings;
  errors: FieldMessages;
  onChange: (values: TenantSettings) => void;
}

/** What a city is set up with, shared by the create and edit forms. */
export function TenantSettingsFields({ values, errors, onChange }: TenantSettingsFieldsProps) {
  const { t } = useTranslation();
  const set = (field: keyof TenantSettings) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange({ ...values, [field]: event.currentTarget.value });
  return (
    <>
      <TextInput label={t('tenants.form.name')} value={values.name} onChange={set('name')} error={errors.name} required />
      <NativeSelect label={t('tenants.form.timeZone')} value={values.timeZone} onChange={set('timeZone')} data={[...TIME_ZONES]} error={errors.timeZone} required />
      <NativeSelect
        label={t('tenants.form.defaultLanguage')}
        value={values.defaultLanguage}
        onChange={set('defaultLanguage')}
        data={LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
        error={errors.defaultLanguage}
        required
      />
      <TextInput
        label={t('tenants.form.currency')}
        description={t('tenants.form.currencyHint')}
        value={values.currency}
        onChange={(event) => onChange({ ...values, currency: event.currentTarget.value.toUpperCase() })}
        error={errors.currency}
        maxLength={3}
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
    </>
  );
}
