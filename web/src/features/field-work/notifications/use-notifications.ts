import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listNotifications, markNotificationRead, NOTIFICATIONS_QUERY_KEY } from '../api';

/** One's notifications, checked every minute while the app is open (a signal should not wait for a reload). */
export function useNotifications() {
  return useQuery({ queryKey: NOTIFICATIONS_QUERY_KEY, queryFn: listNotifications, refetchInterval: 60_000, staleTime: 15_000 });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
  });
}
