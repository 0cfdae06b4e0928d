import { eventLabel, t } from '../text.js';
import type { TLocalizedText } from './schema.js';

type Loose = Record<string, unknown>;
const rec = (v: unknown): Loose | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined;
const named = (v: unknown, fallback: string): TLocalizedText => {
  const n = rec(rec(v)?.name) ?? rec(rec(v)?.label);
  const zh = typeof n?.['zh-CN'] === 'string' && n['zh-CN'] ? n['zh-CN'] : fallback;
  const en = typeof n?.en === 'string' && n.en ? n.en : zh;
  return t(zh, en);
};

/** What a path segment is called in the designer's panels. */
const PARTS: Record<string, TLocalizedText> = {
  name: t('名称', 'name'),
  description: t('说明', 'description'),
  key: t('流程标识', 'key'),
  subject: t('办理对象', 'subject'),
  starters: t('发起人', 'who may start'),
  startForm: t('发起表单', 'start form'),
  startBlocks: t('发起时执行的业务模块', 'blocks run at start'),
  initial: t('第一个环节', 'first step'),
  title: t('实例标题', 'instance title'),
  states: t('环节', 'steps'),
  actors: t('办理人', 'who acts'),
  assignees: t('审核人', 'reviewers'),
  participants: t('填报单位', 'participants'),
  collectors: t('汇总人', 'collectors'),
  deadline: t('办理时限', 'deadline'),
  workdays: t('工作日', 'working days'),
  remindBefore: t('提前提醒', 'reminder'),
  escalateTo: t('逾期上报', 'escalate to'),
  form: t('表单', 'form'),
  fields: t('字段', 'fields'),
  permissions: t('字段权限', 'field access'),
  guards: t('条件', 'conditions'),
  blocks: t('业务模块', 'blocks'),
  requires: t('必填字段', 'required fields'),
  asks: t('确认时填写', 'dialog fields'),
  to: t('去向', 'goes to'),
  label: t('按钮文字', 'button text'),
  comment: t('意见', 'comment'),
  assigns: t('指定人员', 'assigns'),
  mechanics: t('办理方式', 'mechanics'),
  join: t('会签方式', 'sign-off policy'),
  params: t('参数', 'parameters'),
  scope: t('范围', 'scope'),
  role: t('角色', 'role'),
  step: t('环节', 'step'),
  onEnd: t('公示结束后', 'after the notice'),
  otherwise: t('其他情况', 'otherwise'),
  choices: t('分支', 'branches'),
  duration: t('公示期', 'notice period'),
  outcome: t('办结结果', 'outcome'),
};

const join = (parts: TLocalizedText[]): TLocalizedText =>
  t(parts.map((p) => p['zh-CN']).join(' › '), parts.map((p) => p.en).join(' › '));

/**
 * Where a problem is, in the designer's words: `states.step3.on.APPROVE.to` reads 环节「区级审核」 › 按钮「通过」
 * › 去向, not the document path. Works on a draft that does not parse yet (the schema's own errors).
 */
export function describePath(doc: unknown, path: string): TLocalizedText {
  const segs = path ? path.split('.') : [];
  const out: TLocalizedText[] = [];
  let state: Loose | undefined;
  let at: unknown = doc;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] ?? '';
    const parent = at;
    at = Array.isArray(parent) ? parent[Number(seg)] : rec(parent)?.[seg];
    const prev = segs[i - 1];
    if (prev === 'states' && i === 1) {
      state = rec(at);
      const n = named(at, seg);
      out.push(t(`环节「${n['zh-CN']}」`, `step "${n.en}"`));
    } else if (prev === 'on' && state) {
      const n = eventLabel(seg, rec(rec(at)?.label) as TLocalizedText | undefined);
      out.push(t(`按钮「${n['zh-CN']}」`, `button "${n.en}"`));
    } else if (prev === 'fields' && /^\d+$/.test(seg)) {
      const n = named(at, rec(at)?.name ? String(rec(at)?.name) : `#${Number(seg) + 1}`);
      out.push(t(`字段「${n['zh-CN']}」`, `field "${n.en}"`));
    } else if (/^\d+$/.test(seg)) {
      out.push(t(`第 ${Number(seg) + 1} 项`, `item ${Number(seg) + 1}`));
    } else if (seg === 'on' || (seg === 'states' && i === 0) || seg === 'fields') {
      // Named by the next segment (the button, the step, the field).
    } else out.push(PARTS[seg] ?? t(seg, seg));
  }
  return out.length ? join(out) : t('流程设置', 'workflow settings');
}
