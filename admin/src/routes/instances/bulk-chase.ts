import { http } from '../../providers/http';
import type { BulkTaskResult, InstanceView } from '../../types/contract';

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
    const view = await http<InstanceView>(`/instances/${id}`);
    if (view.status === 'running') taskIds.push(...view.openTasks.map((task) => task.id));
    onProgress(i + 1);
  }
  if (taskIds.length === 0) return { done: 0, failed: [], tasks: 0 };
  const result = await http<BulkTaskResult>('/tasks/bulk', { method: 'POST', body: { action: 'chase', taskIds } });
  return { ...result, tasks: taskIds.length };
}
