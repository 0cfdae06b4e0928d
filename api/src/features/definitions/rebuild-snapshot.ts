import {
  allFields,
  type Effect,
  type EngineContext,
  type EngineEnv,
  enter,
  type PersistedSnapshot,
  type Subject,
  type TDefinition,
  validateStepData,
} from '../../engine.js';
import type { TLocalized } from '../../errors.js';

export type TRebuilt =
  | {
      ok: true;
      snapshot: PersistedSnapshot;
      state: string;
      status: 'running' | 'completed';
      outcome: string | null;
      effects: Effect[];
    }
  | { ok: false; code: string; message: TLocalized };

/**
 * The snapshot an instance has after moving to `target` of the new definition (ADR 0007): its data,
 * assignments, initiator, readers, trail and visit counts carried over, the old step's transfers and
 * signers dropped, and the target entered through the engine's `enter()`: its round, tasks and timers
 * opened afresh under the next visit number, so their keys never collide with the instance's past ones.
 */
export function rebuildSnapshot(
  def: TDefinition,
  old: PersistedSnapshot,
  target: string,
  subject: Subject,
  env: EngineEnv,
): TRebuilt {
  const ctx = old.context as EngineContext;
  const s = def.states[target];
  // The data must still fit the new version's fields (a type may have changed); which step wrote a field,
  // and whether it is required, no longer matters: every field is checked as an optional one.
  const startForm = { fields: [...allFields(def).values()].map((f) => ({ ...f, required: false })) };
  const checked = validateStepData({ ...def, startForm }, null, ctx.data, {}, []);
  if (!checked.ok) {
    const fields = Object.entries(checked.fieldErrors);
    const detail = (lang: 'zh-CN' | 'en') =>
      fields.length ? `${lang === 'en' ? ': ' : '：'}${fields.map(([f, m]) => `${f} ${m[lang]}`).join('; ')}` : '';
    return {
      ok: false,
      code: 'VALIDATION',
      message: {
        'zh-CN': '填写的内容有误，请按提示修改' + detail('zh-CN'),
        en: 'Some fields need attention' + detail('en'),
      },
    };
  }
  const known = <T>(m: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(m).filter(([id]) => def.states[id]));
  const carried: EngineContext = {
    ...ctx,
    subject,
    data: checked.merged,
    visits: known(ctx.visits),
    reviews: known(ctx.reviews),
    collections: known(ctx.collections),
    holders: {},
    afterSigners: {},
  };
  const entered = enter(def, carried, target, env);
  const nobody: TRebuilt = {
    ok: false,
    code: 'NO_PEOPLE',
    message: {
      'zh-CN': `目标环节「${s.name['zh-CN']}」没有可办理的人员`,
      en: `Nobody can act in the target step "${s.name.en}"`,
    },
  };
  if (!entered.ok)
    return entered.rule === 'reviewersAvailable' ? nobody : { ok: false, code: entered.code, message: entered.message };
  const next = entered.snapshot.context as EngineContext;
  const people =
    s.kind === 'review'
      ? next.reviews[target]?.assignees
      : s.kind === 'collect'
        ? next.collections[target]?.participants
        : null;
  if (people && people.length === 0) return nobody;
  return {
    ok: true,
    snapshot: entered.snapshot,
    state: entered.state,
    status: entered.status,
    outcome: entered.outcome,
    effects: entered.effects,
  };
}
