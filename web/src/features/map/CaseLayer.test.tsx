// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { fakeAuth, fakeFetch, fakeMe, renderConsole } from '../../testing.tsx';

// happy-dom draws nothing: the area canvas gets a 2D context whose every call does nothing (see CaseMap.test.tsx).
const noDrawing = new Proxy({}, { get: () => () => undefined, set: () => true });
beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(noDrawing as never);
});
afterEach(async () => {
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  cleanup();
  vi.unstubAllGlobals();
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
const point = (id: string, lng: number, lat: number, sla: string) => ({
  id,
  caseNo: `420281-20240312-0000${id}`,
  status: 'handling',
  matterCode: '09006',
  matterName: '占道经营',
  address: null,
  unitName: '环卫所',
  lng,
  lat,
  sla,
  stepDeadline: '2024-03-12T06:00:00.000Z',
  handlingDeadline: null,
});

function serve(items: unknown[]) {
  const empty = { type: 'FeatureCollection', features: [] };
  return fakeFetch({
    'GET /api/geo/layers/tenant': () => ({ status: 200, body: square }),
    'GET /api/geo/layers/street': () => ({ status: 200, body: empty }),
    'GET /api/geo/layers/community': () => ({ status: 200, body: empty }),
    'GET /api/geo/layers/grid': () => ({ status: 200, body: empty }),
    'GET /api/geo/basemap': () => ({ status: 200, body: null }),
    'GET /api/components/clusters': () => ({ status: 200, body: { cellLng: 1, cellLat: 1, total: 0, items: [] } }),
    'GET /api/cases/map': () => ({ status: 200, body: { items, truncated: false } }),
  });
}

describe('一张图 case layer', () => {
  it('asks for the cases of the view and draws a marker per case, coloured by SLA', async () => {
    const server = serve([point('1', 114.95, 30.05, 'red'), point('2', 115.05, 30.15, 'green')]);
    vi.stubGlobal('fetch', server.impl);
    renderConsole('/map', fakeAuth(fakeMe(['operator'])));
    await waitFor(() => expect(document.querySelectorAll('path.cl-case-marker').length).toBe(2), { timeout: 5000 });
    expect(document.querySelectorAll('path.cl-case-red')).toHaveLength(1);
    expect(screen.getByTestId('case-layer').dataset.count).toBe('2');
    const asked = server.calls.find((c) => c.url.startsWith('/api/cases/map'));
    expect(asked?.url).toMatch(/bbox=[-\d.]+(%2C|,)/);
    expect(asked?.url).toContain('status=open');
  });

  it('is not offered to a role that cannot read cases', async () => {
    const server = serve([]);
    vi.stubGlobal('fetch', server.impl);
    const me = fakeMe(['operator']);
    renderConsole('/map', fakeAuth({ ...me, permissions: me.permissions.filter((p) => p !== 'case.read') }));
    await screen.findByTestId('map-container');
    expect(screen.queryByTestId('case-layer')).toBeNull();
    expect(server.calls.some((c) => c.url.startsWith('/api/cases/map'))).toBe(false);
  });
});
