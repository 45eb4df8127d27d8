import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH, passwordProblems } from '../../../../common/domain/password-policy.ts';
import { AppError } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/messages.ts';

/**
 * argon2id with the library defaults (m=19 MiB, t=2, p=1: the OWASP minimum, ~18 ms a hash on a
 * development machine). A prebuilt binary ships in the npm registry package, so nothing downloads at install.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the user does not exist, so an unknown username costs the same time as a wrong password. */
let dummyHash: Promise<string> | null = null;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hash('cityloop-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

/**
 * Refuses a password the policy (common/domain/password-policy.ts) does not accept, naming every broken rule on
 * `field` in the client's language: the same 400 shape as schema validation.
 */
export function assertPasswordPolicy(password: string, username: string, field: string, locale: Locale): void {
  const problems = passwordProblems(password, { username });
  if (problems.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    400,
    problems.map((rule) => ({
      field,
      rule,
      message: translate(locale, `validation.${rule}`, { min: PASSWORD_MIN_LENGTH }) ?? rule,
    })),
  );
}
