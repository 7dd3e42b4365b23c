import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../auth/index';
import { PasswordChangeForm } from './PasswordChangeForm';
import { ProfileForm } from './ProfileForm';
import { SignOutEverywhereSection } from './SignOutEverywhereSection';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg" maw={640}>
      <PageHeader title={t('account.title')} description={me.user.email} />
      <ProfileForm key={`${me.user.id}:${me.user.language ?? ''}`} me={me} />
      <PasswordChangeForm />
      <SignOutEverywhereSection />
    </Stack>
  );
}
