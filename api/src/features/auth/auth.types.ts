import { z } from '@hono/zod-openapi';
import { ROLES } from '../../engine.js';

export const ZLoginBody = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .openapi('LoginBody');
export type TLoginBody = z.infer<typeof ZLoginBody>;

export const ZUserSummary = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), locale: z.enum(['zh-CN', 'en']) })
  .openapi('UserSummary');

export const ZLoginResult = z.object({ user: ZUserSummary });

export const ZMe = z
  .object({
    user: ZUserSummary,
    roles: z.array(z.object({ role: z.enum(ROLES), orgId: z.string(), orgName: z.string() })),
    /** CASL rules packed with packRules(); the console unpacks them to hide what the user cannot do. */
    rules: z.array(z.array(z.unknown())),
    csrfToken: z.string(),
  })
  .openapi('Me');
export type TMe = z.infer<typeof ZMe>;
