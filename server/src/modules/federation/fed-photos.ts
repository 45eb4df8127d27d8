import { createHash } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { CasePhoto } from '../../../../common/contracts/cases.ts';
import {
  MAX_TRANSFER_PHOTO_BYTES,
  MAX_TRANSFER_PHOTOS,
  TRANSFER_PHOTO_TYPES,
} from '../../../../common/domain/federation.ts';
import type { Actor } from '../auth/index.ts';
import { fedErrors } from './federation.errors.ts';

/**
 * Photos of a 移送 (docs/federation.md, "Photos of a transfer"). They travel inside the signed transfer message: each
 * as `{ sha256, bytes, mime, phase, data }` with `data` the base64 bytes, so the signature covers hashes and bytes
 * alike and no second, separately authenticated fetch is needed. The receiver checks every photo against its hash,
 * size and type before anything is written, and refuses the whole message otherwise.
 */
export interface TransferPhoto {
  sha256: string;
  bytes: number;
  mime: string;
  phase: string;
  data: string;
}

/** The photos module as the federation needs it (the composition root passes the photo service). */
export interface FedPhotos {
  file(actor: Actor, id: string, variant: 'full'): Promise<{ open(): Promise<{ stream: ReadStream; size: number }> }>;
  importVerified(tenantId: string, data: Buffer, key: string, uploader: string): Promise<CasePhoto>;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(stream: ReadStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** The origin's side: the case's photos (as the sender may see them), hashed and encoded, within the cap. */
export async function photosForTransfer(
  photos: FedPhotos | undefined,
  actor: Actor,
  list: readonly CasePhoto[],
): Promise<TransferPhoto[]> {
  if (!photos || list.length === 0) return [];
  if (list.length > MAX_TRANSFER_PHOTOS)
    throw fedErrors.photosTooLarge('body.caseId', `at most ${MAX_TRANSFER_PHOTOS} photos travel with a transfer`);
  const out: TransferPhoto[] = [];
  let total = 0;
  for (const p of list) {
    const bytes = await readAll((await (await photos.file(actor, p.id, 'full')).open()).stream);
    total += bytes.length;
    if (total > MAX_TRANSFER_PHOTO_BYTES)
      throw fedErrors.photosTooLarge('body.caseId', `the photos exceed ${MAX_TRANSFER_PHOTO_BYTES} bytes in all`);
    // stored photos are re-encoded as JPEG by the photos module
    out.push({
      sha256: sha256(bytes),
      bytes: bytes.length,
      mime: 'image/jpeg',
      phase: p.phase,
      data: bytes.toString('base64'),
    });
  }
  return out;
}

/**
 * The receiver's check, before anything is written: the list's shape and cap, then each photo's bytes against the
 * signed size, type and SHA-256. Answers the decoded bytes.
 */
export function checkTransferPhotos(raw: unknown): { photo: TransferPhoto; bytes: Buffer }[] {
  if (raw === undefined) return [];
  const at = 'body.message.body.photos';
  if (!Array.isArray(raw)) throw fedErrors.field(at, 'type', 'photos must be a list');
  if (raw.length > MAX_TRANSFER_PHOTOS)
    throw fedErrors.photosTooLarge(at, `at most ${MAX_TRANSFER_PHOTOS} photos travel with a transfer`);
  const declared = raw.reduce((n: number, p) => n + (Number((p as TransferPhoto | null)?.bytes) || 0), 0);
  if (declared > MAX_TRANSFER_PHOTO_BYTES)
    throw fedErrors.photosTooLarge(at, `the photos exceed ${MAX_TRANSFER_PHOTO_BYTES} bytes in all`);
  return raw.map((p: Partial<TransferPhoto> | null, i) => {
    const field = `${at}.${i}`;
    if (
      !p ||
      typeof p.data !== 'string' ||
      typeof p.sha256 !== 'string' ||
      !Number.isInteger(p.bytes) ||
      !(TRANSFER_PHOTO_TYPES as readonly unknown[]).includes(p.mime)
    )
      throw fedErrors.photoMismatch(field, 'each photo needs sha256, bytes, an image type and its data');
    const bytes = Buffer.from(p.data, 'base64');
    if (bytes.length !== p.bytes) throw fedErrors.photoMismatch(field, 'the bytes do not have the signed size');
    if (sha256(bytes) !== p.sha256.toLowerCase())
      throw fedErrors.photoMismatch(field, 'the bytes do not match the signed SHA-256');
    return { photo: p as TransferPhoto, bytes };
  });
}

/**
 * The receiver's accept: each photo stored byte for byte through the photos module, bound to this message (keyed,
 * so a retried accept finds the same photos); the case intake attaches them in its transaction. Uploads a failed
 * intake leaves unattached are swept like any unattached upload.
 */
export async function storeTransferPhotos(
  photos: FedPhotos | undefined,
  tenantId: string,
  messageId: string,
  checked: { bytes: Buffer }[],
): Promise<{ photoIds: string[]; uploader: string }> {
  const uploader = `federation:${messageId}`;
  if (!photos || checked.length === 0) return { photoIds: [], uploader };
  const photoIds: string[] = [];
  for (const [i, c] of checked.entries())
    photoIds.push((await photos.importVerified(tenantId, c.bytes, `${messageId}:${i}`, uploader)).id);
  return { photoIds, uploader };
}

/** Lists show a transfer's photos without their bytes. */
export function withoutPhotoData(body: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(body.photos)) return body;
  return {
    ...body,
    photos: (body.photos as Partial<TransferPhoto>[]).map((p) => ({
      sha256: p?.sha256,
      bytes: p?.bytes,
      mime: p?.mime,
      phase: p?.phase,
    })),
  };
}
