import type { TLocalizedText } from './definition/schema.js';

/** Builds a bilingual message; every text the engine returns to people goes through here. */
export const t = (zh: string, en: string): TLocalizedText => ({ 'zh-CN': zh, en });

/** Labels for common event names, so a definition need not repeat them. */
const EVENT_LABELS: Record<string, TLocalizedText> = {
  SUBMIT: t('提交', 'Submit'),
  APPROVE: t('通过', 'Approve'),
  REJECT: t('驳回', 'Reject'),
  RETURN: t('退回', 'Return'),
  WITHDRAW: t('撤回', 'Withdraw'),
  RESUBMIT: t('重新提交', 'Resubmit'),
  ACCEPT: t('验收通过', 'Accept'),
  PASS: t('检查通过', 'Pass'),
  RAISE_FINDINGS: t('提出整改问题', 'Raise findings'),
  SUBMIT_RECTIFICATION: t('提交整改', 'Submit rectification'),
  CONFIRM: t('确认', 'Confirm'),
  DECLINE: t('拒绝', 'Decline'),
  OBJECT: t('提出异议', 'Object'),
  CLOSE: t('关闭', 'Close'),
  SAVE: t('暂存', 'Save draft'),
  TRANSFER: t('转办', 'Transfer'),
  DELEGATE: t('委派', 'Delegate'),
  RESOLVE: t('办结并交回', 'Done, hand back'),
  ADD_SIGNER: t('加签', 'Add signer'),
  SIGN: t('同意（加签）', 'Sign off'),
  DECLINE_SIGN: t('不同意（加签）', 'Decline to sign'),
  COPY_TO: t('抄送', 'Copy to'),
  CHASE: t('催办', 'Chase'),
  RETURN_TO: t('退回至指定环节', 'Return to a step'),
  // Engine-made moves: a trace diagram and a history name them too, never by their code.
  SUBMIT_PART: t('提交本方意见', 'Submit my part'),
  RETURN_PART: t('退回单方', 'Return a part'),
  AUTO: t('自动流转', 'Automatic'),
  TIMER: t('到期自动处理', 'Deadline reached'),
  REASSIGN: t('移交', 'Reassign'),
  MERGE: t('合并申请', 'Merge requests'),
};

export function eventLabel(type: string, label?: TLocalizedText): TLocalizedText {
  return label ?? EVENT_LABELS[type] ?? t(type, type);
}
