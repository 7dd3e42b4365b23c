import { Button, Group, Text } from '@mantine/core';
import type { User } from '@saferhood/contracts';
import { IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUserUpdate } from './use-user-update';

interface UserActionsProps {
  user: User;
  isSelf: boolean;
  onEdit: (user: User) => void;
}

/** Edit, disable or enable one user. Nobody disables or demotes themselves (the server refuses it too). */
export function UserActions({ user, isSelf, onEdit }: UserActionsProps) {
  const { t } = useTranslation();
  const update = useUserUpdate({
    successMessage: (updated) => t(updated.isDisabled ? 'users.disabledNotice' : 'users.enabledNotice', { name: updated.displayName }),
  });
  if (isSelf) {
    return (
      <Text size="sm" c="dimmed">
        {t('users.you')}
      </Text>
    );
  }
  const toggleDisabled = () => update.mutate({ id: user.id, update: { isDisabled: !user.isDisabled, version: user.version } });
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconPencil size={14} aria-hidden="true" />}
        onClick={() => onEdit(user)}
        aria-label={t('users.editNamed', { name: user.displayName })}
      >
        {t('users.edit')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={
          user.isDisabled ? (
            <IconLockOpen size={14} color="var(--mantine-color-green-9)" aria-hidden="true" />
          ) : (
            <IconLock size={14} color="var(--mantine-color-red-9)" aria-hidden="true" />
          )
        }
        loading={update.isPending}
        onClick={toggleDisabled}
        aria-label={t(user.isDisabled ? 'users.enableNamed' : 'users.disableNamed', { name: user.displayName })}
      >
        {t(user.isDisabled ? 'users.enable' : 'users.disable')}
      </Button>
    </Group>
  );
}
