import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { makeTempDir } from './testing/temp-dir.ts';

const dir = () => makeTempDir('cityloop-config-');

describe('config', () => {
  it('defaults to the embedded SQLite file, port 8080 and Asia/Shanghai', () => {
    const d = dir();
    const c = loadConfig({ DATA_DIR: d });
    expect(c).toMatchObject({
      port: 8080,
      dialect: 'sqlite',
      businessTimeZone: 'Asia/Shanghai',
      databaseUrl: `sqlite:${join(d, 'cityloop.db')}`,
    });
  });

  it('loads the demo history with the demo seed, except under a test runner or with DEMO_HISTORY=0', () => {
    const d = dir();
    expect(loadConfig({ DATA_DIR: d }).demoHistory).toBe(true);
    expect(loadConfig({ DATA_DIR: d, NODE_ENV: 'test' }).demoHistory).toBe(false);
    expect(loadConfig({ DATA_DIR: d, DEMO_HISTORY: '0' }).demoHistory).toBe(false);
    expect(loadConfig({ DATA_DIR: d, NODE_ENV: 'test', DEMO_HISTORY: '1' }).demoHistory).toBe(true);
  });

  it('generates a session secret once and keeps it', () => {
    const d = dir();
    const first = loadConfig({ DATA_DIR: d }).sessionSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ DATA_DIR: d }).sessionSecret).toBe(first);
    expect(readFileSync(join(d, '.session-secret'), 'utf8').trim()).toBe(first);
  });

  it('keeps raw readings 48 hours, minute roll-ups a year and hour roll-ups forever unless told otherwise', () => {
    const d = dir();
    expect(loadConfig({ DATA_DIR: d }).telemetry).toEqual({ rawHours: 48, minuteDays: 365, hourDays: 0 });
    for (const forever of ['0', 'forever', 'Forever'])
      expect(loadConfig({ DATA_DIR: d, TELEMETRY_HOUR_DAYS: forever }).telemetry.hourDays).toBe(0);
    expect(
      loadConfig({ DATA_DIR: d, TELEMETRY_RAW_HOURS: '72', TELEMETRY_MINUTE_DAYS: '90', TELEMETRY_HOUR_DAYS: '1825' })
        .telemetry,
    ).toEqual({ rawHours: 72, minuteDays: 90, hourDays: 1825 });
    expect(() => loadConfig({ DATA_DIR: d, TELEMETRY_HOUR_DAYS: 'never' })).toThrow(/TELEMETRY_HOUR_DAYS/);
    expect(() => loadConfig({ DATA_DIR: d, TELEMETRY_MINUTE_DAYS: '0' })).toThrow(/TELEMETRY_MINUTE_DAYS/);
  });

  it('recognises PostgreSQL URLs', () => {
    expect(loadConfig({ DATA_DIR: dir(), DATABASE_URL: 'postgres://u@h/db' }).dialect).toBe('postgres');
  });

  it('takes a PostgreSQL schema name and refuses one for SQLite or one that is not a plain identifier', () => {
    const pg = { DATA_DIR: dir(), DATABASE_URL: 'postgres://u@h/db' };
    expect(loadConfig(pg).databaseSchema).toBeNull();
    expect(loadConfig({ ...pg, DATABASE_SCHEMA: 'cityloop_2' }).databaseSchema).toBe('cityloop_2');
    expect(() => loadConfig({ ...pg, DATABASE_SCHEMA: 'x; drop table cases' })).toThrow(/DATABASE_SCHEMA/);
    expect(() => loadConfig({ ...pg, DATABASE_SCHEMA: 'Public' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir(), DATABASE_SCHEMA: 'cityloop' })).toThrow(/PostgreSQL only/);
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['PORT', '70000', /PORT/],
    ['BUSINESS_TZ', 'Mars/Olympus', /BUSINESS_TZ/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL/],
    ['COOKIE_SECURE', 'maybe', /COOKIE_SECURE/],
    ['SESSION_SECRET', 'short', /SESSION_SECRET/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ DATA_DIR: dir(), [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir(), [name]: value })).toThrow(message);
  });
});

describe('basemap', () => {
  it('is off by default and needs a template with {z}/{x}/{y} and an attribution', () => {
    expect(loadConfig({ DATA_DIR: dir() }).basemap).toBeNull();
    expect(() => loadConfig({ DATA_DIR: dir(), MAP_BASEMAP_URL: 'https://tiles.example/{z}/{x}/{y}.png' })).toThrow(
      /ATTRIBUTION/,
    );
    expect(() => loadConfig({ DATA_DIR: dir(), MAP_BASEMAP_URL: 'ftp://x', MAP_BASEMAP_ATTRIBUTION: 'a' })).toThrow(
      /MAP_BASEMAP_URL/,
    );
    const c = loadConfig({
      DATA_DIR: dir(),
      MAP_BASEMAP_URL: 'https://t{s}.tiles.example/{z}/{x}/{y}.png',
      MAP_BASEMAP_ATTRIBUTION: '审图号 GS(2024)0001',
      MAP_BASEMAP_SUBDOMAINS: '0,1',
    });
    expect(c.basemap).toMatchObject({ subdomains: ['0', '1'], maxZoom: 18, labelsUrl: null });
  });
});
