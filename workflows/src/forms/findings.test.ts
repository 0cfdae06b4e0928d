import { describe, expect, it } from 'vitest';

import { parseDefinition } from '../definition/validate.js';
import { availableEvents, start, step } from '../engine.js';
import { TEMPLATES } from '../templates/index.js';
import { actor, admin, def, env, ok, principalA, subject } from '../test-fixtures.js';

type Json = Record<string, unknown>;
const inspection = def(TEMPLATES['security-inspection']);
const inspector = actor('insp', 'inspector', 'district');
const items = [
  { code: 'HOST-01', layer: '主机安全', title: '无弱口令', result: 'fail' },
  { code: 'DATA-01', layer: '数据安全', title: '学生信息脱敏', result: 'fail' },
  { code: 'PHY-01', layer: '物理安全', title: '机房门禁', result: 'pass' },
];

/** An inspection at 现场检查, the school's self-check in. */
function atInspection() {
  const s0 = ok(
    start(
      inspection,
      { subject, initiator: admin, data: { round: '秋季', items }, assignments: { inspector: ['insp'] } },
      env,
    ),
  );
  return ok(step(inspection, s0.snapshot, { type: 'SUBMIT', data: { items } }, principalA, env));
}
const raise = (findings: unknown) =>
  step(
    inspection,
    atInspection().snapshot,
    { type: 'RAISE_FINDINGS', comment: '存在问题', data: { findings } },
    inspector,
    env,
  );
const fieldError = (r: ReturnType<typeof step>, name: string) => (r.ok ? null : r.fieldErrors?.[name]?.['zh-CN']);

describe('a findings field, raise mode (整改问题（逐项）)', () => {
  it('offers itself in 提出整改问题’s dialog, since the action requires it', () => {
    const events = availableEvents(inspection, atInspection().snapshot, inspector, env);
    expect(events.find((e) => e.type === 'RAISE_FINDINGS')?.requires).toContain('findings');
  });

  it('takes one row per finding with a declared severity, a deadline in working days, an offline order and a notice number', () => {
    const r = raise([
      { code: 'HOST-01', severity: 'high', workdays: 3, offline: true, noticeNo: '高新教网安〔2026〕17号' },
      { code: 'DATA-01', severity: 'low', workdays: 20 },
    ]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.state).toBe('rectification');
  });

  it('refuses, naming the row, a severity the field does not declare, a bad deadline, a duplicate and a foreign key', () => {
    expect(fieldError(raise([{ code: 'HOST-01', severity: 'critical', workdays: 5 }]), 'findings')).toBe(
      'HOST-01：请选择风险等级',
    );
    expect(fieldError(raise([{ code: 'HOST-01', severity: 'high', workdays: 0 }]), 'findings')).toBe(
      'HOST-01：办理时限应为 1–120 个工作日',
    );
    expect(
      fieldError(
        raise([
          { code: 'HOST-01', severity: 'high', workdays: 5 },
          { code: 'HOST-01', severity: 'low', workdays: 20 },
        ]),
        'findings',
      ),
    ).toBe('检查项 HOST-01 重复登记');
    // A raise row cannot carry the school's reply or the inspector's verdict.
    expect(
      fieldError(raise([{ code: 'HOST-01', severity: 'high', workdays: 5, verdict: 'accepted' }]), 'findings'),
    ).toBe('HOST-01：此环节不能填写「verdict」');
    expect(
      fieldError(raise([{ code: 'HOST-01', severity: 'high', workdays: 5, noticeNo: 'x'.repeat(61) }]), 'findings'),
    ).toBe('HOST-01：内容不能超过 60 个字');
  });

  it('lets only a severity that declares it order the system offline', () => {
    expect(fieldError(raise([{ code: 'DATA-01', severity: 'medium', workdays: 10, offline: true }]), 'findings')).toBe(
      'DATA-01：「中风险」问题不能责令下线',
    );
  });
});

describe('rectify and verify modes: each step writes its own part', () => {
  const raised = () =>
    ok(
      raise([
        { code: 'HOST-01', severity: 'high', workdays: 5 },
        { code: 'DATA-01', severity: 'low', workdays: 20 },
      ]),
    );

  it('the school writes a note per finding, never the inspector’s columns or the raise field', () => {
    const s = raised().snapshot;
    const handIn = (data: Json) => step(inspection, s, { type: 'SUBMIT_RECTIFICATION', data }, principalA, env);
    expect(
      handIn({
        rectifications: [
          { code: 'HOST-01', note: '已重置口令' },
          { code: 'DATA-01', note: '已脱敏' },
        ],
      }).ok,
    ).toBe(true);
    expect(
      fieldError(handIn({ rectifications: [{ code: 'HOST-01', note: 'x', severity: 'low' }] }), 'rectifications'),
    ).toBe('HOST-01：此环节不能填写「severity」');
    expect(fieldError(handIn({ findings: [], rectifications: [{ code: 'HOST-01', note: 'x' }] }), 'findings')).toBe(
      '「整改问题（逐项）」在此步骤不可修改',
    );
  });

  it('a returned verdict needs its reason', () => {
    const s = ok(
      step(
        inspection,
        raised().snapshot,
        { type: 'SUBMIT_RECTIFICATION', data: { rectifications: [{ code: 'HOST-01', note: '已重置口令' }] } },
        principalA,
        env,
      ),
    ).snapshot;
    const back = (verdicts: unknown) =>
      step(inspection, s, { type: 'REJECT', comment: '未整改到位', data: { verdicts } }, inspector, env);
    expect(fieldError(back([{ code: 'HOST-01', verdict: 'returned' }]), 'verdicts')).toBe('HOST-01：退回须说明原因');
    expect(fieldError(back([{ code: 'HOST-01', verdict: 'maybe' }]), 'verdicts')).toBe(
      'HOST-01：请选择复核结论（通过或退回）',
    );
    const ok1 = back([
      { code: 'HOST-01', verdict: 'returned', note: '仍有弱口令' },
      { code: 'DATA-01', verdict: 'accepted' },
    ]);
    expect(ok1.ok && ok1.state).toBe('rectification');
  });
});

describe('what a definition may say about findings fields', () => {
  const clone = () => structuredClone(TEMPLATES['security-inspection']) as unknown as Json;
  const fieldsOf = (doc: Json, state: string) =>
    ((doc.states as Json)[state] as { form: { fields: Json[] } }).form.fields;
  const errors = (doc: Json) => {
    const p = parseDefinition(doc);
    return p.ok ? [] : p.errors.map((e) => [e.path, e.code, e.message['zh-CN']]);
  };

  it('the template is valid', () => expect(errors(clone())).toEqual([]));

  it('refuses a raise field over something that is not a checklist, a reply to no raise field, and a mode on another type', () => {
    const doc = clone();
    const raiseField = fieldsOf(doc, 'inspection').find((f) => f.name === 'findings')!;
    (raiseField.findings as Json).itemsField = 'round';
    expect(errors(doc)).toContainEqual([
      'states.inspection.form.fields.2',
      'BAD_FIELD',
      '「整改问题（逐项）」须指向含「code」「result」列的检查表格（round）',
    ]);
    const doc2 = clone();
    (fieldsOf(doc2, 'rectification').find((f) => f.name === 'rectifications')!.findings as Json).of = 'items';
    expect(errors(doc2)).toContainEqual([
      'states.rectification.form.fields.0',
      'BAD_FIELD',
      '「整改清单」须指向登记问题的字段（items）',
    ]);
    const doc3 = clone();
    fieldsOf(doc3, 'rectification').find((f) => f.name === 'rectificationReport')!.findings = {
      mode: 'verify',
      of: 'findings',
    };
    expect(errors(doc3).map((e) => e[1])).toContain('BAD_FIELD');
  });

  it('refuses a ledger operation pointed at a findings field of the wrong mode', () => {
    const doc = clone();
    const on = ((doc.states as Json).rectification as { on: Json }).on;
    ((on.SUBMIT_RECTIFICATION as Json).blocks as Json[])[0] = {
      name: 'findingsLedger',
      params: { op: 'handIn', field: 'verdicts' },
    };
    expect(errors(doc)).toContainEqual([
      'states.rectification.on.SUBMIT_RECTIFICATION.blocks.0.params.field',
      'BLOCK_INPUT',
      expect.stringContaining('须为逐项问题字段（整改清单）'),
    ]);
  });
});
