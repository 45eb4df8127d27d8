import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../../../../common/contracts/catalog.ts';
import type { ImportJob } from '../../../../common/contracts/imports.ts';

import { newId } from '../../platform/ids.ts';

import { Scheduler } from '../../platform/scheduler.ts';
import { waitForImport } from '../../testing/imports.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { importsResumeJob } from './index.ts';
import { buildStandardsWorkbook, createTenant } from '../../testing/app-parts.ts';

/** Imports as jobs (docs/imports.md): 202 + Location, progress, outcome, resume after a dead runner, visibility. */
let ctx: TestContext;
let operator: Session;
let inspector: Session;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  operator = await login(ctx.app, 'operator', 'Demo@12345');
  inspector = await login(ctx.app, 'inspector', 'Demo@12345');
  admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

const HEADER = ['工单编号', '诉求人', '联系电话', '诉求内容', '地址', '办理时限', '紧急程度'];
async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('工单');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const csv = (lines: string[]) => Buffer.from(`\uFEFF${[HEADER.join(','), ...lines].join('\r\n')}\r\n`);
const submit = (file: Buffer, type = XLSX_MIME, session = operator) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/hotline/orders/import?source=12345',
    payload: file,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': type },
  });
const orders = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('hotline_orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const jobRow = (id: string) =>
  ctx.database.db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('an import job', () => {
  it("answers 202 with the job and its Location, then succeeds with the import's result and the rows counted", async () => {
    const before = await orders();
    const res = await submit(
      await workbook([
        ['JOB-001', null, null, '路灯不亮', '金湖大道', null, '一般'],
        ['JOB-002', null, null, '井盖缺失', null, null, '特急'],
        ['JOB-003', null, null, '占道经营', null, null, null],
      ]),
    );
    expect(res.statusCode, res.body).toBe(202);
    const accepted = res.json() as ImportJob;
    expect(res.headers.location).toBe(`/api/imports/${accepted.id}`);
    expect(accepted).toMatchObject({ kind: 'hotline.orders', params: { source: '12345' }, result: null, error: null });
    expect(['queued', 'running', 'succeeded']).toContain(accepted.status);
    const job = await waitForImport(ctx.app, operator, res);
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { source: '12345', imported: 3, skipped: [] },
      progress: { rowsDone: 3, rowsTotal: 3 },
      error: null,
    });
    expect(job.finishedAt).not.toBeNull();
    expect(await orders()).toBe(before + 3);
    // The upload is not kept once the job has ended.
    expect((await jobRow(job.id)).payload).toBeNull();
  });

  it('fails with the row and field messages, writes nothing, and reports how far it read', async () => {
    const before = await orders();
    const job = await waitForImport(
      ctx.app,
      operator,
      await submit(
        await workbook([
          ['JOB-BAD-1', null, 'abc', '路灯不亮', null, null, null],
          ['JOB-BAD-2', null, null, null, null, null, '很急'],
        ]),
      ),
      'en',
    );
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'HOTLINE_IMPORT_INVALID', status: 400, message: expect.any(String) });
    expect((job.error?.details as { row: number; field: string }[]).map((d) => `${d.row}:${d.field}`)).toEqual([
      '2:联系电话',
      '3:诉求内容',
      '3:紧急程度',
    ]);
    expect(job.progress).toEqual({ rowsDone: 2, rowsTotal: 2 });
    expect(job.result).toBeNull();
    expect(await orders()).toBe(before);
  });

  it('runs several uploads sent at once, each to its own end (beyond two at a time they wait their turn)', async () => {
    const files = await Promise.all(
      [1, 2, 3, 4].map((n) => workbook([[`JOB-MANY-${n}`, null, null, '道路积水', null, null, null]])),
    );
    const accepted = await Promise.all(files.map((f) => submit(f)));
    for (const res of accepted) expect(res.statusCode, res.body).toBe(202);
    const jobs = await Promise.all(accepted.map((res) => waitForImport(ctx.app, operator, res)));
    expect(jobs.map((j) => [j.status, j.result])).toEqual(
      files.map(() => ['succeeded', { source: '12345', imported: 1, skipped: [] }]),
    );
  });

  it('is listed for the console by kind, newest first, with the kinds the user may import only', async () => {
    const done = await waitForImport(ctx.app, operator, await submit(csv(['JOB-LIST-1,,,路面破损,,,']), 'text/csv'));
    const list = (await as(ctx.app, operator).get('/api/imports?kind=hotline.orders&pageSize=2')).json();
    expect(list.items[0].id).toBe(done.id);
    expect(list.total).toBeGreaterThanOrEqual(3);
    expect(list.items).toHaveLength(2);
    // The operator may not import 立结案标准: asking for that kind shows nothing.
    expect((await as(ctx.app, operator).get('/api/imports?kind=catalog.conditions')).json().total).toBe(0);
    // The administrator may not import work orders: none of them are listed.
    expect(
      (await as(ctx.app, admin).get('/api/imports')).json().items.filter((j: ImportJob) => j.kind === 'hotline.orders'),
    ).toEqual([]);
  });

  it("is the same 404 as a missing job for another tenant and for a user without the kind's permission", async () => {
    const job = await waitForImport(ctx.app, operator, await submit(csv(['JOB-404-1,,,路面破损,,,']), 'text/csv'));
    const missing = await as(ctx.app, operator).get(`/api/imports/${newId()}`);
    expect(missing.statusCode).toBe(404);
    await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '420203', name: '西塞山区' },
      { username: 'admin', password: 'Other#2024x' },
    );
    const otherAdmin = await login(ctx.app, 'admin', 'Other#2024x', '420203');
    for (const session of [inspector, admin, otherAdmin]) {
      const res = await as(ctx.app, session).get(`/api/imports/${job.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe(missing.json().error.code);
      expect(res.json().error.details).toEqual(missing.json().error.details);
    }
    // An inspector cannot start one either (refused before the body is read).
    expect((await submit(csv(['JOB-404-2,,,x,,,']), 'text/csv', inspector)).statusCode).toBe(403);
  });
});

describe('resume', () => {
  /** A job as a runner that died mid-way leaves it: running, lease expired. */
  async function abandoned(file: Buffer, over: { attempts?: number; leaseUntil?: string } = {}): Promise<string> {
    const id = newId();
    const user = await ctx.database.db
      .selectFrom('users')
      .select(['id', 'tenant_id'])
      .where('username', '=', 'operator')
      .executeTakeFirstOrThrow();
    const now = ctx.clock.now();
    await ctx.database.db
      .insertInto('import_jobs')
      .values({
        id,
        tenant_id: user.tenant_id,
        kind: 'hotline.orders',
        created_by: user.id,
        status: 'running',
        params: JSON.stringify({ source: '12345' }),
        payload: file.toString('base64'),
        payload_bytes: file.length,
        rows_done: 1,
        rows_total: null,
        result: null,
        error_code: null,
        error_status: null,
        error_details: null,
        attempts: over.attempts ?? 1,
        lease_owner: 'a-runner-that-died',
        lease_until: over.leaseUntil ?? new Date(now.getTime() - 1000).toISOString(),
        idempotency_key: null,
        request_hash: id,
        created_at: new Date(now.getTime() - 120_000).toISOString(),
        started_at: new Date(now.getTime() - 120_000).toISOString(),
        finished_at: null,
      })
      .execute();
    return id;
  }
  const sweep = () =>
    new Scheduler(ctx.database, ctx.clock, () => undefined).tick(importsResumeJob(ctx.app.services.imports));

  it("takes up a job whose runner died, under the scheduler's lease, and leaves a live runner's job alone", async () => {
    const before = await orders();
    const dead = await abandoned(await workbook([['JOB-RESUME-1', null, null, '垃圾满溢', null, null, null]]));
    const live = await abandoned(await workbook([['JOB-LIVE-1', null, null, '垃圾满溢', null, null, null]]), {
      leaseUntil: new Date(ctx.clock.now().getTime() + 60_000).toISOString(),
    });
    expect(await sweep()).toBe(true);
    const job = await waitForImport(ctx.app, operator, dead);
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { imported: 1 },
      progress: { rowsDone: 1, rowsTotal: 1 },
    });
    expect((await jobRow(dead)).attempts).toBe(2);
    expect(await orders()).toBe(before + 1);
    expect((await jobRow(live)).status).toBe('running');
    // Another sweep within the interval does not run: the scheduler's lease is held.
    expect(await sweep()).toBe(false);
  });

  it('deletes ended jobs after 90 days and keeps younger ones', async () => {
    const job = await waitForImport(ctx.app, operator, await submit(csv(['JOB-OLD-1,,,x,,,']), 'text/csv'));
    const day = 86_400_000;
    await ctx.database.db
      .updateTable('import_jobs')
      .set({ finished_at: new Date(ctx.clock.now().getTime() - 89 * day).toISOString() })
      .where('id', '=', job.id)
      .execute();
    expect((await ctx.app.services.imports.resume(ctx.clock.now())).purged).toBe(0);
    await ctx.database.db
      .updateTable('import_jobs')
      .set({ finished_at: new Date(ctx.clock.now().getTime() - 91 * day).toISOString() })
      .where('id', '=', job.id)
      .execute();
    await ctx.app.services.imports.resume(ctx.clock.now());
    expect((await as(ctx.app, operator).get(`/api/imports/${job.id}`)).statusCode).toBe(404);
  });

  it('gives up on a job whose runner died three times', async () => {
    const id = await abandoned(csv(['JOB-POISON-1,,,x,,,']), { attempts: 3 });
    await ctx.app.services.imports.resume(ctx.clock.now());
    const job = await waitForImport(ctx.app, operator, id);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'IMPORT_ABANDONED', status: 500 } });
  });

  it('a job re-run after its writes were committed answers the stored result instead of importing twice', async () => {
    const sheet = await conditionsSheet();
    const job = await waitForImport(
      ctx.app,
      admin,
      await ctx.app.inject({
        method: 'POST',
        url: '/api/catalog/conditions/import?mode=append',
        payload: sheet,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': XLSX_MIME },
      }),
    );
    expect(job).toMatchObject({ status: 'succeeded', result: { mode: 'append', imported: 1 } });
    const conditions = await ctx.database.db
      .selectFrom('filing_conditions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // As if the runner died between its commit and recording the outcome.
    await ctx.database.db
      .updateTable('import_jobs')
      .set({
        status: 'running',
        payload: sheet.toString('base64'),
        result: null,
        finished_at: null,
        lease_owner: 'dead',
        lease_until: new Date(0).toISOString(),
      })
      .where('id', '=', job.id)
      .execute();
    await ctx.app.services.imports.resume(ctx.clock.now());
    const rerun = await waitForImport(ctx.app, admin, job.id);
    expect(rerun, JSON.stringify(rerun.error)).toMatchObject({
      status: 'succeeded',
      result: { mode: 'append', imported: 1 },
    });
    expect(
      await ctx.database.db
        .selectFrom('filing_conditions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(conditions);
  });
});

async function conditionsSheet(): Promise<Buffer> {
  return buildStandardsWorkbook([
    {
      类型: '事项',
      大类: '街面秩序类',
      小类: '占道经营',
      立案条件: '作业重跑条件',
      处置时限: '2紧急工作时',
      结案条件: '取缔',
      处置单位: '城管执法大队',
    },
  ]);
}
