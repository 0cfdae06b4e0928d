import { describe, expect, it } from 'vitest';

import { TEMPLATES } from '../templates/index.js';
import { l } from '../test-fixtures.js';
import type { TDefinitionInput } from './schema.js';
import { parseDefinition, parsePublishedDefinition } from './validate.js';

const base = (states: Record<string, unknown>, extra: Partial<TDefinitionInput> = {}): unknown => ({
  key: 'x',
  name: l('测试'),
  subject: 'school',
  starters: [{ role: 'principal', scope: 'subject.school' }],
  initial: 'a',
  states,
  ...extra,
});
const task = (on: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  kind: 'task',
  name: l(`任务${Math.random()}`),
  actors: [{ role: 'principal', scope: 'subject.school' }],
  on,
  ...extra,
});
const final = { kind: 'final', name: l('结束') };

function codes(json: unknown) {
  const r = parseDefinition(json);
  return r.ok ? [] : r.errors.map((e) => `${e.code}@${e.path}`);
}

describe('parseDefinition', () => {
  it('accepts every built-in template', () => {
    for (const t of Object.values(TEMPLATES)) expect(codes(t)).toEqual([]);
  });

  it('rejects an unknown role with the path of the offending rule', () => {
    const bad = base({ a: { ...task({ GO: { to: 'z' } }), actors: [{ role: 'janitor', scope: 'any' }] }, z: final });
    expect(codes(bad)).toEqual(['SCHEMA@states.a.actors.0.role']);
  });

  it('rejects a transition to a state that does not exist', () => {
    expect(codes(base({ a: task({ GO: { to: 'nowhere' } }), z: final }))).toContain('UNKNOWN_STATE@states.a.on.GO');
  });

  it('rejects an unknown initial state', () => {
    expect(codes(base({ z: final }, { initial: 'missing' }))).toContain('UNKNOWN_STATE@initial');
  });

  it('rejects an unknown guard and bad guard parameters', () => {
    const bad = base({
      a: task({
        GO: { to: 'z', guards: [{ name: 'isFriday' }] },
        GO2: { to: 'z', guards: [{ name: 'withinCap', params: { cap: 'six' } }] },
      }),
      z: final,
    });
    expect(codes(bad)).toEqual(['UNKNOWN_GUARD@states.a.on.GO.guards.0', 'BAD_GUARD_PARAMS@states.a.on.GO2.guards.0']);
  });

  it('rejects an unreachable state', () => {
    expect(codes(base({ a: task({ GO: { to: 'z' } }), orphan: task({ GO: { to: 'z' } }), z: final }))).toEqual([
      'UNREACHABLE_STATE@states.orphan',
    ]);
  });

  it('rejects a non-final state with no way out', () => {
    expect(codes(base({ a: task({ GO: { to: 'b' } }), b: task({}), z: final }))).toContain('DEAD_END@states.b');
  });

  it('rejects a graph where no final state can be reached', () => {
    expect(codes(base({ a: task({ GO: { to: 'b' } }), b: task({ BACK: { to: 'a' } }) }))).toContain(
      'NO_FINAL_STATE@states',
    );
  });

  it('rejects duplicate state names and duplicate fields', () => {
    const twin = { ...task({ GO: { to: 'z' } }), name: l('同名') };
    const form = {
      fields: [
        { name: 'f', type: 'text', label: l('甲') },
        { name: 'f', type: 'number', label: l('乙') },
      ],
    };
    const bad = base({ a: { ...twin, on: { GO: { to: 'b' } }, form }, b: twin, z: final });
    expect(codes(bad)).toEqual(['DUPLICATE_FIELD@states.a.form.fields.1', 'DUPLICATE_NAME@states.b.name']);
  });

  it('rejects a required field that no form declares', () => {
    expect(codes(base({ a: task({ GO: { to: 'z', requires: ['ghost'] } }), z: final }))).toEqual([
      'UNKNOWN_FIELD@states.a.on.GO.requires',
    ]);
  });

  it('lets an action dialog ask only for fields its step may fill', () => {
    const form = { fields: [{ name: 'notes', type: 'textarea', label: l('说明') }] };
    const later = (asks: string[]) => ({
      ...task({ GO: { to: 'z', asks } }),
      form: { fields: [{ name: 'other', type: 'text', label: l('其他') }] },
    });
    expect(
      codes(base({ a: task({ GO: { to: 'b', asks: ['notes'] } }, { form }), b: later(['other']), z: final })),
    ).toEqual([]);
    // A field of another step is read-only here, and a ghost is nowhere.
    expect(
      codes(base({ a: task({ GO: { to: 'b', asks: ['ghost'] } }, { form }), b: later(['notes']), z: final })),
    ).toEqual(['UNKNOWN_FIELD@states.a.on.GO.asks', 'UNKNOWN_FIELD@states.b.on.GO.asks']);
  });

  it('rejects a review without both outcomes, a reserved TIMER event and a reminder after the deadline', () => {
    const review = {
      kind: 'review',
      name: l('审核'),
      assignees: { role: 'bureauReviewer', scope: 'district' },
      join: { policy: 'all' },
      on: { APPROVE: { to: 'z' } },
    };
    const bad = base({
      a: task({ GO: { to: 'r' }, TIMER: { to: 'z' } }, { deadline: { workdays: 2, remindBefore: 2 } }),
      r: review,
      z: final,
    });
    expect(codes(bad).sort()).toEqual(
      [
        'BAD_DEADLINE@states.a.deadline.remindBefore',
        'RESERVED_EVENT@states.a.on.TIMER',
        'REVIEW_OUTCOMES@states.r.on',
      ].sort(),
    );
  });

  it('gives every error a message in both languages', () => {
    const r = parseDefinition(base({ a: task({ GO: { to: 'nowhere' } }) }));
    expect(r.ok).toBe(false);
    if (!r.ok) for (const e of r.errors) expect(e.message['zh-CN'].length && e.message.en.length).toBeGreaterThan(0);
  });
});

describe('parsePublishedDefinition: what runs keeps running when the checks grow', () => {
  // Campus entry without its 是否商业性质 question: published before the rule set had to read it.
  const withoutCommercial = () => {
    const doc = structuredClone(TEMPLATES['campus-entry']);
    doc.startForm = { ...doc.startForm, fields: (doc.startForm?.fields ?? []).filter((f) => f.name !== 'commercial') };
    return doc;
  };

  it('a new draft must meet the check: the rule set names a field no form has', () => {
    const res = parseDefinition(withoutCommercial());
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.map((e) => e.path)).toContain('states.autoCheck.blocks.0.params.commercialField');
  });

  it('a published one parses, the problem returned beside it', () => {
    const res = parsePublishedDefinition(withoutCommercial());
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.definition.key).toBe('campus-entry');
      expect(res.problems.map((e) => e.path)).toEqual(['states.autoCheck.blocks.0.params.commercialField']);
    }
  });

  it('a document whose schema no longer parses is refused either way', () => {
    expect(parsePublishedDefinition({ ...withoutCommercial(), states: 'none' }).ok).toBe(false);
  });
});
