import { and, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import { instances, notifications, organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { definitionsById, stateName } from '../definitions/definitions-by-id.js';
import type { TNotification, TNotificationQuery } from './notifications.types.js';

const KIND: Record<string, { 'zh-CN': string; en: string }> = {
  entered: { 'zh-CN': '新待办', en: 'New task' },
  reminder: { 'zh-CN': '到期提醒', en: 'Deadline reminder' },
  escalation: { 'zh-CN': '超期督办', en: 'Overdue' },
  chase: { 'zh-CN': '催办', en: 'Chased' },
  copy: { 'zh-CN': '抄送', en: 'Copied to you' },
  sign: { 'zh-CN': '加签', en: 'Asked to sign' },
  returned: { 'zh-CN': '退回修改', en: 'Returned for changes' },
  security: { 'zh-CN': '权限变更', en: 'Powers changed' },
  refused: { 'zh-CN': '自动校验未通过', en: 'Automatic checks refused' },
};

type L = { 'zh-CN': string; en: string };
/** The sentence under the title: what the system did by itself, at which step, and why. */
function detailOf(kind: string, step: L, reasons: number): L | null {
  if (!step['zh-CN']) return null;
  if (kind === 'escalation')
    return {
      'zh-CN': `「${step['zh-CN']}」已超过办理时限，系统自动督办`,
      en: `"${step.en}" is past its deadline: the system sent an overdue notice`,
    };
  if (kind === 'reminder')
    return {
      'zh-CN': `「${step['zh-CN']}」即将到期，系统自动提醒办理人`,
      en: `"${step.en}" is due soon: the system reminded the assignees`,
    };
  if (kind === 'refused')
    return {
      'zh-CN': `「${step['zh-CN']}」有 ${reasons} 项规则未通过，系统自动作出处理`,
      en: `${reasons} rule(s) of "${step.en}" were not met; the system decided automatically`,
    };
  return null;
}

/** The caller's own notifications, newest first, keyset on (created_at, id); never anyone else's. */
export async function listNotifications(deps: Deps, input: { user: TAuthUser; query: TNotificationQuery }) {
  const q = input.query;
  const where: SQL[] = [eq(notifications.userId, input.user.id)];
  if (q.unread === '1') where.push(isNull(notifications.readAt));
  if (q.kind) where.push(eq(notifications.kind, q.kind));
  const cursor = decodeCursor(q.cursor, 2);
  if (cursor) {
    const [at, id] = cursor.map(String);
    const after = or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, id)));
    if (after) where.push(after);
  }
  const rows = await deps.db
    .select({
      n: notifications,
      definitionId: instances.definitionId,
      instanceTitle: instances.title,
      requesterName: organisations.name,
    })
    .from(notifications)
    .leftJoin(instances, eq(instances.id, notifications.instanceId))
    .leftJoin(
      organisations,
      eq(organisations.id, sql`coalesce(${instances.requesterOrgId}, ${instances.subjectOrgId})`),
    )
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.n.createdAt, r.n.id]);
  const defs = await definitionsById(
    deps,
    page.items.flatMap((r) => (r.definitionId ? [r.definitionId] : [])),
  );
  const items: TNotification[] = page.items.map(({ n, definitionId, instanceTitle, requesterName }) => {
    const ref = definitionId ? defs.get(definitionId) : undefined;
    const kind = KIND[n.kind] ?? { 'zh-CN': n.kind, en: n.kind };
    const step = n.state ? stateName(ref, n.state) : { 'zh-CN': '', en: '' };
    // Named by what the instance is (its title) and who filed it, then the step it is about.
    const rest = (l: 'zh-CN' | 'en') =>
      n.title?.[l] ?? [instanceTitle?.[l] ?? ref?.name[l], step[l], requesterName].filter(Boolean).join(' · ');
    return {
      id: n.id,
      kind: n.kind,
      instanceId: n.instanceId,
      state: n.state,
      entityType: n.entityType,
      entityId: n.entityId,
      title: { 'zh-CN': `【${kind['zh-CN']}】${rest('zh-CN')}`, en: `[${kind.en}] ${rest('en')}` },
      detail: detailOf(n.kind, step, n.reasons?.length ?? 0),
      reasons: n.reasons ?? null,
      createdAt: n.createdAt,
      readAt: n.readAt,
      resolvedAt: n.resolvedAt,
    };
  });
  return { items, nextCursor: page.nextCursor };
}
