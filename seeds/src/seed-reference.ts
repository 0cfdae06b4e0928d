import { createReference, type Deps, publishReference, type TAuthUser } from '@eduflow/api';

import { CHECKLIST_DOC, INDICATORS_2026, RUBRIC_2026, WHITELIST_2026 } from './reference-data.js';

/**
 * The bureau's published reference data, through the same use-cases people call: the admin drafts each
 * version and a reviewer approves and publishes it (四眼原则: an editor never publishes their own draft).
 */
export async function seedReference(deps: Deps, admin: TAuthUser, reviewer: TAuthUser) {
  const publish = async (
    kind: Parameters<typeof createReference>[1]['kind'],
    name: string,
    content: Record<string, unknown>,
  ) =>
    publishReference(deps, {
      kind,
      id: (await createReference(deps, { kind, name, content, actor: admin })).id,
      actor: reviewer,
    });
  await publish('whitelist', '2026 年度社会事务进校园白名单及教师减负清单', WHITELIST_2026);
  await publish('checklist', '中小学网络安全检查表（等保 2.0）', CHECKLIST_DOC);
  await publish('indicator-system', '2026 年度集团化办学捆绑式考核指标体系', INDICATORS_2026);
  await publish('award-rubric', '2026 年度教学成果奖评审细则', RUBRIC_2026);
}
