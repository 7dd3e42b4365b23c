import { Avatar, Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { clearSession, signOut, useMe } from '../features/auth/index';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** The signed-in person: their account and signing out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOutMutation = useMutation({
    mutationFn: signOut,
    // Even if the server could not be told, this browser forgets the session.
    onSettled: () => {
      clearSession(queryClient);
      void navigate('/sign-in', { replace: true });
    },
  });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px="xs"
          aria-label={t('shell.userMenu', { name: me.user.displayName })}
          leftSection={
            <Avatar size="sm" color="blue" aria-hidden="true">
              {initialsOf(me.user.displayName)}
            </Avatar>
          }
          rightSection={compact ? null : <IconChevronDown size={16} aria-hidden="true" />}
        >
          {compact ? null : (
            <Text span size="sm" maw={180} truncate="end">
              {me.user.displayName}
            </Text>
          )}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden="true" />}>
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item onClick={() => signOutMutation.mutate()} leftSection={<IconLogout size={16} aria-hidden="true" />}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
