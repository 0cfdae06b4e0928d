import { randomUUID } from 'node:crypto';

import { TEMPLATES } from '@eduflow/workflows';

import { tx } from '../db/client.js';
import { instances } from '../db/schema.js';
import { ZInstanceView } from '../features/instances/instances.types.js';
import { createReference } from '../features/reference/create-reference.js';
import { publishReference } from '../features/reference/publish-reference.js';
import type { TReferenceKind } from '../features/reference/reference.types.js';
import { createUser } from '../features/users/create-user.js';
import { CHECKLIST_V1, INDICATORS_2026, RUBRIC_2026, WHITELIST_2026 } from './fixtures/reference-docs.js';
import { harnessPasswordHash, makeHarness, type Session } from './harness.js';

type Json = Record<string, unknown>;

/**
 * The test harness with the four built-in workflows and their reference data published, and three
 * more experts (one at school B in group 2, one at school A2 in group 1, one at the district), so that
 * 回避 has something to exclude.
 */
export async function makeWorkflowHarness(opts: { reference?: boolean } = {}) {
  const h = await makeHarness();
  const defs: Record<string, string> = {};
  for (const [key, def] of Object.entries(TEMPLATES)) defs[key] = await h.publish(def);
  // Drafted by the admin, published by a reviewer (four eyes).
  const publishRef = async (kind: TReferenceKind, content: Json, name = kind) =>
    publishReference(h.deps, {
      kind,
      id: (await createReference(h.deps, { kind, name, content, actor: await h.authUser('admin') })).id,
      actor: await h.authUser('reviewer1'),
    });
  if (opts.reference !== false) {
    await publishRef('whitelist', WHITELIST_2026);
    await publishRef('checklist', CHECKLIST_V1);
    await publishRef('indicator-system', INDICATORS_2026);
    await publishRef('award-rubric', RUBRIC_2026);
  }
  const passwordHash = await harnessPasswordHash();
  for (const [username, orgId] of [
    ['expertB', h.orgs.schoolB],
    ['expertA2', h.orgs.schoolA2],
    ['expertD', h.orgs.district],
  ] as const) {
    h.users[username] = (
      await createUser(h.deps, { username, displayName: username, passwordHash, roles: [{ role: 'expert', orgId }] })
    ).id;
  }
  // Sessions are reused while the test clock stays within the idle timeout; moving time signs in again.
  const sessions = new Map<string, { s: Session; at: number }>();
  const as = async (username: string) => {
    const now = h.clock.now().getTime();
    const cached = sessions.get(username);
    if (cached && now - cached.at < 10 * 60_000) return cached.s;
    const s = await h.signIn(username);
    sessions.set(username, { s, at: now });
    return s;
  };
  // Parsed with the route's own schema: the tests read the view exactly as the contract types it.
  const view = async (id: string, who = 'admin') =>
    ZInstanceView.parse(await (await h.get(`/api/instances/${id}`, await as(who))).json());
  /** Fires an event with the instance's current version; returns the HTTP response. */
  const fire = async (id: string, who: string, type: string, extra: { data?: Json; comment?: string } = {}) => {
    const current = await view(id);
    return h.post(`/api/instances/${id}/events`, { type, ...extra, expectedVersion: current.version }, await as(who));
  };
  const start = async (who: string, key: string, subjectOrgId: string, data: Json, assignments?: Json) =>
    h.post(
      '/api/instances',
      { definitionId: defs[key], subjectOrgId, data, ...(assignments ? { assignments } : {}) },
      await as(who),
    );
  /** The bureau opens a bundled-assessment cycle for these groups in one bulk start; the new instances' ids, in order. */
  const openAssessmentCycle = async (groupIds: string[], cycle = '2026', indicatorSystem = 'bundled-2026') => {
    const res = await h.post(
      '/api/bulk/instances',
      { definitionId: defs['bundled-assessment'], subjectOrgIds: groupIds, data: { cycle, indicatorSystem } },
      await as('admin'),
    );
    const { started, failed } = (await res.json()) as { started: Array<{ instanceId: string }>; failed: unknown[] };
    if (failed.length) throw new Error(`the cycle did not open for every group: ${JSON.stringify(failed)}`);
    return started.map((s) => s.instanceId);
  };
  /**
   * An instance row written straight into the table, created and last changed at 02:00 UTC on `day`: what
   * the reports and tallies tests count, without taking each through its workflow (those have their own tests).
   */
  const writeInstanceRow = async (row: {
    key: string;
    subjectOrgId: string;
    subjectGroupId?: string | null;
    state: string;
    data: Json;
    day: string;
    period?: string;
  }): Promise<string> => {
    const id = randomUUID();
    const at = `${row.day}T02:00:00.000Z`;
    await tx(h.db, () =>
      h.db.insert(instances).values({
        id,
        definitionId: defs[row.key] ?? '',
        subjectOrgId: row.subjectOrgId,
        subjectGroupId: row.subjectGroupId ?? null,
        districtId: h.orgs.district,
        state: row.state,
        status: 'running',
        data: row.data,
        snapshot: {},
        createdBy: h.users.admin ?? '',
        createdAt: at,
        updatedAt: at,
        ...(row.period ? { period: row.period } : {}),
      }),
    );
    return id;
  };
  return { ...h, defs, as, view, fire, start, openAssessmentCycle, writeInstanceRow };
}
export type WorkflowHarness = Awaited<ReturnType<typeof makeWorkflowHarness>>;
