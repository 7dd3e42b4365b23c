import { Alert, Button, Group } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../lib/error-message';
import { clearSession } from '../auth/index';
import { signOutEverywhere } from './api';
import { SectionCard } from './SectionCard';

/** For a lost phone or a shared computer: ends every session of this person, this one too. */
export function SignOutEverywhereSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOutAll = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => {
      clearSession(queryClient);
      void navigate('/sign-in', { replace: true });
    },
  });
  return (
    <SectionCard title={t('account.sessions.title')} description={t('account.sessions.description')}>
      {signOutAll.isError && (
        <Alert role="alert" color="red" variant="light">
          {describeError(t, signOutAll.error)}
        </Alert>
      )}
      <Group>
        <Button variant="outline" color="red" leftSection={<IconLogout size={18} aria-hidden="true" />} loading={signOutAll.isPending} onClick={() => signOutAll.mutate()}>
          {t('account.sessions.submit')}
        </Button>
      </Group>
    </SectionCard>
  );
}
