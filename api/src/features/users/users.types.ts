import { z } from '@hono/zod-openapi';
import { zRole } from '../../engine.js';

export const ZRoleGrant = z.object({ role: zRole, orgId: z.string().min(1) });
export type TRoleGrantInput = z.infer<typeof ZRoleGrant>;

export const ZCreateUser = z
  .object({
    username: z.string().trim().regex(/^[A-Za-z0-9._-]{3,64}$/, '3–64 letters, digits, ., _ or -'),
    displayName: z.string().trim().min(1).max(64),
    /** Either a password (hashed here) or a hash computed once by a bulk caller such as the seeds. */
    password: z.string().min(1).max(256).optional(),
    passwordHash: z.string().startsWith('$argon2id$').optional(),
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    mustChangePassword: z.boolean().default(false),
    roles: z.array(ZRoleGrant).default([]),
  })
  .refine((u) => Boolean(u.password) !== Boolean(u.passwordHash), {
    message: 'Give exactly one of password and passwordHash',
    path: ['password'],
  });
export type TCreateUser = z.input<typeof ZCreateUser>;
