import type { Metadata, SharpOptions } from 'sharp';
import { MAX_PHOTO_PIXELS, photoErrors } from './photo.errors.ts';

/** Longest edge of the stored photo: enough to read a licence plate or a crack, small enough for 4G. */
export const MAX_EDGE = 2560;
export const THUMB_EDGE = 320;
const JPEG_QUALITY = 85;
const THUMB_QUALITY = 78;

export type PhotoSourceType = 'jpeg' | 'png' | 'webp' | 'heif';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** ISO-BMFF major brands of HEIF stills: HEIC from iPhones and AVIF. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'mif2', 'msf1', 'avif', 'avis']);
/** Major brands that say the images are HEVC-coded (HEIC): decodable only with an HEVC decoder, which we lack. */
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);

/** True when the file declares itself HEIC (HEVC-coded HEIF), as iPhones write by default. */
export const isHeic = (data: Buffer) =>
  data.length >= 12 && data.toString('latin1', 4, 8) === 'ftyp' && HEVC_BRANDS.has(data.toString('latin1', 8, 12));

// 'error' rather than the stricter default 'warning': many Android camera JPEGs carry harmless warnings
// (odd markers, padding) and must not be refused; truncated or corrupt data still is.
const INPUT: SharpOptions = { failOn: 'error' };

/**
 * The type from the bytes themselves, never from the file name or the client's Content-Type. Checked before
 * libvips sees the data, so formats we never accept (SVG, PDF, TIFF...) are not even parsed.
 */
export function sniffImageType(data: Buffer): PhotoSourceType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  if (data.length >= 12 && data.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(data.toString('latin1', 8, 12)))
    return 'heif';
  return null;
}

export interface NormalisedPhoto {
  sourceType: PhotoSourceType;
  /** upright JPEG, no metadata at all (no EXIF, so no GPS position, camera serial or original time) */
  image: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * Upright, bounded, metadata-free JPEG plus a thumbnail. Re-encoding without `withMetadata`/`keepMetadata` is
 * what strips EXIF: photos of a complaint may later be shown to the public and must not reveal where the
 * reporter lives (hardening issue "EXIF location stripped"). `maxPixels` is the decoded-size cap of the route the
 * photo came in by (anonymous uploads get a lower one). Every step runs on sharp's worker threads, never on the
 * event loop, and the caller holds no database transaction meanwhile.
 */
export async function normalisePhoto(data: Buffer, maxPixels: number = MAX_PHOTO_PIXELS): Promise<NormalisedPhoto> {
  const sourceType = sniffImageType(data);
  if (!sourceType) throw photoErrors.unsupportedType();
  // Loaded on the first photo, not at start: an idle server need not hold libvips (docs/decisions/0011-public-reads-and-search.md).
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    // Header only, no pixels decoded: read without the pixel cap so an oversize image gets its own 413 below.
    meta = await sharp(data, { ...INPUT, limitInputPixels: false }).metadata();
  } catch {
    throw isHeic(data) ? photoErrors.heicUnsupported() : photoErrors.unreadable();
  }
  // The decoder libvips picked must agree with the magic bytes: a polyglot file is refused.
  if (meta.format !== sourceType) throw photoErrors.unsupportedType();
  if (meta.width * meta.height > maxPixels) throw photoErrors.tooManyPixels(meta.width * meta.height, maxPixels);
  try {
    // The decoder's own cap repeats the check, in case a file's frames disagree with the header read above.
    const { data: image, info } = await sharp(data, { ...INPUT, limitInputPixels: maxPixels })
      .rotate()
      // transparent PNG/WebP areas would turn black in a JPEG
      .flatten({ background: '#ffffff' })
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      // progressive: inspectors on a weak mobile signal see the whole picture early
      .jpeg({ quality: JPEG_QUALITY, progressive: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(image)
      .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: THUMB_QUALITY })
      .toBuffer();
    return { sourceType, image, thumb, width: info.width, height: info.height };
  } catch {
    // The prebuilt libvips decodes AVIF but not HEVC (patents): an iPhone HEIC is a type we cannot take.
    if (isHeic(data) || (meta.format === 'heif' && meta.compression === 'hevc')) throw photoErrors.heicUnsupported();
    throw photoErrors.unreadable();
  }
}
