import { isDeepStrictEqual } from 'node:util';

import type { TDiffChange } from './definitions.types.js';
import { blockChanges } from './diff-blocks.js';
import { looseDefinition, type TLooseForm, type TLooseState } from './diff-shape.js';

type Change = TDiffChange;
const zh = (s: TLooseState | undefined, id: string) => s?.name?.['zh-CN'] || id;
const en = (s: TLooseState | undefined, id: string) => s?.name?.en || id;
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a ?? null, b ?? null);

/** Who acts in a state: whatever kind-specific people settings it has. */
const PEOPLE_KEYS = [
  'actors',
  'assignees',
  'join',
  'participants',
  'collectors',
  'duration',
  'onEnd',
  'onComplete',
  'choices',
  'otherwise',
  'mechanics',
  'outcome',
];

function formChanges(
  where: string,
  whereZh: string,
  whereEn: string,
  a: TLooseForm | undefined,
  b: TLooseForm | undefined,
): Change[] {
  const out: Change[] = [];
  const before = new Map((a?.fields ?? []).map((f) => [f.name, f]));
  const after = new Map((b?.fields ?? []).map((f) => [f.name, f]));
  for (const [name, f] of after) {
    const old = before.get(name);
    const label = f.label?.['zh-CN'] || name;
    if (!old)
      out.push({
        kind: 'field',
        change: 'added',
        target: `${where}.form.${name}`,
        text: { 'zh-CN': `「${whereZh}」新增字段「${label}」`, en: `${whereEn}: field "${f.label?.en || name}" added` },
      });
    else if (!same(old, f)) {
      const what = Object.keys({ ...old, ...f }).filter(
        (k) => !same((old as Record<string, unknown>)[k], (f as Record<string, unknown>)[k]),
      );
      out.push({
        kind: 'field',
        change: 'changed',
        target: `${where}.form.${name}`,
        text: {
          'zh-CN': `「${whereZh}」字段「${label}」已修改（${what.join('、')}）`,
          en: `${whereEn}: field "${f.label?.en || name}" changed (${what.join(', ')})`,
        },
      });
    }
  }
  for (const [name, f] of before)
    if (!after.has(name))
      out.push({
        kind: 'field',
        change: 'removed',
        target: `${where}.form.${name}`,
        text: {
          'zh-CN': `「${whereZh}」删除字段「${f.label?.['zh-CN'] || name}」`,
          en: `${whereEn}: field "${f.label?.en || name}" removed`,
        },
      });
  if (!same(a?.permissions, b?.permissions))
    out.push({
      kind: 'permission',
      change: 'changed',
      target: `${where}.form.permissions`,
      text: { 'zh-CN': `「${whereZh}」字段权限已修改`, en: `${whereEn}: field permissions changed` },
    });
  return out;
}

function stateChanges(id: string, a: TLooseState, b: TLooseState): Change[] {
  const out: Change[] = [];
  const nz = zh(b, id),
    ne = en(b, id);
  if (!same(a.name, b.name))
    out.push({
      kind: 'state',
      change: 'renamed',
      target: id,
      text: { 'zh-CN': `环节「${zh(a, id)}」更名为「${nz}」`, en: `Step "${en(a, id)}" renamed "${ne}"` },
    });
  if (a.kind !== b.kind)
    out.push({
      kind: 'state',
      change: 'changed',
      target: id,
      text: { 'zh-CN': `环节「${nz}」类型由 ${a.kind} 改为 ${b.kind}`, en: `Step "${ne}" kind ${a.kind} → ${b.kind}` },
    });
  const people = PEOPLE_KEYS.filter((k) => !same(a[k], b[k]));
  if (people.length)
    out.push({
      kind: 'people',
      change: 'changed',
      target: id,
      text: {
        'zh-CN': `环节「${nz}」的办理设置已修改（${people.join('、')}）`,
        en: `Step "${ne}": settings changed (${people.join(', ')})`,
      },
    });
  if (!same(a.deadline, b.deadline))
    out.push({
      kind: 'deadline',
      change: a.deadline ? (b.deadline ? 'changed' : 'removed') : 'added',
      target: `${id}.deadline`,
      text: { 'zh-CN': `环节「${nz}」的办理时限已修改`, en: `Step "${ne}": deadline changed` },
    });
  const ta = a.on ?? {},
    tb = b.on ?? {};
  for (const [event, tr] of Object.entries(tb)) {
    const label = tr.label?.['zh-CN'] || event;
    if (!ta[event])
      out.push({
        kind: 'transition',
        change: 'added',
        target: `${id}.${event}`,
        text: {
          'zh-CN': `环节「${nz}」新增操作「${label}」→ ${tr.to}`,
          en: `Step "${ne}": action ${event} → ${tr.to} added`,
        },
      });
    else if (!same(ta[event], tr)) {
      const what = Object.keys({ ...ta[event], ...tr }).filter(
        (k) => !same((ta[event] as Record<string, unknown>)[k], (tr as Record<string, unknown>)[k]),
      );
      out.push({
        kind: 'transition',
        change: 'changed',
        target: `${id}.${event}`,
        text: {
          'zh-CN': `环节「${nz}」的操作「${label}」已修改（${what.join('、')}）`,
          en: `Step "${ne}": action ${event} changed (${what.join(', ')})`,
        },
      });
    }
  }
  for (const [event, tr] of Object.entries(ta))
    if (!tb[event])
      out.push({
        kind: 'transition',
        change: 'removed',
        target: `${id}.${event}`,
        text: {
          'zh-CN': `环节「${nz}」删除操作「${tr.label?.['zh-CN'] || event}」`,
          en: `Step "${ne}": action ${event} removed`,
        },
      });
  out.push(...formChanges(id, nz, ne, a.form, b.form));
  return out;
}

/**
 * A structural, readable diff between two definition documents: steps added / removed / renamed,
 * actions (transitions) changed, form fields and permissions, deadlines and who acts. A step whose
 * id changed but whose Chinese name and kind stayed is reported as renamed, not removed + added.
 */
export function diffDefinitions(before: unknown, after: unknown): Change[] {
  const a = looseDefinition(before),
    b = looseDefinition(after);
  const out: Change[] = [];
  if (!same(a.name, b.name))
    out.push({
      kind: 'workflow',
      change: 'renamed',
      target: 'name',
      text: { 'zh-CN': `流程名称改为「${b.name?.['zh-CN'] ?? ''}」`, en: `Workflow renamed "${b.name?.en ?? ''}"` },
    });
  if (!same(a.title, b.title))
    out.push({
      kind: 'workflow',
      change: a.title ? (b.title ? 'changed' : 'removed') : 'added',
      target: 'title',
      text: {
        'zh-CN': `实例标题改为「${b.title?.['zh-CN'] ?? '（流程名称）'}」`,
        en: `Instance title now "${b.title?.en ?? '(the workflow name)'}"`,
      },
    });
  if (a.initial !== b.initial)
    out.push({
      kind: 'workflow',
      change: 'changed',
      target: 'initial',
      text: { 'zh-CN': `起始环节由 ${a.initial} 改为 ${b.initial}`, en: `First step ${a.initial} → ${b.initial}` },
    });
  if (!same(a.starters, b.starters))
    out.push({
      kind: 'people',
      change: 'changed',
      target: 'starters',
      text: { 'zh-CN': '可发起人已修改', en: 'Who may start it changed' },
    });
  out.push(...formChanges('start', '发起表单', 'Start form', a.startForm, b.startForm));

  const removed = Object.keys(a.states).filter((id) => !b.states[id]);
  const added = Object.keys(b.states).filter((id) => !a.states[id]);
  const movedTo = new Map<string, string>();
  for (const id of removed) {
    const match = added.find(
      (n) =>
        !movedTo.has(n) &&
        [...movedTo.values()].every((v) => v !== n) &&
        zh(b.states[n], n) === zh(a.states[id], id) &&
        b.states[n].kind === a.states[id].kind,
    );
    if (match) movedTo.set(id, match);
  }
  for (const [from, to] of movedTo) {
    out.push({
      kind: 'state',
      change: 'renamed',
      target: to,
      text: {
        'zh-CN': `环节「${zh(b.states[to], to)}」标识由 ${from} 改为 ${to}`,
        en: `Step "${en(b.states[to], to)}" id ${from} → ${to}`,
      },
    });
    out.push(
      ...stateChanges(to, a.states[from], b.states[to]).filter((c) => c.kind !== 'state' || c.change !== 'renamed'),
    );
  }
  const moved = new Set([...movedTo.keys(), ...movedTo.values()]);
  for (const id of added.filter((x) => !moved.has(x)))
    out.push({
      kind: 'state',
      change: 'added',
      target: id,
      text: {
        'zh-CN': `新增环节「${zh(b.states[id], id)}」（${b.states[id].kind}）`,
        en: `Step "${en(b.states[id], id)}" (${b.states[id].kind}) added`,
      },
    });
  for (const id of removed.filter((x) => !moved.has(x)))
    out.push({
      kind: 'state',
      change: 'removed',
      target: id,
      text: { 'zh-CN': `删除环节「${zh(a.states[id], id)}」`, en: `Step "${en(a.states[id], id)}" removed` },
    });
  for (const id of Object.keys(b.states)) if (a.states[id]) out.push(...stateChanges(id, a.states[id], b.states[id]));
  out.push(...blockChanges(a, b, movedTo));
  return out;
}
