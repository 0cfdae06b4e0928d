import type { TaskRow } from '../../types/contract';

/** Where a task opens: its instance, or — for a 负担码 report, which has none — the inbox's 办理 dialog. */
export const taskHref = (task: Pick<TaskRow, 'instanceId' | 'burdenReportId'>): string =>
  task.burdenReportId
    ? `/tasks?burden=${encodeURIComponent(task.burdenReportId)}`
    : `/instances/${task.instanceId ?? ''}`;
