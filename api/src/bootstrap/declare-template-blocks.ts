import { eq } from 'drizzle-orm';

import { appendAudit } from '../audit/append.js';
import { SYSTEM_USER } from '../auth/user.js';
import { tx } from '../db/client.js';
import { definitions } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { parseDefinition, TEMPLATES } from '../engine.js';

type Json = Record<string, unknown>;
type Blocks = unknown[] | undefined;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** Every `blocks` list of a document, so an upgraded body is recognised (and never upgraded twice). */
const declaresAny = (body: Json) =>
  Array.isArray(body.startBlocks) ||
  Object.values(obj(body.states)).some(
    (s) => Array.isArray(obj(s).blocks) || Object.values(obj(obj(s).on)).some((tr) => Array.isArray(obj(tr).blocks)),
  );

/** The template's blocks copied onto the places of `body` that exist there (same step, same action). */
function withTemplateBlocks(body: Json, template: Json): Json {
  const states = obj(body.states);
  const fromStates = obj(template.states);
  const next: Json = {
    ...body,
    ...(template.startBlocks ? { startBlocks: template.startBlocks } : {}),
    states: { ...states },
  };
  for (const [id, t] of Object.entries(fromStates)) {
    const s = obj(states[id]);
    if (!states[id]) continue;
    const stepBlocks = obj(t).blocks as Blocks;
    const on = obj(s.on);
    const tOn = obj(obj(t).on);
    const nextOn = Object.fromEntries(
      Object.entries(on).map(([event, tr]) => [
        event,
        obj(tOn[event]).blocks ? { ...obj(tr), blocks: obj(tOn[event]).blocks } : tr,
      ]),
    );
    (next.states as Json)[id] = {
      ...s,
      ...(stepBlocks ? { blocks: stepBlocks } : {}),
      ...(s.on ? { on: nextOn } : {}),
    };
  }
  return next;
}

/**
 * Definitions stored before blocks existed (ADR 0010) got the domain rules by their built-in key; they
 * now declare the same blocks, so an upgraded database behaves as before. Only versions of a built-in
 * key that declare no block at all are touched, and only when the result still validates; each upgrade
 * is audited. Idempotent: runs at every start, changes nothing the second time.
 */
export async function declareTemplateBlocks(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  let upgraded = 0;
  for (const row of await deps.db.select().from(definitions)) {
    const template = TEMPLATES[row.key] as unknown as Json | undefined;
    const body = obj(row.body);
    if (!template || declaresAny(body)) continue;
    const next = withTemplateBlocks(body, template);
    if (!parseDefinition(next).ok) continue;
    await tx(deps.db, async () => {
      await deps.db.update(definitions).set({ body: next }).where(eq(definitions.id, row.id));
      await appendAudit(deps.db, {
        at: deps.clock().toISOString(),
        actor: SYSTEM_USER,
        action: 'definition.upgrade',
        entityType: 'Definition',
        entityId: row.id,
        outcome: 'success',
        meta: {
          key: row.key,
          version: row.version,
          reason: 'blocks declared for rules formerly bound to the built-in key',
        },
      });
    });
    upgraded += 1;
  }
  return upgraded;
}
