import { appendAudit } from '../../audit/append.js';
import { deleteSession } from '../../auth/sessions.js';
import type { TAuthUser } from '../../auth/user.js';
import { tx } from '../../db/client.js';
import type { Deps } from '../../deps.js';

export async function logoutUser(deps: Deps, input: { user: TAuthUser; sessionId: string }): Promise<void> {
  await tx(deps.db, async () => {
    await deleteSession(deps, input.sessionId);
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.user,
      action: 'auth.logout',
      entityType: 'User',
      entityId: input.user.id,
      outcome: 'success',
    });
  });
}
