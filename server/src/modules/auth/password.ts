import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library defaults (m=19 MiB, t=2, p=1: the OWASP minimum, ~18 ms a hash on this machine,
 * stack-notes §10). A prebuilt binary ships in the npm registry package, so nothing downloads at install.
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
