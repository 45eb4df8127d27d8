/**
 * Photos on the device: a camera photo (often 3–8 MB) is scaled to MAX_EDGE px and re-encoded as JPEG before it
 * is kept or sent, so a draft costs ~200–400 KB per photo and an upload on a weak signal takes seconds, not
 * minutes. Re-encoding also drops EXIF (the GPS of the phone's owner stays on the phone; the case has its own
 * position). Where the browser cannot decode the file (HEIC in some browsers) the original is kept: the server
 * accepts JPEG, PNG, WebP and HEIF up to 10 MB.
 */
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

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable')));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

async function reencode(file: Blob): Promise<string | null> {
  if (typeof createImageBitmap !== 'function') return null;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL('image/jpeg', JPEG_QUALITY);
    return url.startsWith('data:image/jpeg') ? url : null;
  } finally {
    bitmap.close();
  }
}

/** A photo from the camera input as a compact JPEG data: URL (or the original file where it cannot be decoded). */
export async function compressPhoto(file: Blob): Promise<string> {
  let url: string | null = null;
  try {
    url = await reencode(file);
  } catch {
    url = null;
  }
  url ??= await readAsDataUrl(file);
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
