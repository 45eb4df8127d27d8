import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainKeys } from '../../platform/chain-keys.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { seededMatters } from '../catalog/index.ts';
import { loadCaseHistory, type HistoryCase, type HistoryStep } from '../cases/index.ts';
import { seededPlaces } from '../geo/index.ts';

/**
 * 案卷 month batches: a month of more than 200 closed cases is printed off the request into a zip of one PDF per
 * case, under the requester's scope, with progress; a run whose runner died is taken up again where it stopped.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
const MONTH = '2024-02';
const OWN = 203;
const OTHER = 3;
const caseNos = { own: [] as string[], other: [] as string[] };

async function loadMonth(handlerUnit: string, otherUnit: string) {
  const { db } = ctx.database;
  const me = (await api('admin').get('/api/auth/me')).json().user;
  const tenant = { id: me.tenantId as string, code: me.tenantCode as string };
  const tenantId = tenant.id;
  const calendar = await ctx.app.services.calendar.forTenant(tenantId);
  const matter = (await seededMatters(db, tenantId)).find((m) => m.conditions.length > 0)!;
  const condition = matter.conditions[0]!;
  const places = await seededPlaces(db, tenantId, 5, () => 0.5);
  const plan = (unitId: string, i: number): HistoryCase => {
    const t0 = Date.parse('2024-02-05T01:00:00Z') + i * 600_000;
    const steps: HistoryStep[] = (
      ['report', 'accept', 'file', 'dispatch', 'report_back', 'send_check', 'check_pass', 'close'] as const
    ).map((action, k) => ({ action, at: new Date(t0 + k * 60_000), actor: null }));
    return {
      channel: 'public',
      matter: { code: matter.code, name: matter.name },
      description: `批量案卷 ${unitId === handlerUnit ? '本单位' : '他单位'} ${i}`,
      address: null,
      place: places[i % places.length]!,
      reporterId: null,
      reporterName: null,
      reporterPhone: null,
      filing: {
        conditionId: condition.id,
        condition: condition.condition,
        limit: { value: condition.limitValue, unit: condition.limitUnit as 'work_days' },
      },
      unitId,
      handlerId: null,
      inspectorId: null,
      steps,
    };
  };
  const cases = [
    ...Array.from({ length: OWN }, (_, i) => plan(handlerUnit, i)),
    ...Array.from({ length: OTHER }, (_, i) => plan(otherUnit, OWN + i)),
  ];
  const key = new ChainKeys(ctx.config.audit.keys).current;
  await loadCaseHistory(ctx.database, tenant, calendar, key, cases);
  const rows = await db
    .selectFrom('cases')
    .select(['case_no', 'unit_id'])
    .where('description', 'like', '批量案卷 %')
    .where('status', '=', 'closed')
    .execute();
  for (const r of rows) (r.unit_id === handlerUnit ? caseNos.own : caseNos.other).push(r.case_no);
}

async function zipOf(who: string, batchId: string) {
  const res = await api(who).get(`/api/dossiers/batches/${batchId}/file`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  const zip = await JSZip.loadAsync(res.rawPayload);
  return Object.values(zip.files).filter((f) => !f.dir);
}

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const me = (await api('handler').get('/api/auth/me')).json();
  const handlerUnit = me.user.unitId ?? me.grants.find((g: { unitId: string | null }) => g.unitId).unitId;
  const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as { id: string }[];
  await loadMonth(handlerUnit, units.find((u) => u.id !== handlerUnit)!.id);
}, 120_000);
afterAll(async () => ctx.close());

describe('案卷 month batch', () => {
  it('prints a month of more than 200 closed cases, only those of the requester’s unit, with progress', async () => {
    expect(caseNos.own.length).toBe(OWN);
    expect(caseNos.other.length).toBe(OTHER);
    const started = await api('handler').post('/api/dossiers/batches', { month: MONTH });
    expect(started.statusCode, started.body).toBe(202);
    const batch = started.json();
    expect(started.headers.location).toBe(`/api/dossiers/batches/${batch.id}`);
    // the card finds it again after a page reload; nobody else does
    const latest = await api('handler').get('/api/dossiers/batches/latest');
    expect([latest.statusCode, latest.json().batch?.id]).toEqual([200, batch.id]);
    expect((await api('leader').get('/api/dossiers/batches/latest')).json()).toEqual({ batch: null });

    // progress only moves forward, through values between nothing and everything, to the whole month
    const seen: number[] = [];
    for (;;) {
      const b = (await api('handler').get(`/api/dossiers/batches/${batch.id}`)).json();
      seen.push(b.progress.casesDone);
      if (b.status === 'succeeded' || b.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await ctx.app.services.dossierBatches.idle();
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.some((n) => n > 0 && n < OWN)).toBe(true);
    const done = (await api('handler').get(`/api/dossiers/batches/${batch.id}`)).json();
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.progress).toEqual({ casesDone: OWN, casesTotal: OWN });
    expect(done.download).toBe(`/api/dossiers/batches/${batch.id}/file`);

    // another user does not see the batch
    expect((await api('leader').get(`/api/dossiers/batches/${batch.id}`)).statusCode).toBe(404);

    const files = await zipOf('handler', batch.id);
    expect(files.length).toBe(OWN);
    const names = files.map((f) => f.name).join('\n');
    const texts = await Promise.all(files.map(async (f) => pdfText(await f.async('nodebuffer'))));
    for (const no of caseNos.own) {
      expect(names).toContain(no);
      expect(
        texts.some((t) => t.includes(no)),
        no,
      ).toBe(true);
    }
    for (const no of caseNos.other) expect(names).not.toContain(no);

    // downloadable once
    const again = await api('handler').get(`/api/dossiers/batches/${batch.id}/file`);
    expect(again.statusCode).toBe(409);
    expect((await api('handler').get(`/api/dossiers/batches/${batch.id}`)).json().status).toBe('downloaded');
  }, 300_000);

  it('refuses a bad month and a unit outside the requester’s scope before any work', async () => {
    const bad = await api('leader').post('/api/dossiers/batches', { month: '2024-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.month');
    const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as { id: string }[];
    const me = (await api('handler').get('/api/auth/me')).json();
    const own = me.grants.find((g: { unitId: string | null }) => g.unitId).unitId;
    const elsewhere = await api('handler').post('/api/dossiers/batches', {
      month: MONTH,
      unitId: units.find((u) => u.id !== own)!.id,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain('body.unitId');
    expect((await as(ctx.app, null).post('/api/dossiers/batches', { month: MONTH })).statusCode).toBe(401);
  });

  it('takes up a batch whose runner died where it stopped, and fails one that died too often with its reason', async () => {
    const { db } = ctx.database;
    const otherUnit = (
      await db.selectFrom('cases').select('unit_id').where('case_no', '=', caseNos.other[0]!).executeTakeFirstOrThrow()
    ).unit_id!;
    const res = await api('leader').post('/api/dossiers/batches', { month: MONTH, unitId: otherUnit });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id;
    await ctx.app.services.dossierBatches.idle();
    // as if the process had stopped after the first case: running under a lease nobody renews
    const past = new Date(ctx.clock.now().getTime() - 1000).toISOString();
    await db
      .updateTable('dossier_batches')
      .set({ status: 'running', cases_done: 1, lease_owner: 'stopped', lease_until: past, finished_at: null })
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('dossier_batch_files').where('batch_id', '=', id).where('seq', '>=', 1).execute();
    expect((await api('leader').get(`/api/dossiers/batches/${id}`)).json().progress.casesDone).toBe(1);
    await ctx.app.services.dossierBatches.resume(ctx.clock.now());
    const resumed = (await api('leader').get(`/api/dossiers/batches/${id}`)).json();
    expect(resumed.status).toBe('succeeded');
    expect(resumed.progress).toEqual({ casesDone: OTHER, casesTotal: OTHER });
    const files = await zipOf('leader', id);
    expect(
      files
        .map((f) => f.name)
        .sort()
        .join('\n'),
    ).toBe(
      caseNos.other
        .map((no, i) => `案卷-${MONTH}-${otherUnit.slice(-6)}/${String(i + 1).padStart(4, '0')}-${no}.pdf`)
        .sort()
        .join('\n'),
    );

    // a batch whose runner died on every attempt is failed, with the reason, instead of tried forever
    const second = (await api('leader').post('/api/dossiers/batches', { month: MONTH, unitId: otherUnit })).json();
    await ctx.app.services.dossierBatches.idle();
    await db
      .updateTable('dossier_batches')
      .set({ status: 'running', attempts: 3, lease_owner: 'stopped', lease_until: past })
      .where('id', '=', second.id)
      .execute();
    await ctx.app.services.dossierBatches.resume(ctx.clock.now());
    const failed = (await api('leader').get(`/api/dossiers/batches/${second.id}`, { 'accept-language': 'en' })).json();
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe('DOSSIER_BATCH_ABANDONED');
    expect(failed.download).toBeNull();
  });
});
