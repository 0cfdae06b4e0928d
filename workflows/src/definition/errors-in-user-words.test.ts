import { describe, expect, it } from 'vitest';

import { l } from '../test-fixtures.js';
import { describePath } from './describe-path.js';
import { parseDefinition } from './validate.js';

// Issue 12.9: the designer's problems name steps, buttons and fields as the designer shows them, never the
// document's path (`states.step3.on.APPROVE`) or an event code.
const doc = {
  key: 'x',
  name: l('校园活动审批', 'Campus activity'),
  subject: 'school',
  starters: [{ role: 'principal', scope: 'subject.school' }],
  initial: 'fill',
  states: {
    fill: {
      kind: 'task',
      name: l('学校填报', 'School fills in'),
      actors: [{ role: 'principal', scope: 'subject.school' }],
      form: { fields: [{ name: 'topic', type: 'text', label: l('活动主题', 'Topic') }] },
      on: { SUBMIT: { to: 'review', label: l('报送', 'Send') } },
    },
    review: {
      kind: 'task',
      name: l('区级审核', 'District review'),
      actors: [{ role: 'bureauReviewer', scope: 'district' }],
      on: { APPROVE: { to: 'done' }, SAVE: { to: 'fill' }, BACK: { to: 'gone' } },
    },
    done: { kind: 'final', name: l('办结', 'Done'), outcome: 'approved' },
  },
};

const messages = (json: unknown, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const r = parseDefinition(json);
  // As the designer lists them: a schema problem says where itself; the others are placed by describePath.
  return r.ok
    ? []
    : r.errors.map((e) =>
        e.code === 'SCHEMA' ? e.message[locale] : `${describePath(json, e.path)[locale]}：${e.message[locale]}`,
      );
};

describe('designer problems in the user’s words', () => {
  it('names the step, the button and the field a path points at', () => {
    expect(describePath(doc, 'states.review.on.APPROVE.to')).toEqual(
      l('环节「区级审核」 › 按钮「通过」 › 去向', 'step "District review" › button "Approve" › goes to'),
    );
    expect(describePath(doc, 'states.fill.on.SUBMIT')['zh-CN']).toBe('环节「学校填报」 › 按钮「报送」');
    expect(describePath(doc, 'states.fill.form.fields.0.label')['zh-CN']).toBe(
      '环节「学校填报」 › 表单 › 字段「活动主题」 › 按钮文字',
    );
    expect(describePath(doc, 'starters.0.scope')['zh-CN']).toBe('发起人 › 第 1 项 › 范围');
    expect(describePath(doc, '')['zh-CN']).toBe('流程设置');
  });

  it('graph problems say what to do without codes: a reserved button id, a deleted target', () => {
    const all = messages(doc);
    expect(all).toContain('环节「区级审核」 › 按钮「暂存」：按钮标识 SAVE 由系统保留（暂存），请换一个标识');
    expect(all).toContain('环节「区级审核」 › 按钮「BACK」：去向的环节（gone）不存在，可能已删除：请重新选择去向');
    expect(all.join('\n')).not.toMatch(/states\.|\bon\./);
  });

  it('schema problems say where and what, in both languages', () => {
    const broken = structuredClone(doc);
    (broken.states.review.on as Record<string, unknown>).APPROVE = { label: l('同意', 'Agree') };
    broken.states.fill.actors = [{ role: 'janitor', scope: 'subject.school' }];
    expect(messages(broken)).toEqual([
      expect.stringMatching(/^环节「学校填报」 › 办理人 › 第 1 项 › 角色：.*须为以下之一：.*principal/),
      '环节「区级审核」 › 按钮「同意」 › 去向：未填写',
    ]);
    expect(messages(broken, 'en')[1]).toBe('step "District review" › button "Agree" › goes to: is missing');
  });
});
