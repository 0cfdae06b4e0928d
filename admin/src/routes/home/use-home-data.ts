import { useQuery } from '@tanstack/react-query';

import { http } from '../../providers/http';
import type { InstanceRow, Page, TaskRow } from '../../types/contract';

/** The signed-in user's first 100 open tasks: a home page groups them, the inbox pages through all. */
export function useMyTasks() {
  return useQuery({
    queryKey: ['home-tasks'],
    queryFn: () => http<Page<TaskRow>>('/tasks', { query: { limit: 100 } }),
    retry: false,
  });
}

/** Instances the user may read (the API filters them to the user's school, group or assignments). */
export function useInstances(query: { block?: string; status?: string; limit?: number }) {
  return useQuery({
    queryKey: ['home-instances', query],
    queryFn: () => http<Page<InstanceRow>>('/instances', { query: { limit: 50, ...query } }),
    retry: false,
  });
}

/** The 公示 running now that the user may read (their own submissions, their school's or group's, the bureau's all), ending soonest first. */
export function useRunningNotices() {
  return useQuery({
    queryKey: ['home-notices'],
    queryFn: () =>
      http<Page<InstanceRow>>('/instances', { query: { notice: '1', sort: 'dueAt', order: 'asc', limit: 20 } }),
    retry: false,
  });
}
