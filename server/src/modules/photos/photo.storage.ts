import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, resolve, sep } from 'node:path';

/**
 * Photo files on local disk under `<dataDir>/photos/` (an S3-compatible store later: docs/architecture.md,
 * "Several instances").
 * The database keeps paths relative to the data directory, with forward slashes, so the directory can be moved
 * or restored elsewhere without rewriting rows.
 */
export interface PhotoStore {
  write(relPath: string, data: Buffer): Promise<void>;
  /** null when the file is not there */
  read(relPath: string): Promise<{ stream: ReadStream; size: number } | null>;
  remove(relPath: string): Promise<void>;
  /** Throws unless a file can be created and removed in the photo folder (the health check). */
  probe(): Promise<void>;
}

/** `photos/<tenantId>/<yyyy>/<mm>/<id>.jpg`; months in UTC because the folders only spread files out. */
export function photoFileNames(tenantId: string, id: string, at: Date): { path: string; thumbPath: string } {
  const dir = `photos/${tenantId}/${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
  return { path: `${dir}/${id}.jpg`, thumbPath: `${dir}/${id}_thumb.jpg` };
}

const isMissing = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOENT';

export function createPhotoStore(dataDir: string): PhotoStore {
  const root = resolve(dataDir, 'photos');

  // Paths come from our own rows, but a tampered row must still not read outside the photo folder.
  function absolute(relPath: string): string {
    const abs = resolve(dataDir, relPath);
    if (!abs.startsWith(root + sep)) throw new Error(`photo path outside the photo store: ${relPath}`);
    return abs;
  }

  return {
    async write(relPath, data) {
      const target = absolute(relPath);
      await mkdir(dirname(target), { recursive: true });
      // Write a temp name, flush, then rename: a crash leaves at worst a stray .tmp file, never a half photo
      // under the name a row points to (rename is atomic within one file system).
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'wx', 0o640);
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },

    async read(relPath) {
      const abs = absolute(relPath);
      try {
        const { size } = await stat(abs);
        return { stream: createReadStream(abs), size };
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },

    async remove(relPath) {
      await rm(absolute(relPath), { force: true });
    },

    async probe() {
      await mkdir(root, { recursive: true });
      const temp = resolve(root, `.health-${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temp, 'wx', 0o640);
      await handle.close();
      await rm(temp, { force: true });
    },
  };
}
