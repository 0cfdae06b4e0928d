import { blockParamSpecs, eventLabel, type TDefinitionInput, type TLocalizedText } from '@eduflow/workflows';

/** The document the designer edits: a definition as a person writes it (defaults not applied yet). */
export type Doc = TDefinitionInput;
export type StateIn = Doc['states'][string];
export type Kind = StateIn['kind'];
export type TransitionIn = NonNullable<Extract<StateIn, { kind: 'task' }>['on']>[string];
export type ActorRuleIn = Extract<StateIn, { kind: 'task' }>['actors'][number];
export type FormIn = NonNullable<Extract<StateIn, { kind: 'task' }>['form']>;
export type FieldIn = NonNullable<FormIn['fields']>[number];
export type StateWithOn = Extract<StateIn, { kind: 'task' | 'review' | 'collect' | 'notice' }>;
export type StateWithForm = Extract<StateIn, { kind: 'task' | 'review' | 'collect' | 'notice' }>;

export const KINDS: Kind[] = ['task', 'review', 'collect', 'notice', 'auto', 'final'];

/** One arrow on the canvas: an event of `on`, an automatic choice, or the built-in exits of notice / collect. */
export type EdgeRef = { id: string; from: string; to: string; event: string; path: string };

export const hasOn = (s: StateIn): s is StateWithOn =>
  s.kind === 'task' || s.kind === 'review' || s.kind === 'collect' || s.kind === 'notice';

export function edgesOf(doc: Doc): EdgeRef[] {
  const out: EdgeRef[] = [];
  for (const [from, s] of Object.entries(doc.states)) {
    const push = (to: string, event: string, path: string) =>
      out.push({ id: `${from}|${path}`, from, to, event, path });
    if (s.kind === 'auto') {
      s.choices.forEach((c, i) => push(c.to, 'AUTO', `choices.${i}`));
      push(s.otherwise, 'AUTO', 'otherwise');
      continue;
    }
    if (s.kind === 'notice') push(s.onEnd.to, 'TIMER', 'onEnd');
    if (s.kind === 'collect' && s.onComplete) push(s.onComplete.to, 'SUBMIT_PART', 'onComplete');
    if (hasOn(s)) for (const [event, tr] of Object.entries(s.on ?? {})) push(tr.to, event, `on.${event}`);
  }
  return out;
}

/** Where a validation error belongs: a node, an edge, or the workflow as a whole. */
export function locateError(path: string, edges: EdgeRef[]): { state?: string; edge?: string } {
  const m = /^states\.([^.]+)(?:\.(.*))?$/.exec(path);
  if (!m) return {};
  const [, state, rest = ''] = m;
  const edge = edges.find((e) => e.from === state && (rest === e.path || rest.startsWith(`${e.path}.`)));
  return edge ? { state, edge: edge.id } : { state };
}

const uniqueId = (taken: Record<string, unknown>, base: string) => {
  let n = Object.keys(taken).length + 1;
  while (taken[`${base}${n}`]) n += 1;
  return `${base}${n}`;
};

export function newState(doc: Doc, kind: Kind): StateIn {
  const n = Object.keys(doc.states).length + 1;
  const name = { 'zh-CN': `新环节${n}`, en: `Step ${n}` };
  const anyTarget = Object.entries(doc.states).find(([, s]) => s.kind === 'final')?.[0] ?? doc.initial;
  switch (kind) {
    case 'task':
      return { kind, name, actors: [{ role: 'principal', scope: 'subject.school' }], on: {} };
    case 'review':
      return { kind, name, assignees: { role: 'bureauReviewer', scope: 'district' }, join: { policy: 'all' }, on: {} };
    case 'collect':
      return {
        kind,
        name,
        participants: { role: 'principal', scope: 'subject.members' },
        collectors: [{ role: 'groupLead', scope: 'subject.group' }],
        on: {},
      };
    case 'notice':
      return { kind, name, duration: { workdays: 5 }, onEnd: { to: anyTarget }, on: {} };
    case 'auto':
      return { kind, name, choices: [{ to: anyTarget, guards: [{ name: 'noFailedItems' }] }], otherwise: anyTarget };
    default:
      return { kind: 'final', name: { 'zh-CN': `结束${n}`, en: `End ${n}` }, outcome: 'closed' };
  }
}

export function addState(doc: Doc, kind: Kind): { doc: Doc; id: string } {
  const id = uniqueId(doc.states, kind === 'final' ? 'end' : 'step');
  return { doc: { ...doc, states: { ...doc.states, [id]: newState(doc, kind) } }, id };
}

/** Points every reference to `from` at `to` (or drops `on` entries pointing at a removed state when `to` is null). */
function retarget(s: StateIn, from: string, to: string | null): StateIn {
  const fix = (x: string) => (x === from && to !== null ? to : x);
  if (s.kind === 'final') return s;
  if (s.kind === 'auto')
    return { ...s, choices: s.choices.map((c) => ({ ...c, to: fix(c.to) })), otherwise: fix(s.otherwise) };
  const on = Object.fromEntries(
    Object.entries(s.on ?? {})
      .filter(([, tr]) => to !== null || tr.to !== from)
      .map(([e, tr]) => [e, { ...tr, to: fix(tr.to) }]),
  );
  if (s.kind === 'notice') return { ...s, on, onEnd: { to: fix(s.onEnd.to) } };
  if (s.kind === 'collect') return { ...s, on, ...(s.onComplete ? { onComplete: { to: fix(s.onComplete.to) } } : {}) };
  return { ...s, on };
}

export function removeState(doc: Doc, id: string): Doc {
  const { [id]: _gone, ...rest } = doc.states;
  const states = Object.fromEntries(Object.entries(rest).map(([k, s]) => [k, retarget(s, id, null)]));
  const { [id]: _place, ...layout } = doc.layout ?? {};
  return {
    ...doc,
    states,
    initial: doc.initial === id ? (Object.keys(states)[0] ?? '') : doc.initial,
    ...(doc.layout ? { layout } : {}),
  };
}

type Blocks = Array<{ name: string; params?: Record<string, unknown> }> | undefined;

/** Block parameters that name a step (the scores' collect step) follow a rename. */
function renameInBlocks(blocks: Blocks, from: string, to: string): Blocks {
  if (!blocks) return blocks;
  return blocks.map((b) => {
    const steps = blockParamSpecs(b.name).filter((p) => p.kind === 'step' && b.params?.[p.key] === from);
    return steps.length ? { ...b, params: { ...b.params, ...Object.fromEntries(steps.map((p) => [p.key, to])) } } : b;
  });
}

function renameBlocksIn(s: StateIn, from: string, to: string): StateIn {
  const withBlocks = s.blocks ? ({ ...s, blocks: renameInBlocks(s.blocks, from, to) } as StateIn) : s;
  if (!('on' in withBlocks) || !withBlocks.on) return withBlocks;
  const on = Object.fromEntries(
    Object.entries(withBlocks.on).map(([e, tr]) => [
      e,
      tr.blocks ? { ...tr, blocks: renameInBlocks(tr.blocks, from, to) } : tr,
    ]),
  );
  return { ...withBlocks, on } as StateIn;
}

export function renameStateId(doc: Doc, from: string, to: string): Doc {
  if (from === to || doc.states[to] || !/^[A-Za-z][A-Za-z0-9_]*$/.test(to)) return doc;
  const states = Object.fromEntries(
    Object.entries(doc.states).map(([k, s]) => [k === from ? to : k, renameBlocksIn(retarget(s, from, to), from, to)]),
  );
  // The step keeps its place on the canvas under its new id.
  const layout = doc.layout
    ? Object.fromEntries(Object.entries(doc.layout).map(([k, p]) => [k === from ? to : k, p]))
    : undefined;
  return { ...doc, states, initial: doc.initial === from ? to : doc.initial, ...(layout ? { layout } : {}) };
}

export function patchState(doc: Doc, id: string, next: StateIn): Doc {
  return { ...doc, states: { ...doc.states, [id]: next } };
}

/** A new event between two states; a review first gets its two outcomes, APPROVE then REJECT. */
export function addTransition(doc: Doc, from: string, to: string): { doc: Doc; edge?: string } {
  const s = doc.states[from];
  if (!s || s.kind === 'final') return { doc };
  if (s.kind === 'auto') {
    const choices = [...s.choices, { to, guards: [{ name: 'noFailedItems' }] }];
    return { doc: patchState(doc, from, { ...s, choices }), edge: `${from}|choices.${choices.length - 1}` };
  }
  const on = s.on ?? {};
  const candidates = s.kind === 'review' ? ['APPROVE', 'REJECT'] : ['SUBMIT', 'APPROVE', 'RETURN'];
  const event = candidates.find((e) => !on[e]) ?? uniqueId(on, 'EVENT_');
  return { doc: patchState(doc, from, { ...s, on: { ...on, [event]: { to } } }), edge: `${from}|on.${event}` };
}

export function removeEdge(doc: Doc, edge: EdgeRef): Doc {
  const s = doc.states[edge.from];
  if (!s) return doc;
  if (s.kind === 'auto' && edge.path.startsWith('choices.')) {
    const i = Number(edge.path.split('.')[1]);
    if (s.choices.length > 1) return patchState(doc, edge.from, { ...s, choices: s.choices.filter((_, j) => j !== i) });
    return doc;
  }
  if (s.kind === 'collect' && edge.path === 'onComplete') {
    const { onComplete: _o, ...rest } = s;
    return patchState(doc, edge.from, rest);
  }
  if (hasOn(s) && edge.path.startsWith('on.')) {
    const { [edge.event]: _e, ...on } = s.on ?? {};
    return patchState(doc, edge.from, { ...s, on });
  }
  return doc;
}

/** Renames an event and/or replaces its transition. */
export function patchTransition(doc: Doc, from: string, event: string, nextEvent: string, tr: TransitionIn): Doc {
  const s = doc.states[from];
  if (!s || !hasOn(s)) return doc;
  const entries = Object.entries(s.on ?? {}).map(([e, t]): [string, TransitionIn] =>
    e === event ? [nextEvent, tr] : [e, t],
  );
  return patchState(doc, from, { ...s, on: Object.fromEntries(entries) });
}

/** Every field any form of the workflow declares, with the step that declares it. */
export function allFieldsOf(doc: Doc): Array<{ field: FieldIn; owner: string | null }> {
  const out: Array<{ field: FieldIn; owner: string | null }> = (doc.startForm?.fields ?? []).map((field) => ({
    field,
    owner: null,
  }));
  for (const [id, s] of Object.entries(doc.states))
    if ('form' in s && s.form) for (const field of s.form.fields ?? []) out.push({ field, owner: id });
  return out;
}

/** What "from scratch" starts with: one school step and an end, already valid. */
export function blankDefinition(): Doc {
  return {
    key: 'new-workflow',
    name: { 'zh-CN': '新流程', en: 'New workflow' },
    subject: 'school',
    starters: [{ role: 'principal', scope: 'subject.school' }],
    initial: 'selfReport',
    states: {
      selfReport: {
        kind: 'task',
        name: { 'zh-CN': '学校填报', en: 'School report' },
        actors: [{ role: 'principal', scope: 'subject.school' }],
        on: { SUBMIT: { to: 'done' } },
      },
      done: { kind: 'final', name: { 'zh-CN': '已办结', en: 'Done' }, outcome: 'approved' },
    },
  };
}

/** The label people see for an event: the definition's own, else the engine's default for that name. */
export function transitionLabel(doc: Doc, from: string, event: string): TLocalizedText {
  const s = doc.states[from];
  return (s && hasOn(s) ? s.on?.[event]?.label : undefined) ?? eventLabel(event);
}
