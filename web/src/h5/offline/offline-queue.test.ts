// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createCaseTransport } from '../api/case-transport.ts';
import { createLocalDraftStore, DraftStorageFullError } from './draft-store.ts';
import type { DraftInput } from './draft.ts';
import { OfflineQueue } from './offline-queue.ts';

/** A stand-in for the server as the client sees it: photos, cases with Idempotency-Key replay, and failure modes. */
function fakeServer() {
  const state = {
    online: true,
    /** the server does the work but the answer never arrives */
    loseNextCreateResponse: false,
    createAnswer: null as null | { status: number; body: unknown },
    uploads: 0,
    creates: [] as { key: string | null; csrf: string | null; body: Record<string, unknown> }[],
    cases: new Map<string, { id: string; caseNo: string }>(),
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url === '/api/photos') {
      const form = init?.body as FormData;
      if (!(form.get('file') instanceof Blob))
        return json(400, { error: { code: 'VALIDATION_FAILED', message: 'file', requestId: 'r' } });
      state.uploads += 1;
      return json(201, {
        id: `photo-${state.uploads}`,
        url: '/p',
        thumbUrl: '/t',
        width: 1,
        height: 1,
        phase: 'before',
        createdAt: '',
      });
    }
    if (url === '/api/cases' && init?.method === 'POST') {
      const key = headers['idempotency-key'] ?? null;
      state.creates.push({
        key,
        csrf: headers['x-csrf-token'] ?? null,
        body: JSON.parse(String(init.body)) as Record<string, unknown>,
      });
      if (state.createAnswer) return json(state.createAnswer.status, state.createAnswer.body);
      const existing = key ? state.cases.get(key) : undefined;
      const created = existing ?? {
        id: `case-${state.cases.size + 1}`,
        caseNo: `420281-20240312-0000${state.cases.size + 1}`,
      };
      if (key) state.cases.set(key, created);
      if (state.loseNextCreateResponse) {
        state.loseNextCreateResponse = false;
        throw new TypeError('network changed');
      }
      return json(existing ? 200 : 201, { ...created, status: 'pending_filing' });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'nf', requestId: 'r' } });
  };
  return { state, fetch: fetch };
}

const PHOTO = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';
const input = (description = '路口占道经营'): DraftInput => ({
  body: {
    channel: 'inspector',
    matterCode: '09006',
    description,
    lng: 114.97,
    lat: 30.1,
    crs: 'wgs84',
    selfHandled: false,
  },
  matterName: '占道经营',
  photos: [PHOTO, PHOTO],
});

function setup(userId = 'u-1') {
  const server = fakeServer();
  const store = createLocalDraftStore(window.localStorage);
  const transport = createCaseTransport({ fetch: server.fetch, csrfToken: () => 'csrf-1', locale: () => 'zh-CN' });
  const queue = new OfflineQueue({ store, transport, owner: { userId, tenantId: 't-1' } });
  return { server, store, queue };
}

beforeEach(() => window.localStorage.clear());

describe('offline queue', () => {
  it('stores a draft with its own idempotency key and photos, and keeps it across reloads', async () => {
    const { queue, server } = setup();
    const draft = await queue.add(input());
    expect(draft.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(draft).toMatchObject({ seq: 1, status: 'pending', photoCount: 2, attempts: 0 });
    expect(server.state.creates).toHaveLength(0);

    const reloaded = setup();
    const [kept] = await reloaded.queue.list();
    expect(kept?.idempotencyKey).toBe(draft.idempotencyKey);
    expect(kept?.photos.map((p) => p.dataUrl)).toEqual([PHOTO, PHOTO]);
    expect((await reloaded.queue.add(input('second'))).seq).toBe(2);
  });

  it('keeps the draft while there is no network', async () => {
    const { queue, server } = setup();
    await queue.add(input());
    server.state.online = false;
    const [outcome] = await queue.sendPending();
    expect(outcome?.kind).toBe('waiting');
    const [draft] = await queue.list();
    expect(draft).toMatchObject({ status: 'pending', attempts: 1, lastError: { code: 'NETWORK', status: 0 } });
    expect(draft?.photos).toHaveLength(2);
  });

  it('sends once when online: photos first, then the case with the stored key; the receipt keeps the case number', async () => {
    const { queue, server } = setup();
    const draft = await queue.add(input());
    const [outcome] = await queue.sendPending();
    expect(outcome).toMatchObject({
      kind: 'sent',
      draft: { status: 'sent', caseNo: '420281-20240312-00001', photos: [] },
    });
    expect(server.state.uploads).toBe(2);
    expect(server.state.creates).toEqual([
      {
        key: draft.idempotencyKey,
        csrf: 'csrf-1',
        body: expect.objectContaining({ matterCode: '09006', crs: 'wgs84', photoIds: ['photo-1', 'photo-2'] }),
      },
    ]);
    // Nothing left to send: another online event sends nothing.
    expect(await queue.sendPending()).toEqual([]);
    expect(server.state.creates).toHaveLength(1);
    expect((await queue.list()).filter((d) => d.status !== 'sent')).toEqual([]);
  });

  it('re-sends with the same key after a lost response, without uploading the photos again: one case', async () => {
    const { queue, server } = setup();
    const draft = await queue.add(input());
    server.state.loseNextCreateResponse = true;
    expect((await queue.sendPending())[0]?.kind).toBe('waiting');
    expect(server.state.cases.size).toBe(1);

    const [outcome] = await queue.sendPending();
    expect(outcome?.kind).toBe('sent');
    expect(server.state.uploads).toBe(2);
    expect(server.state.creates.map((c) => c.key)).toEqual([draft.idempotencyKey, draft.idempotencyKey]);
    expect(server.state.cases.size).toBe(1);
  });

  it('a 4xx keeps the draft as failed with the server error; only the user retries it', async () => {
    const { queue, server } = setup();
    await queue.add(input());
    server.state.createAnswer = {
      status: 400,
      body: { error: { code: 'CATALOG_UNKNOWN_MATTER', message: '事项不存在', requestId: 'r' } },
    };
    const [outcome] = await queue.sendPending();
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: { code: 'CATALOG_UNKNOWN_MATTER', message: '事项不存在', status: 400 },
    });
    const [draft] = await queue.list();
    expect(draft).toMatchObject({ status: 'failed', lastError: { message: '事项不存在' } });
    expect(draft?.photos).toHaveLength(2);

    expect(await queue.sendPending()).toEqual([]);
    server.state.createAnswer = null;
    expect((await queue.send(draft?.id ?? ''))?.kind).toBe('sent');
    expect(server.state.uploads).toBe(2);
  });

  it('server trouble (5xx) and a lost session (401) wait for the next try; 401 stops the round', async () => {
    const { queue, server } = setup();
    await queue.add(input('one'));
    await queue.add(input('two'));
    server.state.createAnswer = { status: 503, body: 'Service Unavailable' };
    expect((await queue.sendPending()).map((o) => o.kind)).toEqual(['waiting']);
    server.state.createAnswer = {
      status: 401,
      body: { error: { code: 'AUTH_REQUIRED', message: 'login', requestId: 'r' } },
    };
    expect((await queue.sendPending()).map((o) => o.kind)).toEqual(['waiting']);
    expect((await queue.list()).map((d) => d.status)).toEqual(['pending', 'pending']);
  });

  it('uploads again once when the server no longer knows the uploaded photos', async () => {
    const { queue, server } = setup();
    await queue.add(input());
    server.state.loseNextCreateResponse = true;
    await queue.sendPending();
    let rejected = false;
    const original = server.fetch;
    const patched = async (url: RequestInfo | URL, init?: RequestInit) => {
      const body = url === '/api/cases' ? (JSON.parse(String(init?.body)) as { photoIds?: string[] }) : null;
      if (!rejected && body?.photoIds?.includes('photo-1')) {
        rejected = true;
        return new Response(JSON.stringify({ error: { code: 'PHOTO_UNKNOWN', message: 'gone', requestId: 'r' } }), {
          status: 400,
        });
      }
      return original(url, init);
    };
    const q2 = new OfflineQueue({
      store: createLocalDraftStore(window.localStorage),
      transport: createCaseTransport({ fetch: patched, csrfToken: () => null, locale: () => 'en' }),
      owner: { userId: 'u-1', tenantId: 't-1' },
    });
    const [outcome] = await q2.sendPending();
    expect(outcome?.kind).toBe('sent');
    expect(server.state.uploads).toBe(4);
  });

  it("never sends another account's drafts", async () => {
    const mine = setup('u-1');
    await mine.queue.add(input());
    const other = setup('u-2');
    expect(await other.queue.list()).toEqual([]);
    expect(await other.queue.sendPending()).toEqual([]);
    expect(other.server.state.creates).toHaveLength(0);
  });

  it('deletes a draft', async () => {
    const { queue } = setup();
    const draft = await queue.add(input());
    await queue.remove(draft.id);
    expect(await queue.list()).toEqual([]);
  });

  it('refuses to save past the localStorage budget instead of dropping photos', async () => {
    const store = createLocalDraftStore(window.localStorage, 2_000);
    const queue = new OfflineQueue({
      store,
      transport: createCaseTransport({ fetch: fakeServer().fetch, csrfToken: () => null, locale: () => 'zh-CN' }),
      owner: { userId: 'u-1', tenantId: 't-1' },
    });
    await queue.add(input());
    await expect(
      queue.add({ ...input(), photos: [`data:image/jpeg;base64,${'A'.repeat(2_000)}`] }),
    ).rejects.toBeInstanceOf(DraftStorageFullError);
    expect(await queue.list()).toHaveLength(1);
  });
});
