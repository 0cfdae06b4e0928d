import { type BlockErrorCode, validateBlocks } from '../blocks/validate-blocks.js';
import { allFields, fieldAccess } from '../forms/field-access.js';
import { findingsFieldProblems } from '../forms/findings.js';
import { GUARDS, isGuardName } from '../guards/registry.js';
import { titleFields } from '../instance-title.js';
import { eventLabel, t } from '../text.js';
import type { TActorRule, TDefinition, TGuardRef, TLocalizedText, TState, TTransition } from './schema.js';
import { RESERVED_EVENTS, zDefinition } from './schema.js';
import { schemaIssueMessage } from './schema-issue.js';

export type DefinitionErrorCode =
  | 'SCHEMA'
  | 'UNKNOWN_STATE'
  | 'UNKNOWN_GUARD'
  | 'BAD_GUARD_PARAMS'
  | 'UNREACHABLE_STATE'
  | 'DEAD_END'
  | 'NO_FINAL_STATE'
  | 'DUPLICATE_NAME'
  | 'DUPLICATE_FIELD'
  | 'UNKNOWN_FIELD'
  | 'REVIEW_OUTCOMES'
  | 'RESERVED_EVENT'
  | 'NO_ACTOR'
  | 'BAD_DEADLINE'
  | 'BAD_FIELD'
  | BlockErrorCode;

/** One problem with a definition, located by a JSON path so the designer can pin it on a node or edge. */
export type DefinitionError = { path: string; code: DefinitionErrorCode; message: TLocalizedText };

/** Every transition of a state as (event, transition) pairs, auto choices included. */
export function outgoing(
  state: TState,
): Array<{ event: string; to: string; guards: TGuardRef[]; path: string; transition?: TTransition }> {
  switch (state.kind) {
    case 'final':
      return [];
    case 'auto':
      return [
        ...state.choices.map((c, i) => ({ event: 'AUTO', to: c.to, guards: c.guards, path: `choices.${i}` })),
        { event: 'AUTO', to: state.otherwise, guards: [], path: 'otherwise' },
      ];
    case 'collect':
      return [
        ...(state.onComplete
          ? [{ event: 'SUBMIT_PART', to: state.onComplete.to, guards: [], path: 'onComplete' }]
          : []),
        ...Object.entries(state.on).map(([event, tr]) => ({
          event,
          to: tr.to,
          guards: tr.guards ?? [],
          path: `on.${event}`,
          transition: tr,
        })),
      ];
    case 'notice':
      return [
        { event: 'TIMER', to: state.onEnd.to, guards: [], path: 'onEnd' },
        ...Object.entries(state.on).map(([event, tr]) => ({
          event,
          to: tr.to,
          guards: tr.guards ?? [],
          path: `on.${event}`,
          transition: tr,
        })),
      ];
    default:
      return Object.entries(state.on).map(([event, tr]) => ({
        event,
        to: tr.to,
        guards: tr.guards ?? [],
        path: `on.${event}`,
        transition: tr,
      }));
  }
}

/** The actor rules of a state with their paths (who acts, reviews, takes part, collects, fires a move). */
export function actorRules(state: TState): Array<{ rule: TActorRule; path: string }> {
  const out: Array<{ rule: TActorRule; path: string }> = [];
  if (state.kind === 'task') state.actors.forEach((rule, i) => out.push({ rule, path: `actors.${i}` }));
  if (state.kind === 'review') out.push({ rule: state.assignees, path: 'assignees' });
  if (state.kind === 'collect') {
    out.push({ rule: state.participants, path: 'participants' });
    state.collectors.forEach((rule, i) => out.push({ rule, path: `collectors.${i}` }));
  }
  if ('on' in state)
    for (const [event, tr] of Object.entries(state.on))
      (tr.actors ?? []).forEach((rule, i) => out.push({ rule, path: `on.${event}.actors.${i}` }));
  return out;
}

function checkGuards(guards: TGuardRef[], path: string, errors: DefinitionError[]) {
  guards.forEach((g, i) => {
    const at = `${path}.guards.${i}`;
    if (!isGuardName(g.name)) {
      errors.push({ path: at, code: 'UNKNOWN_GUARD', message: t(`未知规则「${g.name}」`, `Unknown rule "${g.name}"`) });
      return;
    }
    const parsed = GUARDS[g.name].params.safeParse(g.params ?? {});
    if (!parsed.success)
      errors.push({
        path: at,
        code: 'BAD_GUARD_PARAMS',
        message: t(
          `条件「${GUARDS[g.name].label['zh-CN']}」的参数不正确：${parsed.error.issues[0]?.message}`,
          `Condition "${GUARDS[g.name].label.en}" has invalid parameters: ${parsed.error.issues[0]?.message}`,
        ),
      });
  });
}

/**
 * Checks what the schema cannot: the graph (targets exist, every state reachable, no dead ends, a
 * final state reachable), guard names and parameters, field names, review outcomes, deadlines.
 */
export function validateDefinition(def: TDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const ids = Object.keys(def.states);
  if (!def.states[def.initial])
    errors.push({
      path: 'initial',
      code: 'UNKNOWN_STATE',
      message: t(
        `第一个环节（${def.initial}）不存在：请在流程设置中重新选择`,
        `The first step (${def.initial}) does not exist: choose it again in the workflow settings`,
      ),
    });

  const names = new Map<string, string>();
  const fields = allFields(def);
  for (const [id, state] of Object.entries(def.states)) {
    const base = `states.${id}`;
    const zh = state.name['zh-CN'];
    if (names.has(zh))
      errors.push({
        path: `${base}.name`,
        code: 'DUPLICATE_NAME',
        message: t(
          `环节名称「${zh}」与另一个环节重复：请改一个名称`,
          `Another step is also called "${state.name.en}": rename one of them`,
        ),
      });
    names.set(zh, id);

    if ('form' in state && state.form) {
      const seen = new Set<string>();
      state.form.fields.forEach((f, i) => {
        if (seen.has(f.name))
          errors.push({
            path: `${base}.form.fields.${i}`,
            code: 'DUPLICATE_FIELD',
            message: t(`字段「${f.name}」重复`, `Field "${f.name}" is declared twice`),
          });
        seen.add(f.name);
        if (f.requiredWhen && !fields.has(f.requiredWhen.field))
          errors.push({
            path: `${base}.form.fields.${i}.requiredWhen.field`,
            code: 'UNKNOWN_FIELD',
            message: t(
              `条件字段「${f.requiredWhen.field}」未在任何表单中定义`,
              `Condition field "${f.requiredWhen.field}" is not on any form`,
            ),
          });
      });
    }
    for (const { rule, path } of actorRules(state)) {
      if (rule.scope !== 'parts') continue;
      const from = rule.step ? def.states[rule.step] : undefined;
      if (!from || from.kind !== 'collect')
        errors.push({
          path: `${base}.${path}.step`,
          code: 'UNKNOWN_STATE',
          message: t(
            '范围“各单位填报人”须选择一个分头填报环节',
            'The scope "those who filled the parts" must name a collect step',
          ),
        });
    }
    if (
      (state.kind === 'task' || state.kind === 'review' || state.kind === 'collect') &&
      state.deadline?.remindBefore !== undefined &&
      state.deadline.remindBefore >= state.deadline.workdays
    )
      errors.push({
        path: `${base}.deadline.remindBefore`,
        code: 'BAD_DEADLINE',
        message: t('提前提醒天数须小于办理时限', 'The reminder must come before the deadline'),
      });
    if (state.kind === 'collect' && state.collectors.length === 0 && Object.values(state.on).some((tr) => !tr.actors))
      errors.push({
        path: `${base}.collectors`,
        code: 'NO_ACTOR',
        message: t('分头填报环节的流转须指定汇总人', 'A collect step’s transitions need collectors'),
      });
    if (state.kind === 'review') {
      for (const outcome of ['APPROVE', 'REJECT'])
        if (!state.on[outcome])
          errors.push({
            path: `${base}.on`,
            code: 'REVIEW_OUTCOMES',
            message: t(
              `会签/或签环节须设置「${eventLabel(outcome)['zh-CN']}」的去向`,
              `A review step must say where "${eventLabel(outcome).en}" goes`,
            ),
          });
    }
    for (const edge of outgoing(state)) {
      const at = `${base}.${edge.path}`;
      if (edge.transition && (RESERVED_EVENTS as readonly string[]).includes(edge.event))
        errors.push({
          path: at,
          code: 'RESERVED_EVENT',
          message: t(
            `按钮标识 ${edge.event} 由系统保留（${eventLabel(edge.event)['zh-CN']}），请换一个标识`,
            `The button id ${edge.event} is reserved by the system (${eventLabel(edge.event).en}); choose another`,
          ),
        });
      if (!def.states[edge.to])
        errors.push({
          path: at,
          code: 'UNKNOWN_STATE',
          message: t(
            `去向的环节（${edge.to}）不存在，可能已删除：请重新选择去向`,
            `The step it goes to (${edge.to}) does not exist, perhaps deleted: choose where it goes again`,
          ),
        });
      checkGuards(edge.guards, at, errors);
      for (const name of edge.transition?.requires ?? [])
        if (!fields.has(name))
          errors.push({
            path: `${at}.requires`,
            code: 'UNKNOWN_FIELD',
            message: t(`必填字段「${name}」未在任何表单中定义`, `Required field "${name}" is not on any form`),
          });
      // What the dialog offers to fill must be a field this step may write.
      const access = edge.transition?.asks?.length ? fieldAccess(def, id) : {};
      for (const name of edge.transition?.asks ?? [])
        if (access[name] !== 'editable' && access[name] !== 'required')
          errors.push({
            path: `${at}.asks`,
            code: 'UNKNOWN_FIELD',
            message: t(
              `确认时填写的字段「${name}」不是本环节可填写的字段`,
              `Dialog field "${name}" is not a field this step may fill`,
            ),
          });
    }
    if (state.kind !== 'final' && outgoing(state).length === 0)
      errors.push({
        path: base,
        code: 'DEAD_END',
        message: t(
          `环节「${zh}」没有出口，也不是结束环节：从它右侧的圆点拖一条线到下一个环节`,
          `Step "${state.name.en}" has no way out and is not an end: drag from its right-hand dot to the next step`,
        ),
      });
  }

  const reachable = new Set<string>();
  const queue = def.states[def.initial] ? [def.initial] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const edge of outgoing(def.states[id])) if (def.states[edge.to]) queue.push(edge.to);
  }
  for (const id of ids)
    if (!reachable.has(id) && def.states[def.initial])
      errors.push({
        path: `states.${id}`,
        code: 'UNREACHABLE_STATE',
        message: t(
          `环节「${def.states[id].name['zh-CN']}」无法到达：从前面的某个环节拖一条线到它`,
          `Step "${def.states[id].name.en}" cannot be reached: drag a line to it from an earlier step`,
        ),
      });
  if (![...reachable].some((id) => def.states[id].kind === 'final'))
    errors.push({
      path: 'states',
      code: 'NO_FINAL_STATE',
      message: t(
        '流程走不到任何结束环节：请把最后一个环节连到「已办结」等结束环节',
        'No end can be reached: connect the last step to an end',
      ),
    });
  for (const locale of ['zh-CN', 'en'] as const)
    for (const name of titleFields(def.title?.[locale] ?? ''))
      if (!fields.has(name))
        errors.push({
          path: `title.${locale}`,
          code: 'UNKNOWN_FIELD',
          message: t(`标题中的字段「${name}」未在任何表单中定义`, `Title field "${name}" is not on any form`),
        });
  for (const p of findingsFieldProblems(def))
    errors.push({ path: fieldPath(def, p.field), code: 'BAD_FIELD', message: p.message });
  errors.push(...validateBlocks(def));
  return errors;
}

/** Where a field is declared (its first declaration), so the designer can pin a problem on it. */
function fieldPath(def: TDefinition, name: string): string {
  const start = def.startForm?.fields.findIndex((f) => f.name === name) ?? -1;
  if (start >= 0) return `startForm.fields.${start}`;
  for (const [id, s] of Object.entries(def.states)) {
    const i = 'form' in s && s.form ? s.form.fields.findIndex((f) => f.name === name) : -1;
    if (i >= 0) return `states.${id}.form.fields.${i}`;
  }
  return 'states';
}

/** Parses a definition document: schema first, then the graph. */
export function parseDefinition(
  json: unknown,
): { ok: true; definition: TDefinition } | { ok: false; errors: DefinitionError[] } {
  const parsed = zDefinition.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        code: 'SCHEMA' as const,
        message: schemaIssueMessage(json, i),
      })),
    };
  const errors = validateDefinition(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, definition: parsed.data };
}

/**
 * A document that was published: its schema must still parse, but a check added to the validator since it
 * was published (a block's input it did not need then) does not stop what already runs. Such problems are
 * returned beside the definition, to be reported; a new draft or version meets every check (parseDefinition).
 */
export function parsePublishedDefinition(
  json: unknown,
): { ok: true; definition: TDefinition; problems: DefinitionError[] } | { ok: false; errors: DefinitionError[] } {
  const checked = parseDefinition(json);
  if (checked.ok) return { ...checked, problems: [] };
  const parsed = zDefinition.safeParse(json);
  return parsed.success ? { ok: true, definition: parsed.data, problems: checked.errors } : checked;
}
