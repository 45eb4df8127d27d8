/**
 * Photos on the device: a camera photo (often 3–8 MB) is scaled to MAX_EDGE px and re-encoded as JPEG before it
 * is kept or sent, so a draft costs ~200–400 KB per photo and an upload on a weak signal takes seconds, not
 * minutes. Re-encoding also drops EXIF (the GPS of the phone's owner stays on the phone; the case has its own
 * position). An iPhone's HEIC goes through the same canvas and leaves as JPEG (Safari decodes HEIC): the server has
 * no HEVC decoder. Where the browser cannot decode a HEIC either, `HeicUnsupportedError` says so; any other file
 * the browser cannot decode is sent as it is (the server accepts JPEG, PNG, WebP and AVIF up to 10 MB).
 */
import type { MessageKey, MessageParams } from '../../../common/i18n/core.ts';

export const MAX_EDGE = 1600;
export const JPEG_QUALITY = 0.8;
/** The server's upload limit (photos module MAX_PHOTO_BYTES). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export class PhotoTooLargeError extends Error {
  constructor() {
    super('photo too large');
    this.name = 'PhotoTooLargeError';
  }
}

/** A HEIC photo this browser cannot decode: the page tells the user to send JPEG instead. */
export class HeicUnsupportedError extends Error {
  constructor() {
    super('HEIC photo cannot be decoded in this browser');
    this.name = 'HeicUnsupportedError';
  }
}

/** A file that is no image at all (a PDF, a document): refused on the phone, before any upload. */
export class NotAnImageError extends Error {
  constructor(readonly fileName: string) {
    super('not an image');
    this.name = 'NotAnImageError';
  }
}

/** What the server accepts as it is when the browser cannot re-encode it (photos module, accepted formats). */
const SERVER_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'];

/** The image formats the server decodes, by their first bytes, for a picker that gives no type. */
function sniffImage(head: Uint8Array): boolean {
  const text = String.fromCharCode(...head);
  return (
    (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) ||
    text.startsWith('\x89PNG') ||
    (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') ||
    (text.slice(4, 8) === 'ftyp' && ['avif', 'avis'].includes(text.slice(8, 12)))
  );
}

/** The message key and values for a photo the phone could not take (one wording for both phone pages). */
export function photoProblem(error: unknown): { key: MessageKey; params?: MessageParams } {
  if (error instanceof HeicUnsupportedError) return { key: 'photo.heic' };
  if (error instanceof NotAnImageError) return { key: 'photo.notImage', params: { name: error.fileName } };
  if (error instanceof PhotoTooLargeError)
    return { key: 'photo.tooLarge', params: { max: MAX_PHOTO_BYTES / 1024 / 1024 } };
  return { key: 'photo.unreadable', params: { message: error instanceof Error ? error.message : String(error) } };
}

/** HEIC/HEIF by the picker's type or name, or by the file's own brand (`ftypheic` …) when the picker gives neither. */
export async function isHeicFile(file: Blob): Promise<boolean> {
  const name = (file as Partial<File>).name ?? '';
  if (/^image\/hei[cf](-sequence)?$/i.test(file.type) || /\.hei[cf]$/i.test(name)) return true;
  const head = new Uint8Array(await readHead(file, 12));
  const text = String.fromCharCode(...head);
  return (
    text.slice(4, 8) === 'ftyp' &&
    ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(text.slice(8, 12))
  );
}

function readHead(file: Blob, bytes: number): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      reader.result instanceof ArrayBuffer ? resolve(reader.result) : reject(new Error('unreadable'));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(file.slice(0, bytes));
  });
}

/** Browsers that decode HEIC in <img> but not in createImageBitmap still get a canvas this way. */
function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('undecodable'));
    };
    img.src = url;
  });
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable'));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

function toJpeg(source: CanvasImageSource, width: number, height: number): string | null {
  if (!width || !height) return null;
  const scale = Math.min(1, MAX_EDGE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/jpeg', JPEG_QUALITY);
  return url.startsWith('data:image/jpeg') ? url : null;
}

async function reencode(file: Blob): Promise<string | null> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      try {
        const url = toJpeg(bitmap, bitmap.width, bitmap.height);
        if (url) return url;
      } finally {
        bitmap.close();
      }
    } catch {
      // fall through to <img>
    }
  }
  if (typeof Image !== 'function' || typeof URL.createObjectURL !== 'function') return null;
  try {
    const img = await loadImage(file);
    return toJpeg(img, img.naturalWidth, img.naturalHeight);
  } catch {
    return null;
  }
}

/**
 * A photo from the camera input as a compact JPEG data: URL, or the original file where the browser cannot decode
 * it but the server can. A HEIC the browser cannot decode (HeicUnsupportedError) and anything that is not an image
 * (NotAnImageError) are refused here, with a message naming why, instead of failing later as a broken upload.
 */
export async function compressPhoto(file: Blob): Promise<string> {
  const name = (file as Partial<File>).name ?? '';
  if (file.type && !file.type.startsWith('image/')) throw new NotAnImageError(name);
  let url: string | null;
  try {
    url = await reencode(file);
  } catch {
    url = null;
  }
  if (url === null) {
    if (await isHeicFile(file)) throw new HeicUnsupportedError();
    const known = file.type ? SERVER_TYPES.includes(file.type) : sniffImage(new Uint8Array(await readHead(file, 12)));
    if (!known) throw new NotAnImageError(name);
    url = await readAsDataUrl(file);
  }
  if (dataUrlBytes(url) > MAX_PHOTO_BYTES) throw new PhotoTooLargeError();
  return url;
}

/** Decoded size of a base64 data: URL. */
export function dataUrlBytes(url: string): number {
  const comma = url.indexOf(',');
  const body = comma < 0 ? '' : url.slice(comma + 1);
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((body.length * 3) / 4) - padding);
}

/**
 * data: URL → Blob without fetch(): the server's Content-Security-Policy (connect-src 'self') forbids fetching
 * data: URLs, and this must work offline anyway.
 */
export function dataUrlToBlob(url: string): Blob {
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(url);
  if (!match) throw new Error('not a data: URL');
  const type = match[1] || 'application/octet-stream';
  const payload = match[3] ?? '';
  if (!match[2]) return new Blob([decodeURIComponent(payload)], { type });
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
