// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dataUrlBytes, dataUrlToBlob, formatBytes } from './photos.ts';

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
