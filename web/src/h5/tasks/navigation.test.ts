import { describe, expect, it } from 'vitest';
import { amapMarkerUrl, geoUri } from './navigation.ts';

describe('navigation links', () => {
  it('builds a geo: URI with the label', () => {
    expect(geoUri(30.1, 114.97, '占道经营')).toBe(
      'geo:30.100000,114.970000?q=30.100000,114.970000(%E5%8D%A0%E9%81%93%E7%BB%8F%E8%90%A5)',
    );
  });

  it('builds the Amap web link in lng,lat order with WGS84 declared', () => {
    const url = new URL(amapMarkerUrl(30.1, 114.97, 'a & b'));
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker');
    expect(url.searchParams.get('position')).toBe('114.970000,30.100000');
    expect(url.searchParams.get('coordinate')).toBe('wgs84');
    expect(url.searchParams.get('name')).toBe('a & b');
  });
});
