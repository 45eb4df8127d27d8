import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * The one password policy, used by the server whenever a password is set (own change, administrator's create and
 * reset) and by the console forms, so both show the same rules. Existing passwords are not re-checked at sign-in.
 * docs/security.md (Sign-in, sessions and passwords) gives the reasons for each rule.
 */
export const PASSWORD_MIN_LENGTH = 10;
/** Of the four classes: lower-case letters, upper-case letters, digits, anything else (symbols, CJK, spaces). */
export const PASSWORD_MIN_CLASSES = 3;

/** Each rule has a message `validation.<rule>` in the catalogs. */
export type PasswordRule = 'passwordLength' | 'passwordClasses' | 'passwordUsername' | 'passwordCommon';

const COMMON = new Set(COMMON_PASSWORDS);
/** A favourite with digits or symbols appended (Sunshine#2024, P@ssw0rd123) is as guessable as the favourite. */
const TRAILING_NON_LETTERS = /[^\p{L}]+$/u;
const MIN_STEM = 5;

export function characterClasses(password: string): number {
  let lower = 0,
    upper = 0,
    digit = 0,
    other = 0;
  for (const ch of password) {
    if (ch >= 'a' && ch <= 'z') lower = 1;
    else if (ch >= 'A' && ch <= 'Z') upper = 1;
    else if (ch >= '0' && ch <= '9') digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const stem = lower.replace(TRAILING_NON_LETTERS, '');
  return stem.length >= MIN_STEM && stem !== lower && COMMON.has(stem);
}

/** Every rule the password breaks, in a stable order (empty = acceptable). Usernames compare case-insensitively. */
export function passwordProblems(password: string, context: { username?: string | null } = {}): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('passwordLength');
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) problems.push('passwordClasses');
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) problems.push('passwordUsername');
  if (isCommonPassword(password)) problems.push('passwordCommon');
  return problems;
}
