import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  avif,
  exifHasGps,
  pixelBombPng,
  portraitJpegWithGps,
  textRenamedJpg,
  transparentPng,
  webp,
  wideJpeg,
} from '../../testing/photo.fixtures.ts';
import { MAX_EDGE, normalisePhoto, sniffImageType, THUMB_EDGE } from './photo.image.ts';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('sniffImageType (type by content)', () => {
  it('knows the accepted formats by their bytes', async () => {
    expect(sniffImageType(await wideJpeg(10, 10))).toBe('jpeg');
    expect(sniffImageType(await transparentPng())).toBe('png');
    expect(sniffImageType(await webp())).toBe('webp');
    expect(sniffImageType(await avif())).toBe('heif');
  });

  it('refuses everything else, whatever the file is called', async () => {
    expect(sniffImageType(textRenamedJpg())).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'))).toBeNull();
    expect(
      sniffImageType(
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      ),
    ).toBeNull();
    expect(
      sniffImageType(
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .tiff()
          .toBuffer(),
      ),
    ).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe('normalisePhoto', () => {
  it('turns an orientation-6 phone photo upright and drops its EXIF, GPS included', async () => {
    const source = await portraitJpegWithGps();
    const before = await sharp(source).metadata();
    expect([before.width, before.height, before.orientation]).toEqual([400, 200, 6]);
    expect(exifHasGps(before.exif)).toBe(true);

    const out = await normalisePhoto(source);
    expect([out.width, out.height]).toEqual([200, 400]);
    const after = await sharp(out.image).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 200, height: 400 });
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    const thumb = await sharp(out.thumb).metadata();
    expect(thumb.exif).toBeUndefined();
    expect(Math.max(thumb.width, thumb.height)).toBeLessThanOrEqual(THUMB_EDGE);
    expect(thumb.height).toBeGreaterThan(thumb.width);
  });

  it('bounds the long edge and the thumbnail, and never enlarges', async () => {
    const big = await normalisePhoto(await wideJpeg(3000, 1000));
    expect([big.width, big.height]).toEqual([MAX_EDGE, 853]);
    const thumb = await sharp(big.thumb).metadata();
    expect([thumb.width, thumb.height]).toEqual([THUMB_EDGE, 107]);
    const small = await normalisePhoto(await wideJpeg(100, 80));
    expect([small.width, small.height]).toEqual([100, 80]);
    expect((await sharp(small.thumb).metadata()).width).toBe(100);
  });

  it('re-encodes PNG, WebP and AVIF as JPEG, transparent areas white', async () => {
    for (const make of [transparentPng, webp, avif]) {
      const out = await normalisePhoto(await make());
      expect((await sharp(out.image).metadata()).format).toBe('jpeg');
    }
    const png = await normalisePhoto(await transparentPng());
    const { data } = await sharp(png.image).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)].every((v) => v > 245)).toBe(true);
  });

  it('refuses a non-image (415), a broken image (422) and a pixel bomb (413)', async () => {
    expect(await refusal(normalisePhoto(textRenamedJpg()))).toMatchObject({
      code: 'PHOTO_UNSUPPORTED_TYPE',
      status: 415,
    });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>');
    expect((await refusal(normalisePhoto(svg))).code).toBe('PHOTO_UNSUPPORTED_TYPE');
    const jpeg = await wideJpeg(640, 480);
    expect(await refusal(normalisePhoto(jpeg.subarray(0, 200)))).toMatchObject({
      code: 'PHOTO_UNREADABLE',
      status: 422,
    });
    expect(await refusal(normalisePhoto(pixelBombPng()))).toMatchObject({ code: 'PHOTO_TOO_MANY_PIXELS', status: 413 });
    // The cap is the caller's: 48 megapixels pass a 100 Mpx cap (and then fail to decode, having no pixel data) but not a 40 Mpx one.
    expect(await refusal(normalisePhoto(pixelBombPng(8000, 6000), 40_000_000))).toMatchObject({
      code: 'PHOTO_TOO_MANY_PIXELS',
      details: { maxMegapixels: 40, megapixels: 48 },
    });
    expect((await refusal(normalisePhoto(pixelBombPng(8000, 6000), 100_000_000))).code).toBe('PHOTO_UNREADABLE');
  });
});
