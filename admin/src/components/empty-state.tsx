import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty list that tells the user why it is empty and what to do next. */
export function EmptyState({ description, children }: { description: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '32px 0' }}>
      {children}
    </Empty>
  );
}
