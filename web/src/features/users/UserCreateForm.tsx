import { Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { userCreateSchema } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { LANGUAGES, languageName } from '../../lib/i18n';
import { createUser, USERS_QUERY_KEY } from './api';
import { buildRoleOptions } from './role-options';
import { notify } from '../../lib/notify';
import { FormErrorAlert } from '../../components/FormErrorAlert';

interface FormValues {
  email: string;
  displayName: string;
  role: string;
  password: string;
  language: string;
}

const EMPTY: FormValues = { email: '', displayName: '', role: 'assistant', password: '', language: '' };

/** A new account in the admin's city; the admin tells the person their first password. */
export function UserCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [errors, setErrors] = useState<FieldMessages>({});

  const create = useMutation({
    mutationFn: createUser,
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      notify({ tone: 'success', message: t('users.created', { name: user.displayName }) });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const set = (field: keyof FormValues) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    // Read now: React clears currentTarget before a state updater runs.
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { language, ...rest } = values;
    const checked = validateForm(userCreateSchema, language ? { ...rest, language } : rest, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) create.mutate(checked.value);
    // A refusal from the last attempt no longer applies to what is on screen now.
    else create.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {create.isError && <FormErrorAlert error={create.error} shownFields={['email', 'displayName', 'role', 'password', 'language']} />}
        <TextInput label={t('users.form.displayName')} value={values.displayName} onChange={set('displayName')} error={errors.displayName} autoComplete="off" required data-autofocus />
        <TextInput label={t('users.form.email')} type="email" inputMode="email" value={values.email} onChange={set('email')} error={errors.email} autoComplete="off" autoCapitalize="none" spellCheck={false} required />
        <NativeSelect label={t('users.form.role')} value={values.role} onChange={set('role')} data={buildRoleOptions(t)} error={errors.role} required />
        <PasswordInput
          label={t('users.form.password')}
          description={t('users.form.passwordHint')}
          value={values.password}
          onChange={set('password')}
          error={errors.password}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
          required
        />
        <NativeSelect
          label={t('users.form.language')}
          value={values.language}
          onChange={set('language')}
          data={[{ value: '', label: t('users.form.languageDefault') }, ...LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))]}
          error={errors.language}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
