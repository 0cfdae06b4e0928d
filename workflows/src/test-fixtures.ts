import type { TDefinitionInput, TJoin, TRole } from './definition/schema.js';
import { parseDefinition } from './definition/validate.js';
import type { Actor, StepResult } from './engine-types.js';

export const l = (zh: string, en = zh) => ({ 'zh-CN': zh, en });
export const subject = { orgId: 'school-a', path: ['district', 'group-1', 'school-a'], type: 'school' as const };
export const env = { now: new Date('2026-11-23T02:00:00Z') };

export const actor = (userId: string, role: TRole, orgId: string): Actor => ({ userId, roles: [{ role, orgId }] });
export const admin = actor('admin', 'bureauAdmin', 'district');
export const principalA = actor('pa', 'principal', 'school-a');
export const principalB = actor('pb', 'principal', 'school-b');
export const leadG1 = actor('lead', 'groupLead', 'group-1');
export const reviewers = ['r1', 'r2', 'r3'].map((id) => actor(id, 'bureauReviewer', 'district'));

/** Parses a definition or fails the test with the validation errors. */
export function def(input: TDefinitionInput) {
  const p = parseDefinition(input);
  if (!p.ok) throw new Error(JSON.stringify(p.errors, null, 1));
  return p.definition;
}

export function ok(r: StepResult) {
  if (!r.ok) throw new Error(`refused: ${r.code} ${r.message.en}`);
  return r;
}

/** school self-report → group lead review (all of N bureau reviewers) → done / back. */
export const reviewFlow = (join: TJoin) =>
  ({
    key: 'review-flow',
    name: l('会签测试'),
    subject: 'school',
    starters: [{ role: 'principal', scope: 'subject.school' }],
    startForm: { fields: [{ name: 'title', type: 'text', label: l('标题'), required: true, maxLength: 35 }] },
    initial: 'draft',
    states: {
      draft: {
        kind: 'task',
        name: l('填报'),
        actors: [{ role: 'principal', scope: 'subject.school' }],
        on: { SUBMIT: { to: 'review' } },
      },
      review: {
        kind: 'review',
        name: l('会签'),
        assignees: { role: 'bureauReviewer', scope: 'district' },
        join,
        on: { APPROVE: { to: 'done' }, REJECT: { to: 'draft', comment: 'required' } },
      },
      done: { kind: 'final', name: l('通过'), outcome: 'approved' },
    },
  }) as TDefinitionInput;
