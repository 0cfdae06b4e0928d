import { z } from '@hono/zod-openapi';

export const MAX_DELEGATION_DAYS = 90;

export const ZCreateDelegationBody = z
  .object({
    /** Who acts in my stead (e.g. the vice principal while the principal is on leave). */
    toUserId: z.string().min(1),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    reason: z.string().trim().min(2).max(200),
  })
  .openapi('CreateDelegationBody');
export type TCreateDelegationBody = z.infer<typeof ZCreateDelegationBody>;

export const ZDelegation = z
  .object({
    id: z.string(),
    from: z.object({ id: z.string(), displayName: z.string() }),
    to: z.object({ id: z.string(), displayName: z.string() }),
    startsAt: z.string(),
    endsAt: z.string(),
    reason: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    active: z.boolean(),
  })
  .openapi('Delegation');
export type TDelegation = z.infer<typeof ZDelegation>;
export const ZDelegationList = z.object({ items: z.array(ZDelegation) }).openapi('DelegationList');
