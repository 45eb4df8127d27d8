import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The register effects of a grant over HTTP on the seeded demo city (clock frozen at 2024-03-12): a 文明黄线
 * application issues the 黄线 and its permit (in the yellow-line list and on the public map); another holder's
 * overlapping line is a 409 on the drawn geometry with nothing written; a 建筑垃圾处置核准 puts its entry in the 渣土
 * register, each linking to the other; the details are checked at 受理 and every effect is audited.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const types = new Map<string, { id: string; materials: { code: string }[] }>();
const error = (res: { body: string }) =>
  (JSON.parse(res.body) as { error: { code: string; details: { field: string; message: string }[] } }).error;

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['operator', 'bureauleader']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const list = (await api('operator').get('/api/approvals/types')).json().items as {
    id: string;
    code: string;
    materials: { code: string }[];
  }[];
  for (const t of list) types.set(t.code, t);
});
afterAll(async () => ctx.close());

const application = (code: string, details: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  typeId: types.get(code)!.id,
  applicantName: '李四',
  applicantPhone: '13987654321',
  address: '测试路9号门前',
  materials: types.get(code)!.materials.map((m) => m.code),
  details,
  ...over,
});
// a clear spot of the demo city, away from the seeded 黄线 rows
const X = 114.991;
const Y = 30.0745;
const drawn = {
  type: 'LineString',
  coordinates: [
    [X, Y],
    [X + 0.0005, Y],
  ],
};
const lineDetails = (over: Record<string, unknown> = {}) => ({
  holderKind: 'shop',
  holderName: '审批测试水果店',
  goods: '水果、饮料',
  hoursFrom: '08:00',
  hoursTo: '21:00',
  geometry: drawn,
  ...over,
});
const grant = (id: string, validTo: string | null = '2025-03-11') =>
  api('bureauleader').post(`/api/approvals/applications/${id}/decision`, { decision: 'grant', note: '准予', validTo });
const auditOf = async (entityId: string) =>
  ((await api('admin').get(`/api/audit?entityId=${encodeURIComponent(entityId)}`)).json().items as { action: string }[])
    .map((a) => a.action)
    .sort();
const zoneCount = async () => (await api('admin').get('/api/yellow-line/zones?pageSize=1')).json().total as number;

describe('文明黄线 permits from the window', () => {
  let zoneId: string;

  it('lists the type with a register; 受理 names every missing or bad detail', async () => {
    const type = (await api('operator').get('/api/approvals/types'))
      .json()
      .items.find((t: { code: string }) => t.code === 'yellow_line');
    expect(type).toMatchObject({ name: '文明黄线设置', promisedDays: 3, hasRegister: true });
    const bad = await api('operator').post(
      '/api/approvals/applications',
      application('yellow_line', { holderKind: 'kiosk', goods: '', hoursFrom: '25:00', hoursTo: '21:00' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(error(bad).details.map((d) => d.field)).toEqual([
      'body.details.holderKind',
      'body.details.holderName',
      'body.details.goods',
      'body.details.hoursFrom',
      'body.details.geometry',
    ]);
    const shape = await api('operator').post(
      '/api/approvals/applications',
      application('yellow_line', lineDetails({ geometry: { type: 'Point', coordinates: [X, Y] } })),
    );
    expect(shape.statusCode).toBe(400);
    expect(
      error(shape).details.some(
        (d) => d.field.startsWith('body/details/geometry') || d.field.startsWith('body.details.geometry'),
      ),
    ).toBe(true);
  });

  it('grants: the 黄线 and its permit are issued with the decision, listed, on the public map and audited', async () => {
    const before = await zoneCount();
    const acc = await api('operator').post('/api/approvals/applications', application('yellow_line', lineDetails()));
    expect(acc.statusCode, acc.body).toBe(201);
    const id = acc.json().id as string;
    expect(acc.json().details.geometry).toEqual(drawn);
    const noEnd = await grant(id, null);
    expect(noEnd.statusCode).toBe(400);
    expect(error(noEnd).details.map((d) => d.field)).toEqual(['body.validTo']);
    const res = await grant(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'decided', validFrom: '2024-03-12', validTo: '2025-03-11' });
    expect(res.json().register.register).toBe('yellow_line');
    zoneId = res.json().register.id;
    expect(await zoneCount()).toBe(before + 1);
    const zone = (await api('admin').get(`/api/yellow-line/zones/${zoneId}`)).json();
    expect(zone).toMatchObject({
      holderKind: 'shop',
      holderName: '审批测试水果店',
      contactName: '李四',
      contactPhone: '139****4321',
      goods: ['水果', '饮料'],
      hoursFrom: '08:00',
      hoursTo: '21:00',
      validFrom: '2024-03-12',
      validTo: '2025-03-11',
      permitState: 'active',
      approvalId: id,
    });
    const pub = await as(ctx.app, null).get('/api/public/yellow-line/zones');
    expect((pub.json().items as { businessName: string }[]).some((z) => z.businessName === '审批测试水果店')).toBe(
      true,
    );
    expect(pub.body).not.toContain('李四');
    expect(await auditOf(zoneId)).toEqual(['yellow_line.zone.approve']);
    expect(await auditOf(id)).toEqual(['approval.accept', 'approval.decide']);
  });

  it('refuses another holder’s overlapping line with a 409 on the drawn geometry, writing nothing', async () => {
    const before = await zoneCount();
    const acc = await api('operator').post(
      '/api/approvals/applications',
      application('yellow_line', lineDetails({ holderName: '隔壁烟酒店', geometry: { ...drawn } }), {
        applicantName: '王五',
      }),
    );
    expect(acc.statusCode, acc.body).toBe(201);
    const id = acc.json().id as string;
    const res = await grant(id);
    expect(res.statusCode).toBe(409);
    const err = error(res);
    expect(err.code).toBe('YL_OVERLAP');
    expect(err.details.map((d) => d.field)).toEqual(['body.details.geometry']);
    expect(err.details[0]!.message).toContain('审批测试水果店');
    expect(await zoneCount()).toBe(before);
    expect((await api('operator').get(`/api/approvals/applications/${id}`)).json()).toMatchObject({
      status: 'accepted',
      decision: null,
      permitNo: null,
      register: null,
    });
    expect(await auditOf(id)).toEqual(['approval.accept']);
  });
});

describe('建筑垃圾处置核准 into the 渣土 register', () => {
  const muck = { disposalSite: '城南渣土消纳场（示例）', volumeM3: 1200, lng: 114.985, lat: 30.09 };

  it('asks at 受理 for the disposal site, the volume and the site position', async () => {
    const bad = await api('operator').post(
      '/api/approvals/applications',
      application('construction_waste', { volumeM3: -1 }),
    );
    expect(bad.statusCode).toBe(400);
    expect(error(bad).details.map((d) => d.field)).toEqual([
      'body.details.disposalSite',
      'body.details.volumeM3',
      'body.details.lng',
      'body.details.lat',
    ]);
  });

  it('refuses a site outside the city at the decision, writing nothing', async () => {
    const acc = await api('operator').post(
      '/api/approvals/applications',
      application('construction_waste', { ...muck, lng: 100, lat: 20 }),
    );
    expect(acc.statusCode, acc.body).toBe(201);
    const res = await grant(acc.json().id);
    expect(res.statusCode).toBe(400);
    expect(error(res).details.map((d) => d.field)).toEqual(['body.details.lng']);
    expect((await api('operator').get(`/api/approvals/applications/${acc.json().id}`)).json().register).toBeNull();
  });

  it('grants: the register entry carries the permit and the application number, and each links to the other', async () => {
    const acc = await api('operator').post(
      '/api/approvals/applications',
      application('construction_waste', muck, { applicantName: '大冶市测试建设有限公司', address: '测试工地1号' }),
    );
    expect(acc.statusCode, acc.body).toBe(201);
    const res = await grant(acc.json().id, '2024-06-30');
    expect(res.statusCode, res.body).toBe(200);
    const app = res.json();
    expect(app.register.register).toBe('asset');
    const asset = await api('admin').get(`/api/assets/items/${app.register.id}`);
    expect(asset.statusCode, asset.body).toBe(200);
    expect(asset.json()).toMatchObject({
      code: `ZT-${app.applicationNo}`,
      typeCode: 'MUCK-PERMIT',
      line: 'muck',
      address: '测试工地1号',
      geometry: { type: 'Point', coordinates: [114.985, 30.09] },
      attributes: {
        permitNo: app.permitNo,
        holder: '大冶市测试建设有限公司',
        disposalSite: '城南渣土消纳场（示例）',
        volumeM3: 1200,
        validFrom: '2024-03-12',
        validTo: '2024-06-30',
        applicationNo: app.applicationNo,
      },
    });
    expect(JSON.stringify(asset.json())).not.toContain('13987654321');
    expect(await auditOf(`ZT-${app.applicationNo}`)).toEqual(['asset.create']);
  });
});
