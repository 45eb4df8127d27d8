// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, fakeFetch, fakeMe, renderConsole } from '../../testing.tsx';

// happy-dom draws nothing: the area canvas gets a 2D context whose every call does nothing (see CaseLayer.test.tsx).
const noDrawing = new Proxy({}, { get: () => () => undefined, set: () => true });
beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(noDrawing as never);
});
afterEach(async () => {
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  cleanup();
  vi.unstubAllGlobals();
});

const site = (id: string, status: string, address: string, lng: number, lat: number) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { id, status, address, regionName: '金湖街道', reportedOn: '2024-03-01' },
});

const square = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '420281' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [114.9, 30.0],
            [115.1, 30.0],
            [115.1, 30.2],
            [114.9, 30.2],
            [114.9, 30.0],
          ],
        ],
      },
    },
  ],
};

function serve(features: unknown[]) {
  const empty = { type: 'FeatureCollection', features: [] };
  return fakeFetch({
    'GET /api/geo/layers/tenant': () => ({ status: 200, body: square }),
    'GET /api/geo/layers/street': () => ({ status: 200, body: empty }),
    'GET /api/geo/layers/community': () => ({ status: 200, body: empty }),
    'GET /api/geo/layers/grid': () => ({ status: 200, body: empty }),
    'GET /api/geo/basemap': () => ({ status: 200, body: null }),
    'GET /api/components/clusters': () => ({ status: 200, body: { cellLng: 1, cellLat: 1, total: 0, items: [] } }),
    'GET /api/cases/map': () => ({ status: 200, body: { items: [], truncated: false } }),
    'GET /api/illegal-construction/map': () => ({ status: 200, body: { type: 'FeatureCollection', features } }),
  });
}

describe('一张图 查违控违 layer', () => {
  it('draws a site per point coloured by status, with the four statuses in its legend and a popup naming the site', async () => {
    const server = serve([
      site('1', 'stopped', '金湖大道88号', 114.95, 30.05),
      site('2', 'demolished', '东岳路12号', 115.05, 30.15),
    ]);
    vi.stubGlobal('fetch', server.impl);
    renderConsole('/map', fakeAuth(fakeMe(['leader'])));
    await waitFor(() => expect(document.querySelectorAll('.cl-ic-site').length).toBe(2), { timeout: 5000 });
    expect(document.querySelectorAll('.cl-ic-stopped')).toHaveLength(1);
    expect(document.querySelectorAll('.cl-ic-demolished')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('ic-layer').dataset.count).toBe('2'));
    expect(screen.getByTestId('ic-layer-legend').textContent).toBe('已举报已停工已拆除已补办手续');
    fireEvent.click(document.querySelector('.cl-ic-stopped')!);
    const popup = await screen.findByTestId('ic-popup');
    expect(screen.getByTestId('ic-popup-name').textContent).toBe('金湖大道88号');
    expect(screen.getByTestId('ic-popup-status').textContent).toBe('已停工');
    expect(popup.textContent).toContain('金湖街道');
  });

  it('is not offered to a role that cannot read 查违控违, and asks nothing', async () => {
    const server = serve([]);
    vi.stubGlobal('fetch', server.impl);
    const me = fakeMe(['leader']);
    renderConsole('/map', fakeAuth({ ...me, permissions: me.permissions.filter((p) => p !== 'construction.read') }));
    await screen.findByTestId('map-container');
    expect(screen.queryByTestId('ic-layer')).toBeNull();
    expect(server.calls.some((c) => c.url.startsWith('/api/illegal-construction/map'))).toBe(false);
  });
});
