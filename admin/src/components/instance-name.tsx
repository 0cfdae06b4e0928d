import { Space, Typography } from 'antd';
import { Link } from 'react-router';

import type { MaybeLocalized } from '../types/contract';
import { useLocalize } from './localized-text';

/**
 * What an instance is called — its declared title (the activity, the round, the cycle) — over the
 * workflow it runs in, smaller: a list row or card names the thing, not the bureau it is filed with.
 * With `to` the name is the row's real link (reached with Tab, opened with Enter).
 */
export function InstanceName({
  title,
  workflow,
  to,
}: {
  title: MaybeLocalized;
  workflow: MaybeLocalized;
  to?: string;
}) {
  const localize = useLocalize();
  const name = localize(title);
  const kind = localize(workflow);
  return (
    <Space direction="vertical" size={0} data-testid="instance-name">
      {to ? (
        <Link to={to} style={{ fontWeight: 600 }}>
          {name}
        </Link>
      ) : (
        <Typography.Text strong>{name}</Typography.Text>
      )}
      {kind !== name && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {kind}
        </Typography.Text>
      )}
    </Space>
  );
}
