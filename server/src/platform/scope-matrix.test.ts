import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../testing/case-loop.ts';
import { as, createTestApp, firstSignIn, type Session, type TestContext } from '../testing/test-app.ts';

/**
 * One visibility rule for cases (decision 0001, docs/security.md "Visibility of cases to staff"): for every shape
 * of grant, every way of listing cases — the inbox list, its counts, the .xlsx export, the KPI drill-down and case
 * lists, the duplicates of a case — names exactly the cases the detail route opens, and the detail route opens
 * exactly the cases the grants describe (a grant's unit AND region; several grants OR'ed).
 *
 * Nine cases sit in three clusters: street A community A1, street A community A2, street B. Each cluster has one
 * case with unit U1, one with unit U2 and one not yet dispatched; every case is escalated once (督办) so the KPI
 * escalated list holds them all.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string | Session) => as(ctx.app, typeof who === 'string' ? (s[who] ?? null) : who);

interface Place {
  id: string;
  caseNo: string;
  status: string;
  unit: string | null;
  street: string | null;
  community: string | null;
}
interface GrantSpec {
  role: 'leader';
  unitId?: string;
  regionId?: string;
}
const cases: Place[] = [];
const where = { U1: '', U2: '', A: '', A1: '', A2: '', B: '' };

/** The rule as the decision record words it, written independently of the server's code. */
const reaches = (grants: readonly GrantSpec[], c: Place) =>
  grants.some(
    (g) => (!g.unitId || c.unit === g.unitId) && (!g.regionId || c.street === g.regionId || c.community === g.regionId),
  );

async function centreOfGrid(street: string, notCommunity?: string, community?: string) {
  let q = ctx.database.db
    .selectFrom('grids')
    .select(['min_lng', 'min_lat', 'max_lng', 'max_lat', 'street_id', 'community_id'])
    .where('street_id', '=', street);
  if (notCommunity) q = q.where('community_id', '!=', notCommunity);
  if (community) q = q.where('community_id', '=', community);
  const g = await q.orderBy('code').executeTakeFirstOrThrow();
  return { lng: (g.min_lng + g.max_lng) / 2, lat: (g.min_lat + g.max_lat) / 2 };
}

async function reportAt(point: { lng: number; lat: number }, unitId: string | null, label: string): Promise<Place> {
  const res = await api('inspector').post('/api/cases', {
    matterCode: '09006',
    description: `可见范围测试 ${label}`,
    ...point,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (unitId) {
    await step(ctx.app, s, 'operator', id, { action: 'accept' });
    const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
    await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
    await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId });
  }
  await step(ctx.app, s, 'leader', id, { action: 'escalate', note: '督办' });
  const row = await ctx.database.db
    .selectFrom('cases')
    .select(['case_no', 'status', 'unit_id', 'street_id', 'community_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id,
    caseNo: row.case_no,
    status: row.status,
    unit: row.unit_id,
    street: row.street_id,
    community: row.community_id,
  };
}

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as {
    id: string;
    code: string;
    active: boolean;
  }[];
  where.U1 = units.find((u) => u.code === 'SANITATION')!.id;
  where.U2 = units.find((u) => u.active && !['SANITATION', 'OFFICE', 'BUREAU', 'COMMAND'].includes(u.code))!.id;
  // A street with two communities, and another street.
  const pairs = await ctx.database.db
    .selectFrom('grids')
    .select(['street_id', 'community_id'])
    .distinct()
    .orderBy('street_id')
    .orderBy('community_id')
    .execute();
  const byStreet = new Map<string, string[]>();
  for (const p of pairs) byStreet.set(p.street_id, [...(byStreet.get(p.street_id) ?? []), p.community_id]);
  const streetA = [...byStreet.entries()].find(([, list]) => list.length >= 2)![0];
  const streetB = [...byStreet.keys()].find((k) => k !== streetA)!;
  const [a1, a2] = byStreet.get(streetA)!;
  const clusters = [
    ['A1', await centreOfGrid(streetA, undefined, a1)],
    ['A2', await centreOfGrid(streetA, a1, a2)],
    ['B', await centreOfGrid(streetB)],
  ] as const;
  for (const [name, point] of clusters) {
    for (const [unitName, unitId] of [
      ['U1', where.U1],
      ['U2', where.U2],
      ['none', null],
    ] as const)
      cases.push(await reportAt(point, unitId, `${name}-${unitName}`));
  }
  // The regions the cases actually landed in (the locator decides), and that the layout is the one described.
  [where.A, where.A1] = [cases[0]!.street!, cases[0]!.community!];
  where.A2 = cases[3]!.community!;
  where.B = cases[6]!.street!;
  expect(cases[3]!.street).toBe(where.A);
  expect(new Set([where.A1, where.A2]).size).toBe(2);
  expect(where.B).not.toBe(where.A);
}, 180_000);
afterAll(async () => ctx.close());

async function signIn(username: string, grants: readonly GrantSpec[]): Promise<Session> {
  const created = await api('admin').post('/api/org/users', {
    username,
    displayName: username,
    password: 'Scope#2024x',
    grants,
  });
  expect(created.statusCode, created.body).toBe(201);
  return firstSignIn(ctx.app, username, 'Scope#2024x', 'Chosen#2024xy');
}

async function caseNosOfExport(me: Session): Promise<string[]> {
  const res = await api(me).get('/api/exports/cases.xlsx?inbox=all');
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const rows: string[] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) rows.push(String(row.getCell(1).value));
  });
  return rows;
}

const sorted = (list: Iterable<string>) => [...list].sort();
const idsOf = (body: { items: { id: string }[] }) => sorted(body.items.map((i) => i.id));

const SHAPES: Record<string, () => GrantSpec[]> = {
  unrestricted: () => [{ role: 'leader' }],
  'unit only': () => [{ role: 'leader', unitId: where.U1 }],
  'region: street': () => [{ role: 'leader', regionId: where.A }],
  'region: community': () => [{ role: 'leader', regionId: where.A1 }],
  'unit and region': () => [{ role: 'leader', unitId: where.U1, regionId: where.A }],
  'two grants': () => [
    { role: 'leader', unitId: where.U2, regionId: where.B },
    { role: 'leader', regionId: where.A2 },
  ],
};

describe('lists, counts, export, KPI lists and duplicates show exactly what the detail route opens', () => {
  let n = 0;
  for (const [shape, grantsOf] of Object.entries(SHAPES)) {
    it(
      shape,
      async () => {
        const grants = grantsOf();
        const me = await signIn(`scope${(n += 1)}`, grants);
        const everything = (await api('admin').get('/api/cases?inbox=all&pageSize=200')).json().items as {
          id: string;
        }[];
        const opened: string[] = [];
        for (const c of everything) {
          const res = await api(me).get(`/api/cases/${c.id}`);
          expect([200, 404], res.body).toContain(res.statusCode);
          if (res.statusCode === 200) opened.push(c.id);
        }
        const detail = sorted(opened);
        // The detail route follows the written rule (the demo city has no other cases).
        expect(detail).toEqual(sorted(cases.filter((c) => reaches(grants, c)).map((c) => c.id)));
        expect(detail.length).toBeGreaterThan(0);

        expect(idsOf((await api(me).get('/api/cases?inbox=all&pageSize=200')).json()), 'list').toEqual(detail);

        const counts = (await api(me).get('/api/cases/counts')).json();
        const mine = cases.filter((c) => detail.includes(c.id));
        expect({ all: counts.all, reported: counts.reported, handling: counts.handling }, 'counts').toEqual({
          all: detail.length,
          reported: mine.filter((c) => c.status === 'reported').length,
          handling: mine.filter((c) => c.status === 'handling').length,
        });

        const byNo = new Map(cases.map((c) => [c.caseNo, c.id]));
        expect(sorted((await caseNosOfExport(me)).map((no) => byNo.get(no) ?? no)), 'export').toEqual(detail);

        const subject = grants.every((g) => !g.unitId && !g.regionId)
          ? 'tenant'
          : grants.some((g) => g.unitId)
            ? 'unit'
            : 'street';
        const period = 'period=month&at=2024-03';
        const drill = await api(me).get(`/api/kpi/drill?${period}&subject=${subject}&counter=reported&pageSize=200`);
        expect(drill.statusCode, drill.body).toBe(200);
        expect(idsOf(drill.json()), 'KPI drill-down').toEqual(detail);
        const escalated = await api(me).get('/api/kpi/lists/escalated?pageSize=200');
        expect(idsOf(escalated.json()), 'KPI escalated list').toEqual(detail);

        // A member's figures count only cases the caller opens, and agree with that member's drill-down.
        const figures = (await api(me).get(`/api/kpi?${period}&subject=${subject}`)).json();
        for (const row of figures.rows as { id: string; counts: { reported: number } }[]) {
          const behind = (
            await api(me).get(
              `/api/kpi/drill?${period}&subject=${subject}&counter=reported&pageSize=200${subject === 'tenant' ? '' : `&id=${row.id}`}`,
            )
          ).json();
          expect(behind.total, `figures of ${row.id}`).toBe(row.counts.reported);
          expect(
            idsOf(behind).every((id) => detail.includes(id)),
            `figures of ${row.id}`,
          ).toBe(true);
        }

        for (const id of detail) {
          const all = (await api('admin').get(`/api/cases/${id}/duplicates`)).json() as { id: string }[];
          const seen = (await api(me).get(`/api/cases/${id}/duplicates`)).json() as { id: string }[];
          expect(sorted(seen.map((d) => d.id)), `duplicates of ${id}`).toEqual(
            sorted(all.map((d) => d.id).filter((d) => detail.includes(d))),
          );
        }
      },
      120_000,
    );
  }

  it("a grant naming a unit and a region reaches neither the whole unit's nor the whole region's figures", async () => {
    const me = await signIn('scopefigures', [{ role: 'leader', unitId: where.U1, regionId: where.A }]);
    for (const subject of ['unit', 'street']) {
      const res = await api(me).get(`/api/kpi?period=month&at=2024-03&subject=${subject}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().rows, subject).toEqual([]);
    }
    expect((await api(me).get(`/api/kpi?period=month&at=2024-03&subject=unit&id=${where.U1}`)).statusCode).toBe(404);
  });
});
