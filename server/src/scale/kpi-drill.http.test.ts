import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../../bench/generate-cases.ts';
import { KPI_COUNTERS, REPORT_DAY_COUNTERS, type KpiCounter, type KpiSubject } from '../../../common/domain/kpi.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrations/index.ts';
import { seedDemoCity } from '../seed/demo-city.ts';
import { FixedClock } from '../platform/clock.ts';
import { openDatabase } from '../platform/db.ts';
import type { Actor } from '../modules/auth/index.ts';
import { staffSessions, step } from '../testing/case-loop.ts';
import { as, type Session, type TestApp } from '../testing/test-app.ts';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../testing/test-db.ts';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.ts';
import { refreshStatistics } from '../platform/db-statistics.ts';
import { captureStatements, explainStatement } from '../testing/query-plans.ts';
import {
  createKpiService,
  kpiCaseFilter as caseFilter,
  PER_OCCURRENCE_COUNTERS,
  USER_COUNTERS,
  USER_ROLES,
} from '../modules/kpi/index.ts';

/**
 * The drill-down against the per-case truth. Its total comes from the daily roll-up for 0/1 counters and from the
 * facts for counters of occurrences (and for a scoped reader's whole scope); its pages walk an index. Whichever path
 * answers, the total and the pages must be what the facts say: the cases of the period whose counter is above zero,
 * within the member and the reader's scope, newest anchor day first, then by case id descending.
 * A bulk load gives a year and more of cases over every unit, grid and street; one case driven by hand is checked
 * twice (返工), so a per-occurrence counter sums to more than its cases.
 */
/** A counter's fact column: its name in snake_case (db/schema-kpi.ts). */
const col = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const NOW = new Date('2024-03-12T02:00:00.000Z');
const PAGE = 7;
let database: TestDatabase;
let dir: string | null = null;
let dataDir: string;
let app: TestApp;
let s: Record<string, Session>;
let tenantId: string;
let leader: Actor;
let unitManager: Actor;
let facts: Record<string, unknown>[];
let visibleToUnitManager: Set<string>;

const MEMBER_COLUMN: Partial<Record<KpiSubject, string>> = {
  street: 'street_id',
  community: 'community_id',
  grid: 'grid_code',
  unit: 'unit_id',
};
const ROLE_COLUMN: Record<(typeof USER_ROLES)[number], string> = {
  reporter: 'reporter_id',
  acceptor: 'acceptor_id',
  verifier: 'verifier_id',
  filer: 'filer_id',
  dispatcher: 'dispatcher_id',
  checkSender: 'check_sender_id',
  checker: 'checker_id',
  closer: 'closer_id',
};
const POST_OF_ROLE: Record<(typeof USER_ROLES)[number], KpiSubject> = {
  reporter: 'inspector',
  acceptor: 'operator',
  verifier: 'inspector',
  filer: 'shiftLeader',
  dispatcher: 'dispatcher',
  checkSender: 'operator',
  checker: 'inspector',
  closer: 'shiftLeader',
};

async function reworkedCase() {
  const api = (who: string) => as(app, s[who] ?? null);
  const sanitationId = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0].id;
  const inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id;
  const res = await api('inspector').post('/api/cases', {
    matterCode: '09006',
    description: '返工两次核查',
    lng: 114.975,
    lat: 30.1,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await step(app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  await step(app, s, 'dispatcher', id, { action: 'dispatch', unitId: sanitationId });
  for (const pass of [false, true]) {
    await step(app, s, 'handler', id, { action: 'report_back', note: '已处置' });
    await step(app, s, 'operator', id, { action: 'send_check', userId: inspectorId });
    await step(app, s, 'inspector', id, pass ? { action: 'check_pass' } : { action: 'check_fail', note: '未清理干净' });
  }
}

async function actorOf(username: string): Promise<Actor> {
  const user = await database.db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = await app.services.auth.actorFor(tenantId, user.id, 'drill-test');
  if (!actor) throw new Error(`no actor ${username}`);
  return actor;
}

beforeAll(async () => {
  const clock = new FixedClock(NOW);
  if (TEST_DIALECT === 'sqlite') {
    // A file, not memory: the bench's bulk writer loads through its own connection.
    dir = makeTempDir('cityloop-drill-');
    const url = `sqlite:${join(dir, 'drill.db')}`;
    const opened = openDatabase(url);
    await migrateToLatest(opened.db);
    database = { ...opened, url, schema: null };
  } else {
    database = await createTestDatabase();
  }
  await seedDemoCity(database.db, clock);
  await generateCases({ url: database.url, schema: database.schema, cases: 1500, now: NOW, spanDays: 450 });
  dataDir = makeTempDir('cityloop-drill-data-');
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: join(dataDir, 'no-web') });
  app = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  s = await staffSessions(app);
  tenantId = (
    await database.db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow()
  ).id;
  await reworkedCase();
  await app.services.kpi.rollup.drain(tenantId, 1000);
  leader = await actorOf('leader');
  unitManager = await actorOf('unitmanager');
  facts = (await database.db
    .selectFrom('kpi_case_facts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .execute()) as unknown as Record<string, unknown>[];
  const filter = caseFilter(unitManager);
  expect(filter, 'the unit manager reads a scope, not the whole city').not.toBeNull();
  visibleToUnitManager = new Set(
    (
      await database.db
        .selectFrom('cases as c')
        .select('c.id')
        .where('c.tenant_id', '=', tenantId)
        .$call((q) => (filter ? q.where(filter) : q))
        .execute()
    ).map((r) => r.id),
  );
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dir) removeTempDir(dir);
  if (dataDir) removeTempDir(dataDir);
});

interface Drill {
  subject: KpiSubject;
  id?: string;
  counter: KpiCounter;
  from: string;
  to: string;
}

/** The per-case truth: the facts behind the counter, in the drill-down's order. */
function truth(q: Drill, visible: Set<string> | null) {
  const day = REPORT_DAY_COUNTERS.includes(q.counter) ? 'report_day' : 'filed_day';
  const roleColumn = USER_ROLES.filter((r) => USER_COUNTERS[r].includes(q.counter)).map((r) => ROLE_COLUMN[r])[0];
  const memberColumn = q.id === undefined ? null : (MEMBER_COLUMN[q.subject] ?? roleColumn ?? null);
  const rows = facts.filter((f) => {
    const d = f[day] as string | null;
    return (
      d !== null &&
      d >= q.from &&
      d <= q.to &&
      Number(f[col(q.counter)]) > 0 &&
      (memberColumn === null || f[memberColumn] === q.id) &&
      (visible === null || visible.has(f.case_id as string))
    );
  });
  rows.sort((a, b) => {
    const da = a[day] as string;
    const db = b[day] as string;
    if (da !== db) return da < db ? 1 : -1;
    return (a.case_id as string) < (b.case_id as string) ? 1 : -1;
  });
  return {
    total: rows.length,
    sum: rows.reduce((n, f) => n + Number(f[col(q.counter)]), 0),
    ids: rows.map((f) => f.case_id as string),
  };
}

async function drill(actor: Actor, q: Drill, page: number) {
  return app.services.kpi.drill(actor, {
    period: 'custom',
    from: q.from,
    to: q.to,
    subject: q.subject,
    ...(q.id !== undefined ? { id: q.id } : {}),
    counter: q.counter,
    page,
    pageSize: PAGE,
  });
}

/** Total, first page, second page and the last (partial) page against the truth. */
async function expectTruth(actor: Actor, q: Drill, visible: Set<string> | null) {
  const want = truth(q, visible);
  const label = `${q.subject} ${q.id ?? '(all)'} ${q.counter} ${q.from}…${q.to}`;
  const first = await drill(actor, q, 1);
  expect(first.total, label).toBe(want.total);
  expect(
    first.items.map((i) => i.id),
    label,
  ).toEqual(want.ids.slice(0, PAGE));
  const second = await drill(actor, q, 2);
  expect(
    second.items.map((i) => i.id),
    label,
  ).toEqual(want.ids.slice(PAGE, 2 * PAGE));
  const lastPage = Math.max(1, Math.ceil(want.total / PAGE));
  if (lastPage > 2)
    expect(
      (await drill(actor, q, lastPage)).items.map((i) => i.id),
      label,
    ).toEqual(want.ids.slice((lastPage - 1) * PAGE));
  return want;
}

/** The member of a column with the most facts: the busiest unit, grid, street, … */
function busiest(column: string): string {
  const n = new Map<string, number>();
  for (const f of facts) if (f[column]) n.set(f[column] as string, (n.get(f[column] as string) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
}

const YEAR = { from: '2023-01-01', to: '2023-12-31' };
const MARCH = { from: '2024-03-01', to: '2024-03-31' };

describe('the drill-down against the per-case facts', () => {
  it('has the data it needs: a year of facts, 0/1 counters, and a counter of occurrences above one', () => {
    expect(facts.filter((f) => (f.report_day as string).startsWith('2023')).length).toBeGreaterThan(800);
    for (const k of KPI_COUNTERS.filter((c) => !PER_OCCURRENCE_COUNTERS.includes(c)))
      expect(
        facts.every((f) => [0, 1].includes(Number(f[col(k)]))),
        `${k} is 0 or 1 per case`,
      ).toBe(true);
    const march = truth({ subject: 'tenant', counter: 'needCheck', ...MARCH }, null);
    expect(march.sum, 'the reworked case counts two checks').toBeGreaterThan(march.total);
  });

  it('whole city, every counter, a year and a month', async () => {
    for (const period of [YEAR, MARCH])
      for (const counter of KPI_COUNTERS) await expectTruth(leader, { subject: 'tenant', counter, ...period }, null);
  });

  it('one unit, grid, street and community over a year, every counter', async () => {
    for (const subject of ['unit', 'grid', 'street', 'community'] as const) {
      const id = busiest(MEMBER_COLUMN[subject] as string);
      for (const counter of KPI_COUNTERS) await expectTruth(leader, { subject, id, counter, ...YEAR }, null);
    }
  });

  it('a member with nothing behind it answers an empty page and 0', async () => {
    const unit = busiest('unit_id');
    const none = await drill(
      leader,
      { subject: 'unit', id: unit, counter: 'reported', from: '2020-01-01', to: '2020-12-31' },
      1,
    );
    expect({ total: none.total, items: none.items }).toEqual({ total: 0, items: [] });
  });

  it('one person per post: the counters of their post over a year', async () => {
    for (const role of USER_ROLES) {
      const column = ROLE_COLUMN[role];
      if (!facts.some((f) => f[column])) continue;
      const id = busiest(column);
      for (const counter of USER_COUNTERS[role])
        await expectTruth(leader, { subject: POST_OF_ROLE[role], id, counter, ...YEAR }, null);
    }
  });

  it('a unit-scoped reader: their unit from the roll-up, their whole scope counted, both within their cases', async () => {
    const unit = unitManager.grants.find((g) => g.unitId)?.unitId as string;
    for (const period of [YEAR, MARCH])
      for (const counter of KPI_COUNTERS) {
        const mine = await expectTruth(
          unitManager,
          { subject: 'unit', id: unit, counter, ...period },
          visibleToUnitManager,
        );
        const scope = await expectTruth(unitManager, { subject: 'unit', counter, ...period }, visibleToUnitManager);
        expect(
          mine.ids.every((id) => visibleToUnitManager.has(id)),
          counter,
        ).toBe(true);
        expect(scope.total, counter).toBeGreaterThanOrEqual(mine.total);
      }
  });

  it("walks a member's own index for its pages once statistics are written (decision 0009)", async () => {
    await refreshStatistics(database.db);
    const capture = captureStatements(database.db);
    const kpi = createKpiService({ ...database, db: capture.db }, new FixedClock(NOW), app.services.settings);
    const unit = busiest('unit_id');
    const grid = busiest('grid_code');
    await kpi.drill(leader, { period: 'year', at: '2023', subject: 'unit', id: unit, counter: 'closed' });
    await kpi.drill(leader, { period: 'year', at: '2023', subject: 'grid', id: grid, counter: 'reported' });
    await kpi.drill(leader, { period: 'year', at: '2023', subject: 'tenant', counter: 'overdue' });
    const used = new Set<string>();
    for (const stmt of capture.statements.values()) {
      if (!/kpi_case_facts/.test(stmt.sql) || /count\(\*\)/.test(stmt.sql)) continue;
      for (const step of (await explainStatement(database, stmt)).steps)
        if (step.table === 'kpi_case_facts') used.add(/(kpi_facts_\w+)/.exec(step.access)?.[1] ?? step.access);
    }
    expect([...used].sort()).toEqual(
      ['kpi_facts_filed_day_page', 'kpi_facts_grid_code_report_day', 'kpi_facts_unit_id_filed_day'].sort(),
    );
  });
});
