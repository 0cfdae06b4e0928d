/** GET/POST /api/delegations (api/src/features/delegations/delegations.types.ts). */
export type Delegation = {
  id: string;
  from: { id: string; displayName: string };
  to: { id: string; displayName: string };
  startsAt: string;
  endsAt: string;
  reason: string;
  createdAt: string;
  revokedAt: string | null;
  active: boolean;
};

export type DelegationStatus = 'revoked' | 'ended' | 'pending' | 'active';

/** One status a person reads at a glance; `active` is the server's word, the rest follows from the dates. */
export function delegationStatus(d: Delegation, now = new Date().toISOString()): DelegationStatus {
  if (d.revokedAt) return 'revoked';
  if (d.endsAt <= now) return 'ended';
  if (d.active) return 'active';
  return d.startsAt > now ? 'pending' : 'ended';
}
