import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id; these costs follow OWASP's minimum (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the username is unknown, so timing does not reveal which usernames exist. */
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword('not-a-real-password'));

/** Password policy (等保 2.0): at least 8 characters mixing letters and digits. */
export function passwordPolicyError(password: string): { 'zh-CN': string; en: string } | null {
  if (password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password)) return null;
  return { 'zh-CN': '密码至少 8 位，且须同时包含字母和数字', en: 'At least 8 characters, with both letters and digits' };
}
