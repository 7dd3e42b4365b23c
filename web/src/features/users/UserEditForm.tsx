import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { userUpdateSchema, type User } from '@saferhood/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { buildRoleOptions } from './role-options';
import { useUserUpdate } from './use-user-update';

/**
 * Rename a user or change their role. Only what the admin changed is sent, based on the newest version
 * the page has: after a version conflict the list reloads, the fields the admin left alone take the new
 * values, and saving again applies the admin's change on top of the other one instead of undoing it.
 */
export function UserEditForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [original, setOriginal] = useState(user);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<string>(user.role);
  if (user.version !== original.version) {
    // Someone else changed the user (the list reloaded): rebase the untouched fields on their version.
    setOriginal(user);
    if (displayName === original.displayName) setDisplayName(user.displayName);
    if (role === original.role) setRole(user.role);
  }
  const [errors, setErrors] = useState<FieldMessages>({});
  const update = useUserUpdate({ onSuccess: onDone, isErrorNoticeShown: false });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = {
      ...(displayName !== original.displayName ? { displayName } : {}),
      ...(role !== original.role ? { role } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    const checked = validateForm(userUpdateSchema, { ...changes, version: user.version }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) update.mutate({ id: user.id, update: checked.value }, { onError: (error) => setErrors(fieldErrorsOf(error)) });
    else update.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {update.isError && <FormErrorAlert error={update.error} shownFields={['displayName', 'role']} />}
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
