import { cachedSession } from '../providers/session';

/** Whether the signed-in user may do `action` on `subject` (CASL rules from /api/me); used to hide buttons only. */
export function useCan(action: string, subject: string): boolean {
  return cachedSession()?.ability.can(action, subject) ?? false;
}
