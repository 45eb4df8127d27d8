import sharp from 'sharp';
import { sql } from 'kysely';
import { crc32 } from 'node:zlib';
import type { Executor } from '../platform/db.ts';
import type { Session, TestApp } from './test-app.ts';
import { newId } from '../platform/ids.ts';

/** Test images made with sharp at test time (no binary fixtures in the repository). */

/** 400×200 as stored, EXIF orientation 6 (shown 200×400, as phones write portrait shots), with a GPS position. */
export async function portraitJpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#b03020' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'CityLoopTestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 6/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 58/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export async function transparentPng(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0 } } })
    .png()
    .toBuffer();
}

export async function wideJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#208040' } })
    .jpeg()
    .toBuffer();
}

export async function webp(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 90, channels: 3, background: '#808000' } })
    .webp()
    .toBuffer();
}

export async function avif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#008080' } })
    .avif()
    .toBuffer();
}

/**
 * A file shaped like an iPhone HEIC (major brand `heic`, HEVC image items) that no HEVC decoder is needed to make:
 * an AVIF with its brand and item type renamed. Our image library cannot decode it, exactly as with a real HEIC.
 */
export async function heicLike(): Promise<Buffer> {
  const text = (await avif()).toString('latin1').replace(/av01/g, 'hvc1').replace('ftypavif', 'ftypheic');
  return Buffer.from(text, 'latin1');
}

/** A genuine PNG of noise, stored uncompressed, just over `bytes`: only its size is wrong. */
export async function oversizePng(bytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(bytes / 3)) + 8;
  const noise = Buffer.alloc(side * side * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.imul(i, 2654435761) >>> 24;
  return sharp(noise, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

export const textRenamedJpg = (): Buffer =>
  Buffer.from('这不是照片 — just a text file someone renamed to photo.jpg\n'.repeat(20));

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A tiny PNG whose header claims width×height pixels (30000×30000 by default): a decompression bomb in miniature. */
export function pixelBombPng(width = 30000, height = 30000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True when a raw EXIF block (as sharp's metadata returns it) has a GPS IFD pointer (tag 0x8825) in IFD0. */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd0 = u32(4);
  for (let i = 0, n = u16(ifd0); i < n; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

/** A bare case row to hang photos on (the case module's own service is not needed to test photo access). */
export async function insertBareCase(db: Executor, tenantId: string, caseNo: string): Promise<string> {
  const id = newId();
  const now = '2024-03-12T02:00:00.000Z';
  await sql`insert into cases (id, tenant_id, case_no, status, channel, matter_code, description, lng, lat, reported_at, search_text, created_at, updated_at)
    values (${id}, ${tenantId}, ${caseNo}, 'reported', 'inspector', '01010', 'test case', 114.97, 30.1, ${now}, '', ${now}, ${now})`.execute(
    db,
  );
  return id;
}

/** Uploads a test JPEG (with GPS) through POST /api/photos as the session's user; answers the new photo's id. */
export async function uploadPhoto(app: TestApp, session: Session): Promise<string> {
  const boundary = '----cityloopphoto';
  const res = await app.inject({
    method: 'POST',
    url: '/api/photos',
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      await portraitJpegWithGps(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  if (res.statusCode !== 201) throw new Error(`photo upload answered ${res.statusCode}: ${res.body}`);
  return (res.json() as { id: string }).id;
}
