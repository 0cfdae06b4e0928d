import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { api, call } from '../../api/client';
import { auditLink } from '../../lib/audit-link';
import type { NotificationRow } from '../../types/contract';

/** Marks one notification read (if it is not yet) and goes to what it is about (its instance, or an account's audit trail). Shared by the bell and the page. */
export function useOpenNotification(after?: () => void) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const markRead = async (n: NotificationRow) => {
    try {
      if (!n.readAt) await call(api.POST('/api/notifications/{id}/read', { params: { path: { id: n.id } } }));
    } finally {
      void client.invalidateQueries({ queryKey: ['notifications'] });
      after?.();
    }
  };
  const open = async (n: NotificationRow) => {
    await markRead(n).catch(() => undefined);
    if (n.instanceId) navigate(`/instances/${n.instanceId}`);
    // An account's powers changed (the auditors' notices): its trail in the audit log.
    else if (n.entityId) navigate(auditLink({ entityId: n.entityId }));
  };
  return { open, markRead };
}
