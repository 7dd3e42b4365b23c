import type { LocalityDetail, LocalityUpdate } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../lib/error-message';
import { notify } from '../../lib/notify';
import { LOCALITIES_QUERY_KEY, updateLocality } from './api';

/**
 * Changes a locality (archive, restore). When someone else changed it first (409 version_conflict),
 * the lists reload so the coordinator sees the current state and can repeat the change.
 */
export function useLocalityUpdate(successMessage: (locality: LocalityDetail) => string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: LocalityUpdate }) => updateLocality(id, update),
    onSuccess: (locality) => {
      void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
      notify({ tone: 'success', message: successMessage(locality) });
    },
    onError: (error) => {
      if (isApiError(error, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
      notify({ tone: 'error', title: t('common.errorTitle'), message: describeError(t, error) });
    },
  });
}
