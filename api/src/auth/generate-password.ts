import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: a generated password is read out or copied from a screen once.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A one-time password meeting the policy (letters and digits, ≥ 8): four groups of four plus two digits. */
export function generatePassword(): string {
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
  const groups = Array.from({ length: 4 }, () => pick(LETTERS + DIGITS, 4));
  return `${groups.join('-')}-${pick(DIGITS, 2)}`;
}
