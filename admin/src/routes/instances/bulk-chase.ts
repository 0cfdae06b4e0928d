import { api, call } from '../../api/client';
import type { BulkTaskResult } from '../../types/contract';

/**
 * 批量催办 over instances: the list has no task ids, so each selected instance's open tasks are read
 * first (at most one page of instances), then chased in one bulk call.
 */
export async function chaseInstances(
  ids: string[],
  onProgress: (done: number) => void,
): Promise<BulkTaskResult & { tasks: number }> {
  const taskIds: string[] = [];
  for (const [i, id] of ids.entries()) {
    const view = await call(api.GET('/api/instances/{id}', { params: { path: { id } } }));
    if (view.status === 'running') taskIds.push(...view.openTasks.map((task) => task.id));
    onProgress(i + 1);
  }
  if (taskIds.length === 0) return { done: 0, failed: [], tasks: 0 };
  const result = await call(api.POST('/api/tasks/bulk', { body: { action: 'chase', taskIds } }));
  return { ...result, tasks: taskIds.length };
}
