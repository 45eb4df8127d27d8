import { describe, expect, it } from 'vitest';
import { pointInPolygon } from '../modules/geo/index.ts';
import { dayeTenantBoundary } from './daye-geography.ts';
import { dayePlaces } from './daye-gazetteer.ts';

describe('the demo gazetteer', () => {
  it('lies inside the demo city: every road point and POI', () => {
    const boundary = dayeTenantBoundary().geometry;
    const outside = dayePlaces().flatMap((p) => {
      if (!p.geometry) return [];
      const points = p.geometry.type === 'Point' ? [p.geometry.coordinates] : p.geometry.coordinates;
      return points.filter(([x, y]) => !pointInPolygon(boundary, x, y)).map((pt) => `${p.name} ${pt.join(',')}`);
    });
    expect(outside).toEqual([]);
  });

  it('numbers every road on both sides', () => {
    const places = dayePlaces();
    for (const road of places.filter((p) => p.kind === 'road'))
      expect(places.filter((p) => p.kind === 'house_range' && p.road === road.name).map((p) => p.parity)).toEqual([
        'odd',
        'even',
      ]);
  });
});
