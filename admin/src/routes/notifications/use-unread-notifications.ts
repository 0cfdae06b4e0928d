import { useQuery } from '@tanstack/react-query';

import { http } from '../../providers/http';
import type { NotificationRow, Page } from '../../types/contract';

export const UNREAD_LIMIT = 20;

/** The caller's newest unread notifications; one query shared by the bell and the menu badge (react-query dedupes). */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => http<Page<NotificationRow>>('/notifications', { query: { unread: 1, limit: UNREAD_LIMIT } }),
    refetchInterval: 60_000,
    retry: false,
  });
}
