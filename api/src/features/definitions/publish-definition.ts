import { subject } from '@casl/ability';
import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { parseDefinition } from '../../engine.js';
import { AppError, type TLocalized } from '../../errors.js';
import { authorize } from '../authorize.js';
import { checkFourEyes, DEFINITION_DRAFTS } from '../four-eyes.js';
import { declareReportTallies } from '../reports/declare-report-tallies.js';
import type { TDefinitionDetail } from './definitions.types.js';
import { toDetail } from './load-definition.js';
import { publishRisks } from './publish-risks.js';

/**
 * Publishes a draft; from now on it is immutable. Publishing an already published version is a no-op.
 * Whoever created or saved the draft may not publish it (四眼原则, checkFourEyes); dropping a block or
 * stranding running instances needs `confirm` (publish-risks.ts).
 */
export async function publishDefinition(
  deps: Deps,
  input: { id: string; actor?: TAuthUser; confirm?: boolean },
): Promise<TDefinitionDetail> {
  const actor = input.actor ?? SYSTEM_USER;
  const done = await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(definitions).where(eq(definitions.id, input.id)).limit(1))[0];
    const target = row ? subject('Definition', { id: row.id, status: row.status, key: row.key }) : undefined;
    const denied = await authorize(deps, actor, {
      action: 'publish',
      type: 'Definition',
      target,
      entityId: input.id,
      auditAction: 'definition.publish',
      hideUnreadable: true,
    });
    if (denied) return denied;
    if (!row) return new AppError('NOT_FOUND');
    if (row.status === 'published') return row;
    const fourEyes = await checkFourEyes(deps, actor, {
      kind: DEFINITION_DRAFTS,
      row,
      target: target!,
      auditAction: 'definition.publish',
    });
    if (fourEyes instanceof AppError) return fourEyes;
    // Drafts may be saved half-built; only a document the engine accepts becomes a version people can start.
    const parsed = parseDefinition(row.body);
    if (!parsed.ok) {
      const fieldErrors: Record<string, TLocalized> = {};
      for (const e of parsed.errors) fieldErrors[e.path || '_'] ??= e.message;
      return new AppError('VALIDATION', {
        status: 422,
        message: {
          'zh-CN': `流程定义有 ${parsed.errors.length} 处问题，修正后才能发布。`,
          en: `The definition has ${parsed.errors.length} problem(s) to fix before publishing.`,
        },
        fieldErrors,
      });
    }
    // Dropping a block or leaving running instances in steps this version lacks needs an explicit yes.
    const risks = await publishRisks(deps, row);
    if (risks.needsConfirmation && !input.confirm) {
      const zh = [
        ...risks.droppedBlocks.map((c) => c.text['zh-CN']),
        ...risks.strandedSteps.map((s) => `${s.running} 个运行中的实例停在「${s.name['zh-CN']}」，新版本没有此环节`),
      ];
      const en = [
        ...risks.droppedBlocks.map((c) => c.text.en),
        ...risks.strandedSteps.map(
          (s) => `${s.running} running instance(s) sit in "${s.name.en}", which this version lacks`,
        ),
      ];
      return new AppError('CONFIRMATION_REQUIRED', {
        message: {
          'zh-CN': `请确认后再发布：${zh.join('；')}。运行中的实例可通过「迁移实例」迁移到新版本。`,
          en: `Confirm before publishing: ${en.join('; ')}. Running instances can follow through "Migrate instances".`,
        },
      });
    }
    const publishedAt = deps.clock().toISOString();
    await deps.db.update(definitions).set({ status: 'published', publishedAt }).where(eq(definitions.id, row.id));
    // A version tells the report tallies where its instances keep what they count (campus entry, levels).
    await declareReportTallies(deps);
    await appendAudit(deps.db, {
      at: publishedAt,
      actor,
      action: 'definition.publish',
      entityType: 'Definition',
      entityId: row.id,
      outcome: 'success',
      before: { status: 'draft' },
      after: { status: 'published', key: row.key, version: row.version },
      meta: {
        ...fourEyes,
        ...(risks.needsConfirmation
          ? {
              confirmed: {
                droppedBlocks: risks.droppedBlocks.map((c) => c.target),
                strandedSteps: risks.strandedSteps,
              },
            }
          : {}),
      },
    });
    return { ...row, status: 'published' as const, publishedAt };
  });
  // After the commit: who edited and published it is read from the audit trail, whose events join it then.
  return await toDetail(deps, done);
}
