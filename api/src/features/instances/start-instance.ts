import { subject as asSubject } from '@casl/ability';

import { appendAudit } from '../../audit/append.js';
import { defineAbilityFor } from '../../auth/ability.js';
import { isSystem, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { instances, type TDefinitionRow, type TInstanceRow, type TOrganisationRow } from '../../db/schema.js';
import { type Deps, memoRead } from '../../deps.js';
import { describeSnapshot, periodOf, start, type StepOk, type TDefinition, titleOf } from '../../engine.js';
import { AppError } from '../../errors.js';
import { rememberResponse, replayOf, type TIdempotency } from '../../lib/idempotency.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { orgPath } from '../orgs/org-path.js';
import { prefillStart } from '../workflow-rules/start-blocks.js';
import { applyEffects } from './apply-effects.js';
import { badAssignment } from './assignment-check.js';
import { refusalsMeta } from './decided-reasons.js';
import { buildEnv, engineActor, engineRun } from './engine-env.js';
import { requesterOf } from './instance-requester.js';
import { addParticipants } from './instance-subject.js';
import { instanceView, subjectOf } from './instance-view.js';
import { type TInstanceView, type TStartInstanceBody, ZInstanceView } from './instances.types.js';
import { deniedEvent, refusalError } from './refusal.js';
import { mayCreateAbout, startSubject } from './start-permission.js';

const invalid = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

/**
 * Starts an instance of a published definition about an organisation: CASL decides whether this user
 * may create instances there, the engine whether they are a starter and whether the start form is valid.
 */
export async function startInstance(
  deps: Deps,
  input: TStartInstanceBody & { actor: TAuthUser; idempotency?: TIdempotency },
): Promise<{ status: 201; body: TInstanceView }> {
  return await txOrThrow(deps.db, async () => {
    const replay = await replayOf(deps, input.idempotency, ZInstanceView);
    if (replay instanceof AppError) return replay;
    if (replay) return { status: 201 as const, body: replay.body };
    const started = await startStored(deps, input);
    if (started instanceof AppError) return started;
    const body = await instanceView(deps, started.def, started.defRow, started.row, input.actor);
    await rememberResponse(deps, input.idempotency, 201, body);
    return { status: 201 as const, body };
  });
}

type StartRefused = { refused: AppError; meta?: Record<string, unknown> };
type StartPlan = {
  def: TDefinition;
  defRow: TDefinitionRow;
  org: TOrganisationRow;
  districtId: string;
  subjectGroupId: string | null;
  assignments: NonNullable<TStartInstanceBody['assignments']>;
  result: StepOk;
};

/**
 * Every check a start makes and the engine's first step, writing nothing: what the start would do, or
 * why it may not. The start writes the plan (startStored); the 预检 (precheck-start.ts) only reports it.
 */
export async function planStart(
  deps: Deps,
  input: TStartInstanceBody & { actor: TAuthUser },
): Promise<StartRefused | StartPlan> {
  const { actor } = input;
  const deny = (refused: AppError, meta?: Record<string, unknown>): StartRefused => ({ refused, meta });

  const loaded = await loadDefinition(deps, input.definitionId);
  if (!loaded || loaded.row.status !== 'published') {
    return deny(invalid('definitionId', '流程不存在或尚未发布', 'No published workflow with this id'));
  }
  const { def, row: defRow } = loaded;
  const chain = await orgPath(deps, input.subjectOrgId);
  const org = chain[chain.length - 1];
  if (!org) return deny(invalid('subjectOrgId', '单位不存在', 'The organisation does not exist'));
  if (org.type !== def.subject) {
    return deny(
      invalid(
        'subjectOrgId',
        `该流程的对象须为${def.subject === 'school' ? '学校' : def.subject === 'group' ? '教育集团' : '区'}`,
        `This workflow is about a ${def.subject}`,
      ),
    );
  }
  const districtId = chain[0]?.id ?? org.id;
  const { subjectGroupId, casl } = startSubject(defRow.id, chain, actor.id);
  const ability = () => memoRead(deps, `ability:${actor.id}`, () => defineAbilityFor(actor));
  if (!isSystem(actor) && !mayCreateAbout(ability(), defRow.id, chain, actor.id)) {
    return deny(new AppError('FORBIDDEN'));
  }
  const assignments = input.assignments ?? {};
  // Naming who acts (an inspector, experts) is the bureau's: a starter may not pick their own reviewer.
  const naming = Object.values(assignments).some((ids) => (ids ?? []).length > 0);
  if (naming && !isSystem(actor) && !ability().can('assign', asSubject('Instance', casl))) {
    return deny(
      new AppError('FORBIDDEN', {
        message: {
          'zh-CN': '只有教委人员可以在发起时指派办理人（检查员、评审专家等）',
          en: 'Only bureau staff may name assignees (inspectors, experts …) when starting',
        },
      }),
      { assignments },
    );
  }
  const badAssign = await memoRead(deps, `assignments:${JSON.stringify(assignments)}`, () =>
    badAssignment(deps, assignments),
  );
  if (badAssign) return deny(badAssign);

  const subject = await subjectOf(deps, def, chain, org.id);
  const engActor = engineActor(actor);
  // The start's blocks prefill what the starter left out (the checklist of an inspection round).
  const data = await prefillStart(deps, def, input.data ?? {});
  const env = await buildEnv(deps, def, subject, engActor, data);
  const result = await engineRun(env, () => start(def, { subject, initiator: engActor, data, assignments }, env));
  if (!result.ok) return deny(refusalError(result));
  return { def, defRow, org, districtId, subjectGroupId, assignments, result };
}

/**
 * The start itself, inside the caller's transaction: checks, the engine's first step, and every row a
 * start writes (instance, tasks, timers, participants, notifications, audit), or the refusal, audited.
 * The single start answers with the instance's view; a bulk start (start-bulk.ts) only needs the row.
 */
export async function startStored(
  deps: Deps,
  input: TStartInstanceBody & { actor: TAuthUser },
): Promise<AppError | { row: TInstanceRow; def: TDefinition; defRow: TDefinitionRow }> {
  const { actor } = input;
  const plan = await planStart(deps, input);
  if ('refused' in plan)
    return await deniedEvent(deps, {
      actor,
      action: 'instance.start',
      instanceId: null,
      error: plan.refused,
      meta: { definitionId: input.definitionId, subjectOrgId: input.subjectOrgId, ...plan.meta },
    });
  const { def, defRow, org, districtId, subjectGroupId, assignments, result } = plan;

  const at = deps.clock().toISOString();
  const row: TInstanceRow = {
    id: crypto.randomUUID(),
    definitionId: defRow.id,
    subjectOrgId: org.id,
    subjectGroupId,
    districtId,
    state: result.state,
    status: result.status,
    outcome: result.outcome,
    data: describeSnapshot(def, result.snapshot).data,
    snapshot: result.snapshot,
    version: 1,
    createdBy: actor.id,
    createdAt: at,
    updatedAt: at,
    // applyEffects fills it from the tasks the start opens.
    dueAt: null,
    period: null,
    title: null,
    requesterOrgId: await requesterOf(deps, def, org, actor),
  };
  row.period = periodOf(def, row.data);
  row.title = titleOf(def, row.data);
  await deps.db.insert(instances).values(row);
  const { named, readers } = await applyEffects(deps, row.id, result.effects);
  await addParticipants(deps, row.id, [
    ...Object.entries(assignments).flatMap(([role, ids]) => (ids ?? []).map((userId) => ({ userId, role }))),
    ...named.map((userId) => ({ userId, role: 'candidate' })),
    ...readers.map((userId) => ({ userId, role: 'reader' })),
  ]);
  await appendAudit(deps.db, {
    at,
    actor,
    action: 'instance.start',
    entityType: 'Instance',
    entityId: row.id,
    outcome: 'success',
    after: { state: row.state, version: row.version },
    // Automatic checks that refused the request (a rule set): kept so the history shows each rule.
    meta: {
      definitionKey: defRow.key,
      definitionVersion: defRow.version,
      subjectOrgId: org.id,
      ...refusalsMeta(result.effects),
    },
  });
  return { row, def, defRow };
}
