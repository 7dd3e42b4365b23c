import type { Place } from '@saferhood/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../lib/error-message';
import { notify } from '../../lib/notify';
import { LOCALITIES_QUERY_KEY, listPlaces, placeListQueryKey, PLACES_QUERY_KEY, updatePlace, type LocalityStatusFilter, type PlaceUpdate } from './api';

/** The register of places of duty: active ones, archived ones, or all. */
export function usePlaces(status: LocalityStatusFilter) {
  return useQuery({ queryKey: placeListQueryKey(status), queryFn: () => listPlaces(status) });
}

/**
 * Changes a place (archive, restore). When someone else changed it first (409 version_conflict), the
 * lists reload so the person sees the current state and can repeat the change.
 */
export function usePlaceUpdate(successMessage: (place: Place) => string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: PlaceUpdate }) => updatePlace(id, update),
    onSuccess: (place) => {
      void queryClient.invalidateQueries({ queryKey: PLACES_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
      notify({ tone: 'success', message: successMessage(place) });
    },
    onError: (error) => {
      if (isApiError(error, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: PLACES_QUERY_KEY });
      notify({ tone: 'error', title: t('common.errorTitle'), message: describeError(t, error) });
    },
  });
}
