import { randomInt } from 'node:crypto';

import { passwordRefusal, type TPasswordAccount } from './password-policy.js';

// No 0/O, 1/l/I: a generated password is read out or copied from a screen once.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/**
 * A one-time password meeting the policy (password-policy.ts): four groups of four plus two digits,
 * joined by hyphens, e.g. `k7Qm-3xPa-Rt8v-wN2c-47`. Drawn again in the rare case it breaks a rule
 * (say, no letter at all, or the account's username inside it).
 */
export function generatePassword(account: TPasswordAccount = { username: '' }): string {
  const pick = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
  for (;;) {
    const groups = Array.from({ length: 4 }, () => pick(LETTERS + DIGITS, 4));
    const password = `${groups.join('-')}-${pick(DIGITS, 2)}`;
    if (!passwordRefusal(password, account)) return password;
  }
}
