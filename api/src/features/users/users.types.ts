import { z } from '@hono/zod-openapi';

import { zRole } from '../../engine.js';
import { ZSortQuery } from '../../lib/sorted-keyset.js';

export const ZRoleGrant = z.object({ role: zRole, orgId: z.string().min(1) });
export type TRoleGrantInput = z.infer<typeof ZRoleGrant>;

export const ZCreateUser = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{3,64}$/, '3–64 letters, digits, ., _ or -'),
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

export const ZUserQuery = z.object({
  role: zRole.optional(),
  orgId: z.string().max(100).optional(),
  q: z.string().trim().max(64).optional().openapi({ description: 'Part of the username or display name' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  ...ZSortQuery.shape,
});
export type TUserQuery = z.infer<typeof ZUserQuery>;

export const ZUserGrantView = z.object({ role: zRole, orgId: z.string(), orgName: z.string() });

export const ZUserItem = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    twoFactor: z.boolean(),
    version: z.number().int(),
    roles: z.array(ZUserGrantView),
  })
  .openapi('UserItem');
export type TUserItem = z.infer<typeof ZUserItem>;
export const ZUserPage = z.object({ items: z.array(ZUserItem), nextCursor: z.string().nullable() });

export const ZCreateUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{3,64}$/, '3–64 letters, digits, ., _ or -'),
    displayName: z.string().trim().min(1).max(64),
    password: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .openapi({ description: 'Omit to have one generated (returned once, to be changed at first sign-in)' }),
    locale: z.enum(['zh-CN', 'en']).optional(),
    roles: z.array(ZRoleGrant).max(50).default([]),
  })
  .openapi('CreateUserBody');
export type TCreateUserBody = z.infer<typeof ZCreateUserBody>;
export const ZCreatedUser = ZUserItem.extend({ password: z.string().optional() }).openapi('CreatedUser');

export const ZUpdateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    disabled: z.boolean().optional(),
    roles: z
      .array(ZRoleGrant)
      .max(50)
      .optional()
      .openapi({ description: 'The full set of grants; replaces the current one' }),
    resetPassword: z.boolean().optional().openapi({
      description:
        'Issue a one-time password (returned once as `password`), to be changed at next sign-in; ends the sessions',
    }),
    resetTwoFactor: z
      .boolean()
      .optional()
      .openapi({ description: 'Turn two-factor off (lost phone); the user enrols again' }),
    expectedVersion: z.number().int().min(1),
  })
  .openapi('UpdateUserBody');
export type TUpdateUserBody = z.infer<typeof ZUpdateUserBody>;
