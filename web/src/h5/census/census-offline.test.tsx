// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { CensusTaskDetail } from '../../../../common/contracts/census.ts';
import { ApiError } from '../../api/errors.ts';
import { fakeServer, renderH5, type Call } from '../h5-testing.tsx';
import { enqueueRecord, flushRecords, readRecords } from './census-queue.ts';

const TASK = 't-0001';
const CODE = '42028101001000001';
const detail = (outcome: 'damaged' | null = null): CensusTaskDetail => ({
  task: {
    id: TASK,
    campaignId: 'c-1',
    campaignName: '井盖普查',
    classCode: '01001',
    className: '上水井盖',
    gridCode: '420281001001001',
    inspectorId: 'u-1',
    inspectorName: '监督员',
    expected: 1,
    checked: outcome ? 1 : 0,
    ok: 0,
    damaged: outcome ? 1 : 0,
    missing: 0,
    added: 0,
  },
  components: [{ code: CODE, name: '上水井盖', state: 'intact', lng: 114.96, lat: 30.09, outcome }],
});

let online = true;
beforeEach(() => {
  localStorage.clear();
  online = true;
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window.navigator, 'onLine');
});

/** The server while the phone has signal; with `online` false every request fails as on a dead network. */
function server() {
  const posts: Call[] = [];
  let recorded = false;
  const fake = fakeServer({
    [`GET /api/monitor/census-tasks/${TASK}`]: () => ({ status: 200, body: detail(recorded ? 'damaged' : null) }),
    [`POST /api/monitor/census-tasks/${TASK}/records`]: (call) => {
      posts.push(call);
      recorded = true;
      return { status: 200, body: { task: detail('damaged').task, added: [] } };
    },
  });
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    return fake.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, posts };
}

describe('census on the inspector app, offline', () => {
  it('shows the task as last loaded, queues a record, and sends it once with its key when back online', async () => {
    const api = server();
    const first = renderH5(`/h5/census/${TASK}`, api.fetch);
    expect(await screen.findByTestId(`census-row-${CODE}`)).toBeTruthy();
    first.unmount();

    online = false;
    renderH5(`/h5/census/${TASK}`, api.fetch);
    expect(await screen.findByTestId('census-cached')).toBeTruthy();
    fireEvent.click(screen.getByTestId(`census-${CODE}-damaged`));
    expect((await screen.findByTestId('census-pending')).textContent).toContain('1 条记录待发送');
    expect(screen.getByTestId(`census-row-${CODE}`).textContent).toContain('待发送');
    const queued = readRecords('u-1');
    expect(queued).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(api.posts).toEqual([]);

    online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.queryByTestId('census-pending')).toBeNull());
    expect(api.posts).toHaveLength(1);
    expect(api.posts[0]!.body).toEqual({ records: [{ outcome: 'damaged', componentCode: CODE }] });
    expect(api.posts[0]!.headers['idempotency-key']).toBe(queued[0]!.key);
    expect(readRecords('u-1')).toEqual([]);
    await waitFor(() => expect(screen.queryByTestId('census-cached')).toBeNull());
    expect(screen.getByTestId(`census-row-${CODE}`).textContent).toContain('损坏');
  });
});

describe('the census queue', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };
  let n = 0;
  const newKey = () => `key-${String(++n).padStart(4, '0')}`;

  it('keeps everything after a network failure and resends the same key', async () => {
    const s = store();
    enqueueRecord('u', 'a', { outcome: 'ok', componentCode: CODE }, { storage: s, newKey });
    enqueueRecord('u', 'a', { outcome: 'new', lng: 1, lat: 2 }, { storage: s, newKey });
    const keys: string[] = [];
    let fail = true;
    const post = async (_task: string, _r: unknown, key: string) => {
      keys.push(key);
      // the first answer is lost on the way: the server stored it, the phone does not know
      if (fail) {
        fail = false;
        throw new ApiError({ status: 0, code: 'NETWORK', message: 'lost' });
      }
    };
    const lost = await flushRecords('u', post, s);
    expect([lost.sent.length, lost.waiting]).toEqual([0, 2]);
    const again = await flushRecords('u', post, s);
    expect([again.sent.length, again.waiting]).toEqual([2, 0]);
    expect(keys).toEqual([keys[0], keys[0], keys[2]]);
    expect(new Set(keys).size).toBe(2);
  });

  it('drops a record the server refuses by name and goes on with the next', async () => {
    const s = store();
    enqueueRecord('u', 'a', { outcome: 'ok', componentCode: 'gone' }, { storage: s, newKey });
    enqueueRecord('u', 'a', { outcome: 'ok', componentCode: CODE }, { storage: s, newKey });
    const sent: string[] = [];
    const out = await flushRecords(
      'u',
      async (_t, r) => {
        if (r.componentCode === 'gone')
          throw new ApiError({ status: 400, code: 'MONITOR_CENSUS_RECORD', message: 'not a component of this task' });
        sent.push(r.componentCode!);
      },
      s,
    );
    expect([out.refused.length, out.sent.length, out.waiting, sent]).toEqual([1, 1, 0, [CODE]]);
  });

  it('keeps a record while the session is lost (401) for the same inspector to send later', async () => {
    const s = store();
    enqueueRecord('u', 'a', { outcome: 'missing', componentCode: CODE }, { storage: s, newKey });
    const out = await flushRecords(
      'u',
      async () => {
        throw new ApiError({ status: 401, code: 'AUTH_REQUIRED', message: 'sign in' });
      },
      s,
    );
    expect([out.refused.length, out.waiting]).toEqual([0, 1]);
  });
});
