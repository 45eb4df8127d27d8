// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  compressPhoto,
  dataUrlBytes,
  dataUrlToBlob,
  formatBytes,
  HeicUnsupportedError,
  NotAnImageError,
  photoProblem,
  PhotoTooLargeError,
  isHeicFile,
  MAX_EDGE,
} from './photos.ts';

describe('photo data URLs', () => {
  it('turns a base64 data URL back into the same bytes', async () => {
    const blob = dataUrlToBlob('data:image/jpeg;base64,/9j/4AA=');
    expect(blob.type).toBe('image/jpeg');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 0xe0, 0x00]);
    expect(dataUrlBytes('data:image/jpeg;base64,/9j/4AA=')).toBe(5);
  });

  it('refuses what is not a data URL', () => {
    expect(() => dataUrlToBlob('/api/photos/1')).toThrow();
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});

/** The first bytes of an iPhone photo: an ISO-BMFF `ftyp` box with the brand `heic`. */
const heicBytes = () =>
  new Uint8Array([0, 0, 0, 24, ...[...'ftypheic'].map((c) => c.charCodeAt(0)), 0, 0, 0, 0, 1, 2, 3, 4]);

/** A browser whose <img> cannot decode the file (the load fails). */
class FailingImage {
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  naturalWidth = 0;
  naturalHeight = 0;
  set src(_url: string) {
    setTimeout(() => this.onerror?.(), 0);
  }
}

describe('HEIC photos from iPhones', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('recognises HEIC by type, by name or by its own bytes', async () => {
    expect(await isHeicFile(new File([new Uint8Array([1])], 'IMG_0001.HEIC'))).toBe(true);
    expect(await isHeicFile(new Blob([new Uint8Array([1])], { type: 'image/heic' }))).toBe(true);
    expect(await isHeicFile(new Blob([heicBytes()]))).toBe(true);
    expect(
      await isHeicFile(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'a.jpg', { type: 'image/jpeg' })),
    ).toBe(false);
  });

  it('goes through the canvas and leaves as a JPEG no larger than MAX_EDGE where the browser decodes it', async () => {
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => ({ width: 4032, height: 3024, close: () => undefined })),
    );
    const drawn: number[][] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      return { drawImage: () => drawn.push([this.width, this.height]) } as unknown as CanvasRenderingContext2D;
    } as never);
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation((type?: string) =>
      type === 'image/jpeg' ? 'data:image/jpeg;base64,/9j/4AA=' : 'data:,',
    );
    const url = await compressPhoto(new File([heicBytes()], 'IMG_0001.HEIC', { type: 'image/heic' }));
    expect(url.startsWith('data:image/jpeg')).toBe(true);
    expect(drawn).toEqual([[MAX_EDGE, 1200]]);
  });

  it('says so clearly where the browser cannot decode a HEIC either, instead of sending what the server cannot read', async () => {
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => {
        throw new Error('InvalidStateError');
      }),
    );
    vi.stubGlobal('Image', FailingImage);
    await expect(compressPhoto(new File([heicBytes()], 'IMG_0002.heic', { type: '' }))).rejects.toBeInstanceOf(
      HeicUnsupportedError,
    );
    // Any other undecodable file is still sent as it is, for the server to judge.
    const other = await compressPhoto(new File([new Uint8Array([1, 2, 3])], 'scan.png', { type: 'image/png' }));
    expect(other.startsWith('data:image/png')).toBe(true);
  });
});

describe('files that are not photos', () => {
  afterEach(() => vi.unstubAllGlobals());
  const undecodable = () => {
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => {
        throw new Error('InvalidStateError');
      }),
    );
    vi.stubGlobal('Image', FailingImage);
  };

  it('refuses a document by its type before trying to decode it, naming the file', async () => {
    const decode = vi.fn();
    vi.stubGlobal('createImageBitmap', decode);
    const error = await compressPhoto(new File(['%PDF-1.7'], '发票.pdf', { type: 'application/pdf' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotAnImageError);
    expect(decode).not.toHaveBeenCalled();
    expect(photoProblem(error)).toEqual({ key: 'photo.notImage', params: { name: '发票.pdf' } });
  });

  it('judges an untyped file by its first bytes: a JPEG goes as it is, anything else is refused', async () => {
    undecodable();
    const jpeg = await compressPhoto(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])], 'a', { type: '' }));
    expect(jpeg.startsWith('data:')).toBe(true);
    await expect(compressPhoto(new File(['hello, world'], 'notes', { type: '' }))).rejects.toBeInstanceOf(
      NotAnImageError,
    );
    // a type the server cannot read either is refused here, not after an upload
    await expect(
      compressPhoto(new File([new Uint8Array([1, 2])], 'x.tif', { type: 'image/tiff' })),
    ).rejects.toBeInstanceOf(NotAnImageError);
  });

  it('words each refusal once for both phone pages, the size limit in MB', () => {
    expect(photoProblem(new HeicUnsupportedError())).toEqual({ key: 'photo.heic' });
    expect(photoProblem(new PhotoTooLargeError())).toEqual({ key: 'photo.tooLarge', params: { max: 10 } });
    expect(photoProblem(new Error('boom'))).toEqual({ key: 'photo.unreadable', params: { message: 'boom' } });
  });
});
