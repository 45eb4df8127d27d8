import { AppError } from '../../platform/errors.ts';

/** Upload limits. 10 MB covers a full-resolution phone photo; anything bigger is not a street photo. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/**
 * Default decoded-size cap (staff; configurable, PHOTO_MAX_MEGAPIXELS_*). A real photo that fits in 10 MB is well
 * under 100 megapixels, while a small crafted PNG can declare enough pixels to need gigabytes of memory when decoded
 * (a "decompression bomb"). Anonymous uploads get a lower cap from the configuration.
 */
export const MAX_PHOTO_PIXELS = 100_000_000;

/** The photos module's error codes (texts in common/i18n errors.<CODE>). */
export const photoErrors = {
  unsupportedType: (reason?: string) =>
    new AppError('PHOTO_UNSUPPORTED_TYPE', 415, { allowed: 'jpeg, png, webp, heif', ...(reason ? { reason } : {}) }),

  tooLarge: () =>
    new AppError('PHOTO_TOO_LARGE', 413, { maxMb: MAX_PHOTO_BYTES / 1024 / 1024, maxBytes: MAX_PHOTO_BYTES }),

  /** The header declares more pixels than this upload route decodes; the message names the limit. */
  tooManyPixels: (pixels: number, maxPixels: number) =>
    new AppError('PHOTO_TOO_MANY_PIXELS', 413, {
      field: 'body.file',
      maxPixels,
      maxMegapixels: Math.floor(maxPixels / 1_000_000),
      megapixels: Math.round(pixels / 100_000) / 10,
    }),

  /** Every image slot is busy and the waiting line is full: come back shortly. */
  busy: (retryAfterSeconds: number) => new AppError('PHOTO_BUSY', 503, { retryAfterSeconds }),

  /**
   * An iPhone HEIC (HEVC-coded HEIF): the server's image library has no HEVC decoder. The message tells the user to
   * send JPEG (the phone pages convert in the browser; "Most Compatible" in the camera settings avoids HEIC).
   */
  heicUnsupported: () =>
    new AppError('PHOTO_HEIC_UNSUPPORTED', 415, { field: 'body.file', allowed: 'jpeg, png, webp, avif' }),

  /** The bytes look like an accepted format but do not decode (truncated upload, corrupt file). */
  unreadable: () => new AppError('PHOTO_UNREADABLE', 422),

  /** Unknown, foreign (other user or tenant) or already attached ids all look the same to the caller. */
  unknown: (fields: readonly string[]) =>
    new AppError(
      'PHOTO_UNKNOWN',
      400,
      fields.map((field) => ({ field, rule: 'exists', message: 'no unattached photo of yours with this id' })),
    ),
};
