import { Typography } from 'antd';

import type { RuleReason } from '../types/contract';
import { useLocalize } from './localized-text';

/** Each rule that refused, as the definition names it, with why — and the school it concerns when it is one's. */
export function RuleReasons({
  reasons,
  schoolName,
  testId = 'rule-reasons',
}: {
  reasons: RuleReason[];
  schoolName?: (id: string) => string | null | undefined;
  testId?: string;
}) {
  const localize = useLocalize();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={testId}>
      {reasons.map((r, i) => {
        const school = r.schoolId ? schoolName?.(r.schoolId) : null;
        const message = localize(r.message);
        return (
          <li key={`${r.rule}-${r.schoolId ?? ''}-${i}`} data-testid="rule-reason" data-rule={r.rule}>
            {r.label && <Typography.Text strong>{localize(r.label)}：</Typography.Text>}
            {/* A cap names no school in its message: say which, unless the message already does. */}
            {school && !message.includes(school) ? `${school} · ` : ''}
            {message}
          </li>
        );
      })}
    </ul>
  );
}

/** The reasons in one line, for a toast. */
export const reasonsLine = (reasons: RuleReason[], localize: ReturnType<typeof useLocalize>) =>
  reasons.map((r) => localize(r.message)).join('；');
