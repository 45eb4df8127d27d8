// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { fakeFetch } from '../../testing.tsx';
import { CaseMap } from './CaseMap.tsx';

// happy-dom draws nothing: the map's canvas gets a 2D context whose every drawing call does nothing. It stays for
// the whole file (never restored), because Leaflet redraws on a timer that may fire after a test has ended.
const noDrawing = new Proxy({}, { get: () => () => undefined, set: () => true });
beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(noDrawing as never);
});
// Leaflet's canvas redraws on the next animation frame; let that frame run while the map is still mounted.
afterEach(async () => {
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  cleanup();
  vi.unstubAllGlobals();
});

const square = (code: string) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code },
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
});

describe('dashboard case map', () => {
  it('loads the city outline and streets once, with no basemap configured, and shows the cases', async () => {
    const server = fakeFetch({
      'GET /api/geo/layers/tenant': () => ({ status: 200, body: square('420281') }),
      'GET /api/geo/layers/street': () => ({ status: 200, body: square('420281001') }),
      'GET /api/geo/basemap': () => ({ status: 200, body: null }),
    });
    vi.stubGlobal('fetch', server.impl);
    const { rerender } = render(<CaseMap cases={[]} onOpen={() => undefined} />);
    const cases = [{ id: 'c1', caseNo: 'A-1', lng: 115, lat: 30.1, sla: 'red' as const }];
    rerender(<CaseMap cases={cases as never} onOpen={() => undefined} />);
    expect(screen.getByTestId('dashboard-map').dataset.cases).toBe('1');
    await waitFor(() => expect(server.calls.filter((c) => c.url.startsWith('/api/geo/layers/')).length).toBe(2));
    await waitFor(() => expect(server.calls.some((c) => c.url === '/api/geo/basemap')).toBe(true));
    rerender(<CaseMap cases={[]} onOpen={() => undefined} />);
    expect(server.calls.filter((c) => c.url.startsWith('/api/geo/layers/')).map((c) => c.url)).toEqual([
      '/api/geo/layers/tenant',
      '/api/geo/layers/street',
    ]);
  });
});
