import type { TFunction } from 'i18next';

/**
 * The label of an audit action (`attachment.upload`, `permission.read`…) in the current language.
 * The keys contain dots, so they are looked up as flat keys of the `auditActions` map rather than
 * as a nested path; an action without a label (added on the server since) shows its raw name.
 */
export function auditActionLabel(t: TFunction, action: string): string {
  return t(`auditActions.${action}`, { defaultValue: action });
}
