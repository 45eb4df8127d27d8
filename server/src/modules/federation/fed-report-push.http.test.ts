import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportUpMonthFile, ReportUpPayload } from '../../../../common/contracts/report-up.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Report-up by HTTP push against a real receiver: a node:http server that checks the bearer token and the HMAC
 * signature, validates each body against the published schema, and deduplicates records by their key, as the higher
 * platform is asked to. It is down first (connection refused), then answers 503, then is up.
 */
const POINT = { lng: 114.975, lat: 30.1 };
const TOKEN = 'token-420281';
const SECRET = 'hmac-secret-420281';
let A: TestContext;
const s: Record<string, Session> = {};
const api = (u: string) => as(A.app, s[u]!);

const ajv = new Ajv({ allErrors: true, strict: false });
((ajvFormats.default ?? ajvFormats) as unknown as (a: Ajv) => Ajv)(ajv);
const validPayload = ajv.compile(ReportUpPayload);

/** The receiver: what it stored (by record key), how many posts it answered, and how it answers now. */
const received = {
  byKey: new Map<string, unknown>(),
  posts: 0,
  kinds: [] as string[],
  problems: [] as string[],
  answer: 200,
};
let server: Server | null = null;
let port = 0;

function startReceiver(): Promise<void> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-cityloop-timestamp']);
      const mac = `sha256=${createHmac('sha256', SECRET).update(`${ts}\n${body}`).digest('hex')}`;
      if (req.headers.authorization !== `Bearer ${TOKEN}` || req.headers['x-cityloop-signature'] !== mac) {
        res.writeHead(401).end('unauthorised');
        return;
      }
      if (received.answer !== 200) {
        res.writeHead(received.answer).end('busy');
        return;
      }
      const payload = JSON.parse(body) as ReportUpPayload;
      if (!validPayload(payload)) received.problems.push(JSON.stringify(validPayload.errors));
      if (req.headers['idempotency-key'] !== payload.batchId) received.problems.push('idempotency-key');
      received.posts++;
      received.kinds.push(payload.kind);
      if (payload.kind !== 'ping') for (const r of payload.records) received.byKey.set(r.key, r);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server!.listen(port, '127.0.0.1', () => resolve()));
}
const stopReceiver = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

beforeAll(async () => {
  A = await createTestApp();
  for (const u of ['admin', 'shiftleader', 'inspector'] as const)
    s[u] = await login(A.app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
  // a port that nothing listens on yet: the receiver is down first
  await startReceiver();
  port = (server!.address() as { port: number }).port;
  await stopReceiver();
  server = null;
}, 120_000);
afterAll(async () => {
  await stopReceiver();
  await A?.close();
});

const job = () => A.app.services.federation.reportUp(A.clock.now());
const overview = async () => (await api('admin').get('/api/federation/report-up')).json();
const cursorOf = async (kind: 'day' | 'month') =>
  (await overview()).cursors.find((c: { channel: string; kind: string }) => c.channel === 'push' && c.kind === kind);

describe('report-up settings', () => {
  it('is file-only by default and refuses push settings without a usable endpoint, field by field', async () => {
    const o = await overview();
    expect(o.config).toMatchObject({ mode: 'file', endpoint: null, hasToken: false, hasSecret: false });
    const noUrl = await api('admin').put('/api/federation/report-up/config', { mode: 'push' });
    expect(noUrl.statusCode).toBe(400);
    expect(noUrl.json().error.details[0]).toMatchObject({ field: 'body.endpoint', rule: 'required' });
    const ftp = await api('admin').put('/api/federation/report-up/config', { mode: 'push', endpoint: 'ftp://x/y' });
    expect(ftp.json().error.details[0]).toMatchObject({ field: 'body.endpoint', rule: 'format' });
    const creds = await api('admin').put('/api/federation/report-up/config', {
      mode: 'push',
      endpoint: 'https://u:p@example.org/in',
    });
    expect(creds.statusCode).toBe(400);
    const batch = await api('admin').put('/api/federation/report-up/config', { mode: 'push', batchSize: 0 });
    expect(batch.statusCode).toBe(400);
    expect((await api('shiftleader').put('/api/federation/report-up/config', { mode: 'file' })).statusCode).toBe(403);
  });

  it('keeps the token and HMAC secret encrypted and never returns them', async () => {
    const put = await api('admin').put('/api/federation/report-up/config', {
      mode: 'push',
      endpoint: `http://127.0.0.1:${port}/report-up`,
      token: TOKEN,
      secret: SECRET,
      batchSize: 2,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().config).toMatchObject({ mode: 'push', hasToken: true, hasSecret: true, batchSize: 2 });
    expect(put.body).not.toContain(TOKEN);
    expect(put.body).not.toContain(SECRET);
    const row = await A.database.db.selectFrom('fed_report_config').selectAll().executeTakeFirstOrThrow();
    expect(`${row.token_cipher}${row.hmac_cipher}`).not.toMatch(/token-420281|hmac-secret/);
    const audit = await A.database.db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('action', '=', 'federation.report_up.configure')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });
});

describe('report-up by HTTP push', () => {
  it('keeps its watermark while the receiver is down, then delivers every record once', async () => {
    for (let i = 0; i < 3; i++) {
      const made = await api('inspector').post('/api/cases', {
        matterCode: '09006',
        description: `占道经营 第${i + 1}处`,
        ...POINT,
      });
      expect(made.statusCode, made.body).toBe(201);
    }
    A.clock.advance(86_400_000);
    for (const u of ['admin', 'shiftleader'] as const)
      s[u] = await login(A.app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');

    // down: nothing delivered, the watermark stays, the error and the back-off are kept
    const test = await api('admin').post('/api/federation/report-up/test', {});
    expect(test.json()).toMatchObject({ ok: false, status: null });
    expect(await job()).toMatchObject({ records: 0, months: 0 });
    const down = await cursorOf('day');
    expect(down).toMatchObject({ last: null, attempts: 1 });
    expect(down.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    expect(down.nextAttemptAt > A.clock.now().toISOString()).toBe(true);
    expect((await overview()).runs[0]).toMatchObject({ channel: 'push', ok: false });

    // a 503 is a failure too: the watermark moves only on a 2xx
    await startReceiver();
    received.answer = 503;
    A.clock.advance(2 * 60_000);
    expect(await job()).toMatchObject({ records: 0 });
    expect(await cursorOf('day')).toMatchObject({ last: null, attempts: 2 });
    expect((await cursorOf('day')).lastError).toMatch(/HTTP 503/);

    // up: the scheduled run waits out the back-off, then posts
    received.answer = 200;
    expect(await job()).toMatchObject({ records: 0 });
    expect(received.posts).toBe(0);
    A.clock.advance(5 * 60_000);
    const sent = await job();
    expect(sent.records).toBeGreaterThanOrEqual(3);
    expect(sent.months).toBe(1);
    expect(received.problems).toEqual([]);
    expect(await cursorOf('day')).toMatchObject({ last: '2024-03-12', attempts: 0, lastError: null });
    expect(await cursorOf('month')).toMatchObject({ last: '2024-02', attempts: 0 });
    const caseKeys = [...received.byKey.keys()].filter((k) => !k.includes(':month:'));
    expect(caseKeys).toHaveLength(sent.records);
    // batches of two: more posts than one per day
    expect(received.kinds.filter((k) => k === 'cases').length).toBe(Math.ceil(sent.records / 2));
    const month = received.byKey.get('420281:month:2024-02') as Record<string, unknown>;
    expect(month).toMatchObject({ month: '2024-02', totals: expect.any(Object), byStatus: expect.any(Object) });

    // nothing new: the next run posts nothing
    const before = received.posts;
    expect(await job()).toMatchObject({ records: 0, months: 0 });
    expect(received.posts).toBe(before);
  });

  it('re-sends a day after a crash without duplicates at a receiver that deduplicates by key', async () => {
    const keys = new Set(received.byKey.keys());
    const before = received.posts;
    const again = await api('admin').post('/api/federation/report-up/run', { from: '2024-03-12' });
    expect(again.statusCode, again.body).toBe(200);
    expect(received.posts).toBeGreaterThan(before);
    expect(new Set(received.byKey.keys())).toEqual(keys);
    expect(received.problems).toEqual([]);
    expect((await overview()).cursors.find((c: { kind: string }) => c.kind === 'day').last).toBe('2024-03-12');
    const ping = await api('admin').post('/api/federation/report-up/test', {});
    expect(ping.json()).toMatchObject({ ok: true, status: 200 });
  });

  it('writes the monthly statistics file in its schema when files are on too', async () => {
    const put = await api('admin').put('/api/federation/report-up/config', {
      mode: 'both',
      endpoint: `http://127.0.0.1:${port}/report-up`,
    });
    expect(put.json().config).toMatchObject({ mode: 'both', hasToken: true, hasSecret: true });
    const run = await api('admin').post('/api/federation/report-up/run', {});
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().files).toContain('420281/month-2024-02.json');
    const file = JSON.parse(
      readFileSync(join(A.config.dataDir, 'report-up', '420281', 'month-2024-02.json'), 'utf8'),
    ) as ReportUpMonthFile;
    expect(ajv.validate(ReportUpMonthFile, file), JSON.stringify(ajv.errors)).toBe(true);
    expect(file.statistics.key).toBe('420281:month:2024-02');
    const csv = readFileSync(join(A.config.dataDir, 'report-up', '420281', 'month-2024-02.csv'), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'dimension,member,reported,filed,needClose,closed,closedOnTime',
    );
  });
});
