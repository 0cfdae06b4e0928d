import { appendAudit } from '../../audit/append.js';
import { deleteSession } from '../../auth/sessions.js';
import type { TAuthUser } from '../../auth/user.js';
import { tx } from '../../db/client.js';
import type { Deps } from '../../deps.js';

export function logoutUser(deps: Deps, input: { user: TAuthUser; sessionId: string }): void {
  tx(deps.db, () => {
    deleteSession(deps, input.sessionId);
    appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.user,
      action: 'auth.logout',
      entityType: 'User',
      entityId: input.user.id,
      outcome: 'success',
    });
  });
}
