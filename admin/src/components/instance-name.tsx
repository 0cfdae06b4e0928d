import { Link } from 'react-router';

import type { MaybeLocalized } from '../types/contract';
import { CellText } from './cell-text';
import { useLocalize } from './localized-text';

/**
 * What an instance is called — its declared title (the activity, the round, the cycle) — over the
 * workflow it runs in, smaller: a list row or card names the thing, not the bureau it is filed with.
 * With `to` the name is the row's real link (reached with Tab, opened with Enter). Plain elements, not antd's
 * Space and Typography: every row draws one (see CellText).
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
    // flex-start: each line as wide as its text, as in antd's Space (a stretched link took clicks the whole row wide).
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }} data-testid="instance-name">
      {to ? (
        <Link to={to} style={{ fontWeight: 600 }}>
          {name}
        </Link>
      ) : (
        <CellText strong>{name}</CellText>
      )}
      {kind !== name && (
        <CellText tone="secondary" style={{ fontSize: 12 }}>
          {kind}
        </CellText>
      )}
    </div>
  );
}
