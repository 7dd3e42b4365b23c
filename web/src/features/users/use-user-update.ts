import type { User, UserUpdate } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../lib/error-message';
import { notify } from '../../lib/notify';
import { updateUser, USERS_QUERY_KEY } from './api';

/**
 * Changes one user. When someone else changed them first (409 version_conflict) the list is reloaded,
 * so the admin sees the current state and can repeat the change on it.
 */
interface UserUpdateOptions {
  onSuccess?: () => void;
  successMessage?: (user: User) => string;
  /** A form that shows the refusal itself turns the corner notice off. */
  isErrorNoticeShown?: boolean;
}

export function useUserUpdate(options: UserUpdateOptions = {}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: UserUpdate }) => updateUser(id, update),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      notify({ tone: 'success', message: options.successMessage?.(user) ?? t('users.saved') });
      options.onSuccess?.();
    },
    onError: (error) => {
      if (isApiError(error, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      if (options.isErrorNoticeShown !== false) notify({ tone: 'error', title: t('common.errorTitle'), message: describeError(t, error) });
    },
  });
}
