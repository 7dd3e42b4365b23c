import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { passwordChangeSchema, type PasswordChange } from '@saferhood/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { changePassword } from './api';
import { SectionCard } from './SectionCard';
import { notify } from '../../lib/notify';
import { FormErrorAlert } from '../../components/FormErrorAlert';

const EMPTY: PasswordChange = { currentPassword: '', newPassword: '' };

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState<PasswordChange>(EMPTY);
  const [errors, setErrors] = useState<FieldMessages>({});

  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setValues(EMPTY);
      notify({ tone: 'success', message: t('account.password.changed') });
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateForm(passwordChangeSchema, values, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) change.mutate(checked.value);
    // A refusal from the last attempt no longer applies to what is on screen now.
    else change.reset();
  };

  return (
    <SectionCard title={t('account.password.title')} description={t('account.password.description')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {change.isError && <FormErrorAlert error={change.error} shownFields={['currentPassword', 'newPassword']} />}
          <PasswordInput
            label={t('account.password.current')}
            value={values.currentPassword}
            onChange={(event) => setValues({ ...values, currentPassword: event.currentTarget.value })}
            error={errors.currentPassword}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
            required
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('account.password.rules')}
            value={values.newPassword}
            onChange={(event) => setValues({ ...values, newPassword: event.currentTarget.value })}
            error={errors.newPassword}
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
            required
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
