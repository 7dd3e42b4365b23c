import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from '../../components/LanguageMenu';
import { describeError } from '../../lib/error-message';
import { switchLanguage } from '../../lib/i18n';
import { applySession, useMe } from '../auth/index';
import { updateProfile } from './api';
import { notify } from '../../lib/notify';

/** The signed-in language switch: the choice is saved to the profile, so every device follows. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const saveLanguage = useMutation({
    mutationFn: (language: string) => updateProfile({ language }),
    onSuccess: (updated) => applySession(queryClient, updated),
    onError: (error) => notify({ tone: 'error', title: t('common.errorTitle'), message: describeError(t, error) }),
  });

  const selectLanguage = (language: string) => {
    switchLanguage(language);
    if (me.user.language !== language) saveLanguage.mutate(language);
  };

  return <LanguageMenu onSelect={selectLanguage} compact={compact} />;
}
