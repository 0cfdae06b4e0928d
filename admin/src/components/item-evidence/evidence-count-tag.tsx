import { PaperClipOutlined } from '@ant-design/icons';
import { Tag } from 'antd';

/** How many files back an item or a finding: blue once there is one, grey while there is none. */
export function EvidenceCountTag({ count, label, testId }: { count: number; label: string; testId: string }) {
  return (
    <Tag icon={<PaperClipOutlined />} color={count ? 'blue' : 'default'} bordered={false} data-testid={testId}>
      {label}
    </Tag>
  );
}
