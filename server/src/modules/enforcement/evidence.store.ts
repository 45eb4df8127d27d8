import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/**
 * Evidence files of enforcement cases on disk, content-addressed: `DATA_DIR/evidence/<tenant>/<case>/<sha256>`.
 * The server computes the SHA-256 itself, so the hash recorded with an evidence item is the hash of bytes it holds,
 * and reading a file back checks it again (docs/enforcement.md, "Evidence").
 */
export interface EvidenceStore {
  /** Stores the bytes and returns their SHA-256 (lowercase hex); storing the same bytes twice is harmless. */
  put(tenantId: string, caseId: string, bytes: Buffer): Promise<string>;
  has(tenantId: string, caseId: string, sha256: string): Promise<boolean>;
  /** The bytes, or null when missing; `intact` is false when they no longer hash to their name. */
  read(tenantId: string, caseId: string, sha256: string): Promise<{ bytes: Buffer; intact: boolean } | null>;
}

const SAFE = /^[A-Za-z0-9-]{1,64}$/;
const HEX = /^[0-9a-f]{64}$/;
export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function createEvidenceStore(dataDir: string): EvidenceStore {
  const root = resolve(dataDir, 'evidence');
  // Ids come from our own rows and hashes are checked hex, but a path must still never leave the evidence folder.
  function path(tenantId: string, caseId: string, sha256: string): string {
    if (!SAFE.test(tenantId) || !SAFE.test(caseId) || !HEX.test(sha256)) throw new Error('evidence: unsafe path part');
    const abs = resolve(root, tenantId, caseId, sha256);
    if (!abs.startsWith(root + sep)) throw new Error('evidence: path outside the store');
    return abs;
  }
  return {
    async put(tenantId, caseId, bytes) {
      const sha256 = sha256Of(bytes);
      const target = path(tenantId, caseId, sha256);
      await mkdir(dirname(target), { recursive: true });
      // Temp name, flush, rename: a crash never leaves half a file under a hash name.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'wx', 0o640);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return sha256;
    },
    async has(tenantId, caseId, sha256) {
      try {
        await access(path(tenantId, caseId, sha256));
        return true;
      } catch {
        return false;
      }
    },
    async read(tenantId, caseId, sha256) {
      try {
        const bytes = await readFile(path(tenantId, caseId, sha256));
        return { bytes, intact: sha256Of(bytes) === sha256 };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
