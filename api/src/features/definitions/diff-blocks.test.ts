import { describe, expect, it } from 'vitest';

import { TEMPLATES } from '../../engine.js';
import { diffDefinitions } from './diff-definitions.js';

type Json = Record<string, unknown>;
const doc = (key: string) => structuredClone(TEMPLATES[key]) as unknown as Json;
const at = (d: Json, path: string): Json => path.split('.').reduce<Json>((o, k) => o[k] as Json, d);

describe('版本对比 lists blocks added, removed, moved and changed', () => {
  it('follows a renamed step, and names each block change in both languages', () => {
    const before = doc('security-inspection');
    const after = doc('security-inspection');
    // 现场检查 gets a new id (same name and kind): its blocks are not reported as moved.
    const states = at(after, 'states');
    states.onSite = states.inspection;
    delete states.inspection;
    at(after, 'states.selfCheck.on.SUBMIT').to = 'onSite';
    // The ledger no longer closes findings on verification; the deadline block moves to PASS; the prefill changes field.
    delete at(after, 'states.verification.on.APPROVE').blocks;
    const raise = at(after, 'states.onSite.on.RAISE_FINDINGS');
    const [ledger, deadline] = raise.blocks as Json[];
    raise.blocks = [ledger];
    at(after, 'states.onSite.on.PASS').blocks = [deadline];
    (at(after, 'startBlocks.0') as Json).params = { field: 'checklist' };

    const blocks = diffDefinitions(before, after).filter((c) => c.kind === 'block');
    expect(blocks.map((c) => [c.change, c.target])).toEqual([
      ['changed', 'start:checklistItems'],
      ['moved', 'action:onSite.PASS:rectificationDeadline'],
      ['removed', 'action:verification.APPROVE:findingsLedger:close'],
    ]);
    expect(blocks[1].text['zh-CN']).toBe(
      '模块「整改期限按最高风险等级」由「现场检查」的操作「提出整改问题」移至「现场检查」的操作「检查通过」',
    );
    expect(blocks[2].text.en).toBe('Block "Findings ledger" removed from action APPROVE of "Verification"');
  });
});
