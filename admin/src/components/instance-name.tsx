import { Space, Typography } from 'antd';

import type { MaybeLocalized } from '../types/contract';
import { useLocalize } from './localized-text';

/**
 * What an instance is called — its declared title (the activity, the round, the cycle) — over the
 * workflow it runs in, smaller: a list row or card names the thing, not the bureau it is filed with.
 */
export function InstanceName({
  title,
  workflow,
  link = true,
}: {
  title: MaybeLocalized;
  workflow: MaybeLocalized;
  link?: boolean;
}) {
  const localize = useLocalize();
  const name = localize(title);
  const kind = localize(workflow);
  return (
    <Space direction="vertical" size={0} data-testid="instance-name">
      {link ? <Typography.Link strong>{name}</Typography.Link> : <Typography.Text strong>{name}</Typography.Text>}
      {kind !== name && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {kind}
        </Typography.Text>
      )}
    </Space>
  );
}
