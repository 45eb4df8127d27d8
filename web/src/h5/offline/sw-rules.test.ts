import { describe, expect, it } from 'vitest';
import { isStorable, precacheFiles, ruleFor } from './sw-rules.ts';

const origin = 'https://city.example';
const rule = (method: string, path: string, mode = 'cors') => ruleFor(method, new URL(path, origin), mode, origin);

describe('service worker rules', () => {
  it('answers the app pages with the shell, and only the app pages', () => {
    expect(rule('GET', '/h5', 'navigate')).toBe('shell');
    expect(rule('GET', '/h5/drafts', 'navigate')).toBe('shell');
    expect(rule('GET', '/h5/login?next=%2Fh5%2Ftasks', 'navigate')).toBe('shell');
    // The citizen page, the console and a look-alike path are never answered from the app's cache.
    expect(rule('GET', '/public', 'navigate')).toBe('network');
    expect(rule('GET', '/', 'navigate')).toBe('network');
    expect(rule('GET', '/h5x', 'navigate')).toBe('network');
  });

  it('keeps the identity, the whole matter list and the map layers, but no searches, cases or photos', () => {
    expect(rule('GET', '/api/auth/me')).toBe('data');
    expect(rule('GET', '/api/catalog/entries?kind=matter&active=true&page=1&pageSize=200')).toBe('data');
    expect(rule('GET', '/api/geo/layers/street')).toBe('data');
    expect(rule('GET', '/api/catalog/entries?q=zdjy&kind=matter&active=true&pageSize=20')).toBe('network');
    expect(rule('GET', '/api/catalog/entries?kind=category')).toBe('network');
    expect(rule('GET', '/api/cases?inbox=verifying&mine=true')).toBe('network');
    expect(rule('GET', '/api/photos/0190a0c4-0000-7000-8000-000000000000')).toBe('network');
    expect(rule('GET', '/api/geo/locate?lng=114.97&lat=30.1')).toBe('network');
    expect(rule('GET', '/assets/h5-abc123.js')).toBe('asset');
  });

  it('never stores a write, and follows the session through sign-in, sign-out and a password change', () => {
    expect(rule('POST', '/api/cases')).toBe('network');
    expect(rule('POST', '/api/photos')).toBe('network');
    expect(rule('PUT', '/api/auth/me')).toBe('network');
    expect(rule('POST', '/api/auth/login')).toBe('sign-in');
    expect(rule('POST', '/api/auth/logout')).toBe('sign-out');
    expect(rule('POST', '/api/auth/password')).toBe('identity-change');
  });

  it('leaves other origins alone (a basemap service)', () => {
    expect(ruleFor('GET', new URL('https://t0.tianditu.gov.cn/vec_w/wmts'), 'no-cors', origin)).toBe('network');
  });

  it('stores only complete answers the server allows to be stored', () => {
    const answer = (status: number, cacheControl?: string, type: ResponseType = 'basic') => ({
      status,
      type,
      headers: new Headers(cacheControl ? { 'cache-control': cacheControl } : {}),
    });
    expect(isStorable(answer(200))).toBe(true);
    expect(isStorable(answer(200, 'public, max-age=300'))).toBe(true);
    expect(isStorable(answer(200, 'no-store'))).toBe(false);
    expect(isStorable(answer(206))).toBe(false);
    expect(isStorable(answer(401))).toBe(false);
    expect(isStorable(answer(0, undefined, 'opaque'))).toBe(false);
  });
});

describe('precache list', () => {
  const manifest = {
    'h5.html': {
      file: 'assets/h5-1.js',
      css: ['assets/h5-1.css'],
      imports: ['_react.js'],
      dynamicImports: ['src/phone/pin-map.ts', '../common/i18n/en.ts'],
    },
    '_react.js': { file: 'assets/react-1.js' },
    'src/phone/pin-map.ts': { file: 'assets/pin-map-1.js', imports: ['_leaflet.js', '_react.js'] },
    '_leaflet.js': { file: 'assets/leaflet-1.js', css: ['assets/leaflet-1.css'], assets: ['assets/marker-1.png'] },
    '../common/i18n/en.ts': { file: 'assets/en-1.js' },
    'index.html': { file: 'assets/index-1.js', imports: ['_react.js', '_antd.js'] },
    '_antd.js': { file: 'assets/antd-1.js' },
  };

  it('is the HTML and everything the entry loads at start or later, and nothing of the other pages', () => {
    expect(precacheFiles(manifest, 'h5.html')).toEqual([
      '/assets/en-1.js',
      '/assets/h5-1.css',
      '/assets/h5-1.js',
      '/assets/leaflet-1.css',
      '/assets/leaflet-1.js',
      '/assets/marker-1.png',
      '/assets/pin-map-1.js',
      '/assets/react-1.js',
      '/h5.html',
    ]);
  });

  it('fails the build when the entry is missing', () => {
    expect(() => precacheFiles(manifest, 'h6.html')).toThrow(/h6\.html/);
  });
});
