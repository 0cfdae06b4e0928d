import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { InstanceRow } from '../types/contract';
import { DateText } from './date-text';

/**
 * An instance's deadline: a task's 办理时限 (red once overdue), or the end of a 公示 marked as such — a
 * notice is nobody's to-do and is never overdue, it simply ends. The API says which (`dueKind`).
 */
export function DueText({ dueAt, dueKind, overdue }: Pick<InstanceRow, 'dueAt' | 'dueKind' | 'overdue'>) {
  const { t } = useTranslation();
  if (dueKind !== 'notice' || !dueAt) return <DateText value={dueAt} overdue={overdue} />;
  return (
    <Space size={4} wrap={false} style={{ whiteSpace: 'nowrap' }} data-testid="notice-due">
      <Tag color="purple" bordered={false} style={{ marginInlineEnd: 0 }}>
        {t('notice.tag')}
      </Tag>
      <DateText value={dueAt} />
    </Space>
  );
}
