import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { userUpdateSchema, type User } from '@saferhood/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { buildRoleOptions } from './role-options';
import { useUserUpdate } from './use-user-update';

/** Rename a user or change their role; the edit is based on the version shown. */
export function UserEditForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<string>(user.role);
  const [errors, setErrors] = useState<FieldMessages>({});
  const update = useUserUpdate({ onSuccess: onDone });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateForm(userUpdateSchema, { displayName, role, version: user.version }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) {
      update.mutate({ id: user.id, update: checked.value }, { onError: (error) => setErrors(fieldErrorsOf(error)) });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {update.isError && (
          <Alert role="alert" color="red" variant="light">
            {describeError(t, update.error)}
          </Alert>
        )}
        <TextInput label={t('users.form.displayName')} value={displayName} onChange={(event) => setDisplayName(event.currentTarget.value)} error={errors.displayName} required data-autofocus />
        <NativeSelect label={t('users.form.role')} value={role} onChange={(event) => setRole(event.currentTarget.value)} data={buildRoleOptions(t)} error={errors.role} />
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
