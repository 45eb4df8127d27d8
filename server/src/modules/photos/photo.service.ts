import { createHash } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { CasePhoto } from '../../../../common/contracts/cases.ts';
import type { CasePhotosTable, CasesTable } from '../../db/schema.ts';
import type { InnerJoinOf } from '../../platform/read-joins.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { once, replay } from '../../platform/idempotency.ts';
import { WorkLimit, WorkLimitFull } from '../../platform/work-limit.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { MAX_PHOTO_BYTES, photoErrors } from './photo.errors.ts';
import { normalisePhoto, type NormalisedPhoto } from './photo.image.ts';
import * as repo from './photo.repository.ts';
import { createPhotoStore, photoFileNames, type PhotoStore } from './photo.storage.ts';

export type PhotoPhase = repo.PhotoPhase;
export type PhotoVariant = 'full' | 'thumb';

export interface PhotoServiceDeps {
  /** The case module's visibility rule; photos of a case are exactly as visible as the case itself. */
  canViewCase(actor: Actor, caseId: string): Promise<boolean>;
  /**
   * The case module's join of a photo's case, for the public photo check in one statement. Passed in because the
   * case module sits above photos (docs/decisions/0008-join-helpers.md).
   */
  joinCase: InnerJoinOf<CasesTable>;
  /**
   * Whether the actor may see a photo held by a record outside the cases (`work_order:<id>`, see `holdPhotos`); the
   * holder's module decides, as the case module does for case photos. Absent: only the uploader sees them.
   */
  canViewHeld?(actor: Actor, holder: string): Promise<boolean>;
  /** The image step; the default is normalisePhoto. Tests wrap it to hold uploads while their image is processed. */
  normalise?: (data: Buffer, maxPixels: number) => Promise<NormalisedPhoto>;
}

/** A photo the caller may see; the bytes are opened only when they are actually sent (not for a 304). */
export interface PhotoFile {
  id: string;
  /** sha256 of the stored bytes, so a cached copy revalidates without a download */
  etag: string;
  open(): Promise<{ stream: ReadStream; size: number }>;
}

/** Seconds a client is told to wait when every image slot and the waiting line are taken. */
const BUSY_RETRY_SECONDS = 5;
/**
 * `uploaded_by` of an external upload: a digest of the uploader (device id and IP, API client), never the IP itself;
 * the prefix keeps it apart from staff user ids.
 */
const externalUploader = (uploader: string) =>
  `ext:${createHash('sha256').update(uploader).digest('hex').slice(0, 40)}`;
/** Rows the unattached-upload sweep reads at a time. */
const SWEEP_BATCH = 200;

type PhotoRow = Pick<CasePhotosTable, 'id' | 'phase' | 'width' | 'height' | 'created_at'>;

export const photoView = (r: PhotoRow): CasePhoto => ({
  id: r.id,
  phase: r.phase,
  width: r.width,
  height: r.height,
  url: `/api/photos/${r.id}`,
  thumbUrl: `/api/photos/${r.id}/thumb`,
  createdAt: r.created_at,
});

/** Case photos: upload (normalised, metadata stripped), attach to a case, and serve to whoever may see it. */
export function createPhotoService(database: Database, clock: Clock, config: Config, deps: PhotoServiceDeps) {
  const { db } = database;
  const store: PhotoStore = createPhotoStore(config.dataDir);

  const normalise = deps.normalise ?? normalisePhoto;
  // Decoding is the expensive part (CPU on sharp's threads, memory for the pixels): a few at a time per process.
  const imageSlots = new WorkLimit(config.photos.concurrency, config.photos.queue);

  /**
   * One upload, in the order that keeps the database free: decode and re-encode the image (no connection held),
   * write both files, then insert the row — with the idempotency key, if any — in a short transaction. When the
   * transaction fails, or a concurrent retry with the same key won, the files just written are removed again.
   */
  async function storeOne(
    tenantId: string,
    uploadedBy: string | null,
    data: Buffer,
    maxPixels: number,
    scope: string,
    key: string | null,
    keepBytes = false,
  ): Promise<CasePhoto> {
    if (data.length === 0) throw invalidField('body.file', 'required', 'the file is empty');
    if (data.length > MAX_PHOTO_BYTES) throw photoErrors.tooLarge();
    // A retry of an upload already stored returns it without decoding the image again.
    const earlier = await replay<CasePhoto>(database, scope, key, data);
    if (earlier) return earlier.body;
    let photo: NormalisedPhoto;
    try {
      photo = await imageSlots.run(() => normalise(data, maxPixels));
    } catch (err) {
      if (err instanceof WorkLimitFull) throw photoErrors.busy(BUSY_RETRY_SECONDS);
      throw err;
    }
    // A peer's photo, verified against its signed hash, is kept byte for byte (it was normalised at the origin).
    if (keepBytes) photo = { ...photo, image: data };
    const id = newId();
    const now = clock.now();
    const names = photoFileNames(tenantId, id, now);
    const row: CasePhotosTable = {
      id,
      tenant_id: tenantId,
      case_id: null,
      phase: 'before',
      mime: 'image/jpeg',
      bytes: photo.image.length,
      width: photo.width,
      height: photo.height,
      path: names.path,
      thumb_path: names.thumbPath,
      sha256: createHash('sha256').update(photo.image).digest('hex'),
      uploaded_by: uploadedBy,
      created_at: now.toISOString(),
    };
    const removeFiles = () => Promise.all([store.remove(names.path), store.remove(names.thumbPath)]);
    // Files first, row last: a row never points at a file that is not completely on disk.
    let stored: { body: CasePhoto; replayed: boolean };
    try {
      await store.write(names.thumbPath, photo.thumb);
      await store.write(names.path, photo.image);
      stored = await once(
        database,
        scope,
        key,
        () => now.toISOString(),
        async (tx) => {
          await repo.insertPhoto(tx, row);
          return { status: 201, body: photoView(row) };
        },
        data,
      );
    } catch (err) {
      await removeFiles();
      throw err;
    }
    // A concurrent duplicate with the same key stored its photo first: ours is not referenced by any row.
    if (stored.replayed) await removeFiles();
    return stored.body;
  }

  function fileOf(
    row: Pick<CasePhotosTable, 'id' | 'sha256' | 'path' | 'thumb_path'>,
    variant: PhotoVariant,
  ): PhotoFile {
    const relPath = variant === 'thumb' ? row.thumb_path : row.path;
    return {
      id: row.id,
      // ETags name bytes: the thumbnail is other bytes than the photo, so it gets its own tag.
      etag: variant === 'thumb' ? `${row.sha256}.thumb` : row.sha256,
      async open() {
        const file = await store.read(relPath);
        // The row says the photo exists and the caller may see it: a missing file is data loss, a server fault
        // to be logged (500), not a 404.
        if (!file) throw new Error(`photo ${row.id}: file missing on disk (${relPath})`);
        return file;
      },
    };
  }

  return {
    /** For the health check: throws unless the photo folder accepts a new file. */
    checkStorage: () => store.probe(),

    /**
     * Stores one uploaded photo, not yet on any case: case intake uploads first and names the ids later, so a
     * slow upload on a weak signal never holds a case form open. Any staff member who can see cases may upload.
     */
    async upload(actor: Actor, data: Buffer, key: string | null = null): Promise<CasePhoto> {
      requirePermission(actor, 'case.read');
      // With an Idempotency-Key a retried upload returns the first photo instead of storing a second.
      return storeOne(
        actor.tenantId,
        actor.userId,
        data,
        config.photos.maxPixelsStaff,
        `photo.upload:${actor.tenantId}:${actor.userId}`,
        key,
      );
    },

    /**
     * A photo from outside the bureau (citizen H5, Open311 media): the same content checks, re-orientation and
     * metadata stripping (EXIF location never reaches a public page), bound to its `uploader` (device and
     * IP, API client; `scope` when not given) until an external intake by the same uploader attaches it. `scope`
     * names the client for idempotent retries.
     */
    async uploadExternal(
      tenantId: string,
      data: Buffer,
      key: string | null,
      scope: string,
      uploader: string = scope,
    ): Promise<CasePhoto> {
      // Anyone on the internet can send these: the lower, public pixel cap applies.
      return storeOne(
        tenantId,
        externalUploader(uploader),
        data,
        config.photos.maxPixelsPublic,
        `photo.external:${tenantId}:${scope}`,
        key,
      );
    },

    /**
     * A photo a peer city sent with a 移送, already checked against the SHA-256 in its signed message: decoded like
     * any upload (a non-image is refused, the thumbnail made here) but stored byte for byte, so this copy keeps the
     * origin's hash (docs/federation.md, "Photos of a transfer"). Bound to `uploader` like an external upload.
     */
    async importVerified(tenantId: string, data: Buffer, key: string, uploader: string): Promise<CasePhoto> {
      return storeOne(
        tenantId,
        externalUploader(uploader),
        data,
        config.photos.maxPixelsStaff,
        `photo.external:${tenantId}:${uploader}`,
        key,
        true,
      );
    },

    /**
     * For external intake, inside its transaction: attaches unattached uploads of this `uploader` (the value given to
     * `uploadExternal`). Anyone else's upload is refused exactly like an unknown id.
     */
    async attachExternal(
      tx: Executor,
      tenantId: string,
      caseId: string,
      photoIds: readonly string[],
      phase: PhotoPhase,
      uploader: string,
    ): Promise<void> {
      const ids = [...new Set(photoIds)];
      if (ids.length === 0) return;
      const owner = externalUploader(uploader);
      const free = await repo.attachableIds(tx, tenantId, owner, ids);
      const bad = photoIds.flatMap((id, i) => (free.has(id) ? [] : [`body.photoIds.${i}`]));
      if (bad.length > 0) throw photoErrors.unknown(bad);
      if ((await repo.attach(tx, tenantId, owner, caseId, ids, phase)) !== ids.length)
        throw photoErrors.unknown(['body.photoIds']);
    },

    /**
     * A photo for the public pages (citizen tracking, Open311 media_url): only photos on non-voided cases that came
     * from the public, never staff evidence of other cases; anything else is the same 404 as a missing id.
     */
    async publicFile(
      tenantId: string,
      id: string,
      variant: PhotoVariant,
      publicChannels: readonly string[],
    ): Promise<PhotoFile> {
      const row = await repo.publicPhoto(db, deps.joinCase, tenantId, id, publicChannels);
      if (!row) throw notFound('photo');
      return fileOf(row, variant);
    },

    /**
     * The photo if the caller may see it: their own unattached upload, or a photo on a case they can view.
     * Anything else is the same 404 as a missing id, so ids of other people's photos reveal nothing.
     */
    async file(actor: Actor, id: string, variant: PhotoVariant): Promise<PhotoFile> {
      requirePermission(actor, 'case.read');
      const row = await repo.findPhoto(db, actor.tenantId, id);
      const visible =
        row &&
        (row.case_id !== null
          ? await deps.canViewCase(actor, row.case_id)
          : row.uploaded_by === actor.userId || (!!row.holder && !!(await deps.canViewHeld?.(actor, row.holder))));
      if (!row || !visible) throw notFound('photo');
      return fileOf(row, variant);
    },

    /**
     * For the case service, inside its transaction: puts the caller's own unattached uploads on a case.
     * Unknown ids, other users' or tenants' photos and photos already on a case are refused, each by its index.
     */
    async attachPhotos(
      tx: Executor,
      tenantId: string,
      caseId: string,
      photoIds: readonly string[],
      phase: PhotoPhase,
      actorUserId: string,
    ): Promise<void> {
      const ids = [...new Set(photoIds)];
      if (ids.length === 0) return;
      const free = await repo.attachableIds(tx, tenantId, actorUserId, ids);
      const bad = photoIds.flatMap((id, i) => (free.has(id) ? [] : [`body.photoIds.${i}`]));
      if (bad.length > 0) throw photoErrors.unknown(bad);
      // Fewer rows than checked means another request attached one in between: refuse rather than share it.
      if ((await repo.attach(tx, tenantId, actorUserId, caseId, ids, phase)) !== ids.length)
        throw photoErrors.unknown(['body.photoIds']);
    },

    /**
     * For another module's record that keeps photos outside the cases (a 养护工单), inside its transaction: holds
     * the caller's own free uploads for `holder`, so the sweep keeps them. Returns the indexes of `photoIds` it
     * refused (unknown, someone else's, on a case or already held); nothing is held then.
     */
    async holdPhotos(
      tx: Executor,
      tenantId: string,
      holder: string,
      photoIds: readonly string[],
      actorUserId: string,
    ): Promise<string[]> {
      const ids = [...new Set(photoIds)];
      const refused = new Set(await repo.hold(tx, tenantId, actorUserId, holder, ids));
      return photoIds.flatMap((id, i) => (refused.has(id) ? [String(i)] : []));
    },

    /**
     * Removes uploads never attached to a case (an abandoned form, a failed report) once they are older than
     * PHOTO_UNATTACHED_MAX_AGE_HOURS: the row first, guarded by "still unattached", then its files.
     */
    async sweep(now: Date): Promise<{ removed: number }> {
      const before = new Date(now.getTime() - config.photos.unattachedMaxAgeHours * 3_600_000).toISOString();
      let removed = 0;
      for (;;) {
        const batch = await repo.staleUnattached(db, before, SWEEP_BATCH);
        let deleted = 0;
        for (const row of batch) {
          if (!(await repo.deleteUnattached(db, row.tenant_id, row.id))) continue;
          deleted++;
          await Promise.all([store.remove(row.path), store.remove(row.thumb_path)]);
        }
        removed += deleted;
        if (batch.length < SWEEP_BATCH || deleted === 0) return { removed };
      }
    },

    /** Photos of many cases in one query (case lists and details never query per case). Every id gets a list. */
    async photosOfCase(
      executor: Executor,
      tenantId: string,
      caseIds: readonly string[],
    ): Promise<Map<string, CasePhoto[]>> {
      const grouped = new Map<string, CasePhoto[]>(caseIds.map((id) => [id, []]));
      for (const r of await repo.photosOfCases(executor, tenantId, [...new Set(caseIds)])) {
        if (r.case_id) grouped.get(r.case_id)?.push(photoView(r));
      }
      return grouped;
    },
  };
}
export type PhotoService = ReturnType<typeof createPhotoService>;
