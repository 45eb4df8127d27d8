import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { LiveHub, type LiveEvent } from '../platform/live-events.ts';
import { parseEnvelope, startLiveRelay, type LiveRelay } from '../platform/live-relay.ts';

/**
 * The Redis relay between instances, on the local Redis: two hubs stand for two app processes. An event
 * published on one reaches the other exactly once and is not echoed back; other installations (prefixes) and
 * malformed messages are ignored. Runs on both test passes (the relay does not touch the database).
 */
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `cityloop-test-${randomBytes(4).toString('hex')}:`;
const hubA = new LiveHub();
const hubB = new LiveHub();
const relays: LiveRelay[] = [];
let raw: Redis;

const event = (caseNo: string): LiveEvent => ({ type: 'case', tenantId: 't1', data: { caseNo } });
const collect = (hub: LiveHub) => {
  const seen: LiveEvent[] = [];
  hub.subscribe((e) => seen.push(e));
  return seen;
};
const settle = () => new Promise((r) => setTimeout(r, 300));
const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

beforeAll(async () => {
  raw = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  relays.push(
    await startLiveRelay(hubA, { url: REDIS_URL, prefix }),
    await startLiveRelay(hubB, { url: REDIS_URL, prefix }),
  );
});
afterAll(async () => {
  for (const r of relays) await r.close();
  raw.disconnect();
});

describe('live relay over Redis', () => {
  it('delivers an event published on one instance to the other exactly once, without echo', async () => {
    const onA = collect(hubA);
    const onB = collect(hubB);
    hubA.publish(event('A-1'));
    expect(await until(() => onB.length === 1)).toBe(true);
    await settle();
    expect(onB).toEqual([event('A-1')]);
    expect(onA).toEqual([event('A-1')]);
    hubB.publish(event('B-1'));
    expect(await until(() => onA.length === 2)).toBe(true);
    await settle();
    expect(onA.map((e) => e.data.caseNo)).toEqual(['A-1', 'B-1']);
    expect(onB.map((e) => e.data.caseNo)).toEqual(['A-1', 'B-1']);
  });

  it('ignores malformed messages and other installations', async () => {
    const onB = collect(hubB);
    const channel = relays[0]?.channel as string;
    await raw.publish(channel, 'not json');
    await raw.publish(channel, JSON.stringify({ origin: 'x', event: { type: 'case' } }));
    await raw.publish(`other-${channel}`, JSON.stringify({ origin: 'x', event: event('elsewhere') }));
    await raw.publish(channel, JSON.stringify({ origin: 'x', event: event('good') }));
    expect(await until(() => onB.length === 1)).toBe(true);
    await settle();
    expect(onB.map((e) => e.data.caseNo)).toEqual(['good']);
    expect(parseEnvelope('{"origin":1}')).toBeNull();
  });

  it('starts anyway when Redis is unreachable, and publishing stays local', async () => {
    const hub = new LiveHub();
    const seen = collect(hub);
    const relay = await startLiveRelay(hub, { url: 'redis://127.0.0.1:1', prefix, connectTimeoutMs: 300 });
    hub.publish(event('local'));
    expect(seen.map((e) => e.data.caseNo)).toEqual(['local']);
    await relay.close();
  });
});

describe('REDIS_URL configuration', () => {
  const base = { DATA_DIR: '/tmp/cityloop-config-test', SESSION_SECRET: 'x'.repeat(32) };
  it('is off by default and validated when given', () => {
    expect(loadConfig(base).redis).toBeNull();
    expect(loadConfig({ ...base, REDIS_URL: 'redis://10.0.0.5:6379/2' }).redis).toEqual({
      url: 'redis://10.0.0.5:6379/2',
      prefix: 'cityloop:',
    });
    expect(loadConfig({ ...base, REDIS_URL: 'rediss://r.example:6380', REDIS_PREFIX: 'daye:' }).redis?.prefix).toBe(
      'daye:',
    );
    expect(() => loadConfig({ ...base, REDIS_URL: 'http://10.0.0.5' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, REDIS_URL: 'redis://x', REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX/);
  });
});
