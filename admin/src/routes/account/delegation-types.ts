import type { components } from '../../api/schema.gen';

/** GET/POST /api/delegations. */
export type Delegation = components['schemas']['Delegation'];

export type DelegationStatus = 'revoked' | 'ended' | 'pending' | 'active';

/** One status a person reads at a glance; `active` is the server's word, the rest follows from the dates. */
export function delegationStatus(d: Delegation, now = new Date().toISOString()): DelegationStatus {
  if (d.revokedAt) return 'revoked';
  if (d.endsAt <= now) return 'ended';
  if (d.active) return 'active';
  return d.startsAt > now ? 'pending' : 'ended';
}
