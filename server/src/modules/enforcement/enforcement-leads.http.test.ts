import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { gpsMessage } from '../vehicles/index.ts';

/**
 * The enforcement lead intake over HTTP (docs/enforcement-leads.md) on the seeded demo city: a muck truck's recorded
 * night raises vehicle leads; referring one hands a 线索 to enforcement (once, with the track as evidence); 研判
 * decides 立案 (a case of source `lead`, prefilled) or 不予立案 with the reason; who may read and decide; bad input.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, s[who]!);
const ids: Record<string, string> = {};
const fixture = JSON.parse(readFileSync(new URL('../vehicles/fixtures/muck-night.json', import.meta.url), 'utf8')) as {
  points: [string, number, number, number, number][];
};
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
let vehicleLeads: Record<string, { id: string; version: number }> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['admin', 'officer', 'officer2', 'squadleader', 'handler', 'leader'])
    s[u] = await login(ctx.app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  for (const u of users) ids[u.username] = u.id;
  // a truck with no permit drives the recorded night: every finding becomes a vehicle lead
  const made = await api('admin').post('/api/vehicles', { code: 'L-ZT-01', plate: '鄂B·L0101', kind: 'muck' });
  expect(made.statusCode, made.body).toBe(201);
  const { vehicle, key } = made.json() as { vehicle: { id: string; topic: string }; key: string };
  const tenant = vehicle.topic.split('/')[1]!;
  const messages = fixture.points.map(([at, lng, lat, speed, heading], i) =>
    gpsMessage(
      { tenant, vehicle: 'L-ZT-01', key, seq: i, at: new Date(at) },
      { lng, lat, speedKmh: speed, headingDeg: heading },
    ),
  );
  const gps = await ctx.app.inject({
    method: 'POST',
    url: '/api/vehicles/gps',
    payload: { tenant, vehicle: 'L-ZT-01', messages },
  });
  expect(gps.statusCode, gps.body).toBe(200);
  const leads = (await api('admin').get(`/api/vehicles/leads?vehicleId=${vehicle.id}`)).json().items as {
    id: string;
    kind: string;
    version: number;
  }[];
  vehicleLeads = Object.fromEntries(leads.map((l) => [l.kind, l]));
}, 180_000);
afterAll(async () => ctx.close());

async function refer(kind: string) {
  const l = vehicleLeads[kind]!;
  const res = await api('officer').post(`/api/vehicles/leads/${l.id}/handle`, {
    state: 'referred',
    note: '移送执法中队研判',
    version: l.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  const list = (await api('officer').get('/api/enforcement/leads?status=pending&source=vehicles&pageSize=100')).json();
  return (list.items as { sourceId: string; id: string; version: number }[]).find((x) => x.sourceId === l.id)!;
}

describe('lead intake', () => {
  it('a referred vehicle lead arrives once as a pending lead with the track as evidence', async () => {
    const lead = await refer('outside_hours');
    expect(lead).toBeDefined();
    const one = (await api('leader').get(`/api/enforcement/leads/${lead.id}`)).json();
    expect(one).toMatchObject({
      source: 'vehicles',
      status: 'pending',
      matter: '渣土车非核准时段运输（鄂B·L0101）',
      // the template and its parameters, for a reader in another language
      matterCode: 'muck_truck',
      matterParams: { kind: 'outside_hours', plate: '鄂B·L0101' },
      originCaseId: null,
      occurredAt: '2024-03-11T12:00:00.000Z',
      submittedByName: '黄队员',
      caseId: null,
    });
    expect(one.leadNo).toMatch(/^XS2024\d{5}$/);
    expect(one.evidence).toEqual([
      expect.objectContaining({ kind: 'track', url: `/api/vehicles/leads/${vehicleLeads.outside_hours!.id}/evidence` }),
    ]);
    expect(one.evidence[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // the evidence link opens for whoever reads vehicles
    expect((await api('officer').get(one.evidence[0].url)).statusCode).toBe(200);
    // searching by plate and paging
    const found = (await api('officer').get('/api/enforcement/leads?q=L0101&pageSize=1')).json();
    expect(found).toMatchObject({ total: 1, pageSize: 1 });
  });

  it('立案 opens an ordinary case of source lead prefilled from it, in one step', async () => {
    const lead = await refer('speeding');
    const officers = [
      { userId: ids.officer!, certNo: '42028100101' },
      { userId: ids.officer2!, certNo: '42028100102' },
    ];
    const party = { kind: 'organisation', name: '示例渣土运输有限公司', creditCode: '91110000600037341L' };
    const res = await api('squadleader').post(`/api/enforcement/leads/${lead.id}/file`, {
      version: lead.version,
      violationCode: 'ztps',
      party,
      officers,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { lead: filed, case: opened } = res.json();
    expect(filed).toMatchObject({
      status: 'filed',
      caseId: opened.id,
      caseNo: opened.caseNo,
      decidedByName: '孙中队长',
    });
    expect(opened).toMatchObject({
      source: 'lead',
      sourceRef: filed.leadNo,
      violationOn: '2024-03-11',
      stage: 'filing',
    });
    expect(opened.facts).toContain('渣土车超速行驶');
    expect(opened.facts).toContain('/evidence');
    // a second decision is refused
    const again = await api('squadleader').post(`/api/enforcement/leads/${lead.id}/decline`, {
      version: filed.version,
      reason: '重复',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ENFORCEMENT_LEAD_DECIDED');
    // a case of source lead is never opened outside the intake
    const direct = await api('officer').post('/api/enforcement/cases', {
      procedure: 'ordinary',
      source: 'lead',
      violationCode: 'ztps',
      facts: '直接立案',
      violationOn: '2024-03-11',
      party,
      officers,
    });
    expect(direct.statusCode).toBe(400);
    expect(fields(direct.body)).toEqual(['body.source']);
  });

  it('不予立案 needs a reason and is audited', async () => {
    const lead = await refer('unknown_stop');
    const empty = await api('squadleader').post(`/api/enforcement/leads/${lead.id}/decline`, {
      version: lead.version,
      reason: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty.body)).toEqual(['body.reason']);
    const stale = await api('squadleader').post(`/api/enforcement/leads/${lead.id}/decline`, {
      version: lead.version + 5,
      reason: '装卸点为临时核准场地',
    });
    expect(stale.statusCode).toBe(409);
    const ok = await api('squadleader').post(`/api/enforcement/leads/${lead.id}/decline`, {
      version: lead.version,
      reason: '装卸点为临时核准场地',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'declined', reason: '装卸点为临时核准场地', caseId: null });
    const audit = (await api('admin').get('/api/audit?entity=enforcement_lead&pageSize=50')).json();
    const actions = (audit.items as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['enforcement_lead.submit', 'enforcement_lead.decline']));
    const declined = (await api('officer').get('/api/enforcement/leads?status=declined')).json();
    expect(declined.items.map((l: { id: string }) => l.id)).toContain(lead.id);
  });

  it('refuses readers without lead.read and deciders without lead.decide', async () => {
    const lead = await refer('unregistered_site');
    expect((await api('handler').get('/api/enforcement/leads')).statusCode).toBe(403);
    expect((await api('handler').get(`/api/enforcement/leads/${lead.id}`)).statusCode).toBe(403);
    const officer = await api('officer').post(`/api/enforcement/leads/${lead.id}/decline`, {
      version: lead.version,
      reason: '不构成违法',
    });
    expect(officer.statusCode).toBe(403);
    const leader = await api('leader').post(`/api/enforcement/leads/${lead.id}/file`, {
      version: lead.version,
      violationCode: 'ztps',
      party: { kind: 'person', name: '张三', idNumber: '11010519491231002X' },
      officers: [],
    });
    expect(leader.statusCode).toBe(403);
  });

  it('answers bad input with 4xx naming the field', async () => {
    const bad = await api('officer').get('/api/enforcement/leads?status=maybe');
    expect(bad.statusCode).toBe(400);
    const sort = await api('officer').get('/api/enforcement/leads?sort=party');
    expect(sort.statusCode).toBe(400);
    expect(fields(sort.body)).toEqual(['query.sort']);
    expect((await api('officer').get('/api/enforcement/leads/01900000-0000-7000-8000-000000000000')).statusCode).toBe(
      404,
    );
    const list = (await api('officer').get('/api/enforcement/leads?status=pending')).json();
    const lead = list.items[0] as { id: string; version: number };
    const noParty = await api('squadleader').post(`/api/enforcement/leads/${lead.id}/file`, {
      version: lead.version,
      violationCode: 'ztps',
      officers: [],
    });
    expect(noParty.statusCode).toBe(400);
    const unknownBasis = await api('squadleader').post(`/api/enforcement/leads/${lead.id}/file`, {
      version: lead.version,
      violationCode: 'nope',
      party: { kind: 'person', name: '张三', idNumber: '11010519491231002X' },
      officers: [
        { userId: ids.officer!, certNo: '42028100101' },
        { userId: ids.officer2!, certNo: '42028100102' },
      ],
    });
    expect(unknownBasis.statusCode).toBe(400);
    expect(fields(unknownBasis.body)).toEqual(['body.violationCode']);
    // the lead is still pending after the refused 立案
    expect((await api('officer').get(`/api/enforcement/leads/${lead.id}`)).json().status).toBe('pending');
  });
});
