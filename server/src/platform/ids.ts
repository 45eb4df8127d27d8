import { v7 as uuidv7 } from 'uuid';
import { createHash, randomBytes } from 'node:crypto';

/** Internal ids are UUIDv7 text: time-ordered, so primary-key indexes stay append-mostly (docs/conventions.md, "IDs"). */
export const newId = (): string => uuidv7();

/** An unguessable token for cookies and public tokens; only its hash is stored. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
