// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { decodeQR } from 'qr/decode.js';
import { fakePublicServer, publicInfo, renderPublic } from '../public-testing.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Draws the SVG's modules as pixels (4 per module), the way a camera would see the printed code. */
function pixelsOf(svg: Element) {
  const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
  const scale = 4;
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  const d = svg.querySelector('path')!.getAttribute('d')!;
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py += 1)
      for (let px = Number(x) * scale; px < (Number(x) + 1) * scale; px += 1) {
        const at = (py * width + px) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
  }
  return { width, height: width, data };
}

describe('receipt page', () => {
  it('shows the tracking link as a QR code that decodes to the link', async () => {
    const token = 'Abc_def-GHIjklMNOpqrSTUv';
    const api = fakePublicServer({ 'GET /api/public/info': () => publicInfo(true) });
    renderPublic('/public/done', api.fetch, { caseNo: '420281-20240312-00017', token });
    const svg = await screen.findByTestId('public-track-qr');
    const link = `${window.location.origin}/public/track#${token}`;
    expect(svg.getAttribute('data-link')).toBe(link);
    expect(svg.getAttribute('aria-label')).toBe('进度查询链接的二维码');
    expect(decodeQR(pixelsOf(svg))).toBe(link);
  });
});
