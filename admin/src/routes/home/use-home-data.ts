import { useQuery } from '@tanstack/react-query';

import { api, call } from '../../api/client';
import type { paths } from '../../api/schema.gen';

type InstancesQuery = NonNullable<paths['/api/instances']['get']['parameters']['query']>;

/** The signed-in user's first 100 open tasks: a home page groups them, the inbox pages through all. */
export function useMyTasks() {
  return useQuery({
    queryKey: ['home-tasks'],
    queryFn: () => call(api.GET('/api/tasks', { params: { query: { limit: 100 } } })),
    retry: false,
  });
}

/** Instances the user may read (the API filters them to the user's school, group or assignments). */
export function useInstances(query: Omit<InstancesQuery, 'limit'> & { limit?: number }) {
  return useQuery({
    queryKey: ['home-instances', query],
    queryFn: () => call(api.GET('/api/instances', { params: { query: { limit: 50, ...query } } })),
    retry: false,
  });
}

/** The 公示 running now that the user may read (their own submissions, their school's or group's, the bureau's all), ending soonest first. */
export function useRunningNotices() {
  return useQuery({
    queryKey: ['home-notices'],
    queryFn: () =>
      call(api.GET('/api/instances', { params: { query: { notice: '1', sort: 'dueAt', order: 'asc', limit: 20 } } })),
    retry: false,
  });
}
