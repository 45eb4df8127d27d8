// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { fakeFetch, withProviders, fakeAuth, fakeMe } from '../../testing.tsx';
import { GridScoreMap } from './GridScoreMap.tsx';

// happy-dom draws nothing: the map's canvas gets a 2D context whose every drawing call does nothing.
const noDrawing = new Proxy({}, { get: () => () => undefined, set: () => true });
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(noDrawing as never);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const polygon = {
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
};

describe('grid score map', () => {
  it('asks only for the grids of the view, and draws each with its grade', async () => {
    const server = fakeFetch({
      'GET /api/geo/layers/tenant': () => ({
        status: 200,
        body: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: polygon }] },
      }),
      'GET /api/kpi/grid-map': () => ({
        status: 200,
        body: {
          items: [
            { code: '420281001001001', communityName: '金湖社区', score: 92, grade: 'A', geometry: polygon },
            { code: '420281001001002', communityName: '金湖社区', score: null, grade: null, geometry: polygon },
          ],
          capped: true,
        },
      }),
    });
    vi.stubGlobal('fetch', server.impl);
    render(withProviders(<GridScoreMap period={{ period: 'month', at: '2024-03' }} />, fakeAuth(fakeMe(['leader']))));
    await waitFor(() => expect(screen.getByTestId('grid-score-map').dataset.grids).toBe('2'));
    const call = server.calls.find((c) => c.url.startsWith('/api/kpi/grid-map'));
    const params = new URL(call?.url ?? '', 'http://x').searchParams;
    expect(params.get('period')).toBe('month');
    expect(params.get('at')).toBe('2024-03');
    expect(params.get('bbox')?.split(',')).toHaveLength(4);
    expect(screen.getByTestId('grid-map-capped').textContent).toContain('请放大地图');
  });
});
