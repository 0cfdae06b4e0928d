import { z } from '@hono/zod-openapi';

import { ROLES } from '../../engine.js';

export const ZLoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    otp: z
      .string()
      .trim()
      .max(10)
      .optional()
      .openapi({ description: 'The 6-digit authenticator code, for accounts with two-factor enabled' }),
  })
  .openapi('LoginBody');
export type TLoginBody = z.infer<typeof ZLoginBody>;

export const ZUserSummary = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), locale: z.enum(['zh-CN', 'en']) })
  .openapi('UserSummary');

export const ZLoginResult = z.object({
  user: ZUserSummary,
  mustChangePassword: z.boolean(),
  /** A privileged account without an authenticator yet: it must enrol before anything else works. */
  mustEnrolTwoFactor: z.boolean(),
});

export const ZChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .openapi('ChangePasswordBody');
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;

export const ZTotpEnrolment = z
  .object({ secret: z.string(), uri: z.string().openapi({ description: 'otpauth:// URI to show as a QR code' }) })
  .openapi('TotpEnrolment');
export const ZTotpConfirmBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '6 digits'),
  })
  .openapi('TotpConfirmBody');

export const ZMe = z
  .object({
    user: ZUserSummary,
    roles: z.array(z.object({ role: z.enum(ROLES), orgId: z.string(), orgName: z.string() })),
    /** CASL rules packed with packRules(); the console unpacks them to hide what the user cannot do. */
    rules: z.array(z.array(z.unknown())),
    csrfToken: z.string(),
    /** The console sends the user to the change-password screen while this is true. */
    mustChangePassword: z.boolean(),
    twoFactor: z.boolean(),
    /** The three powers must enrol two-factor sign-in first: every other call answers TOTP_ENROLMENT_REQUIRED. */
    mustEnrolTwoFactor: z.boolean(),
  })
  .openapi('Me');
export type TMe = z.infer<typeof ZMe>;
