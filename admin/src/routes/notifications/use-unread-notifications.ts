import { useQuery } from '@tanstack/react-query';

import { api, call } from '../../api/client';

export const UNREAD_LIMIT = 20;

/** The caller's newest unread notifications; one query shared by the bell and the menu badge (react-query dedupes). */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => call(api.GET('/api/notifications', { params: { query: { unread: '1', limit: UNREAD_LIMIT } } })),
    refetchInterval: 60_000,
    retry: false,
  });
}
