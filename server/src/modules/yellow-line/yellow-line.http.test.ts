import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadPhoto } from '../../testing/photo.fixtures.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 文明黄线 over HTTP on the seeded demo city (clock frozen at 2024-03-12): the seeded 300 shops and 120 stalls make
 * the report's sentence, a zone is drawn with its permit, another holder's overlapping zone is refused while the
 * same holder may own several, bad geometry and dates are named by field, failed inspections warn and then suspend
 * and revoke at the tenant's counts, the public map carries no person's data, and the approval hook issues once.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const count = async () => (await api('officer').get('/api/yellow-line/zones?pageSize=1')).json().total as number;

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'operator', 'officer', 'squadleader']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
});
afterAll(async () => ctx.close());

// a clear spot south of the seeded rows
const X = 114.99;
const Y = 30.075;
const line = (x1: number, y1: number, x2: number, y2: number) => ({
  type: 'LineString',
  coordinates: [
    [x1, y1],
    [x2, y2],
  ],
});
const zone = (over: Record<string, unknown> = {}) => ({
  holderKind: 'shop',
  holderName: '测试水果店',
  contactName: '张三',
  contactPhone: '13912345678',
  address: '测试路1号门前',
  geometry: line(X, Y, X + 0.0005, Y),
  goods: ['水果', ' 水果 ', '饮料'],
  hoursFrom: '08:00',
  hoursTo: '21:00',
  validFrom: '2024-03-01',
  validTo: '2025-02-28',
  ...over,
});

describe('the yearly report', () => {
  it('says how many lines were drawn for shops and stalls and what the inspections found, in both languages', async () => {
    const zh = (await api('leader').get('/api/reports/statistics?period=year&at=2023')).json();
    const s = zh.sections.find((x: { key: string }) => x.key === 'yellowLine');
    expect(s.paragraphs[0]).toBe('全市共划定文明黄线420处，涉及门店300家、摊位120个。');
    expect(s.paragraphs[1]).toBe('2023年度，开展文明黄线巡查60次，合格率100%，发出警告0次，暂停许可0处，撤销许可0处。');
    const en = (await api('leader').get('/api/reports/statistics?period=year&at=2023&lang=en')).json();
    const e = en.sections.find((x: { key: string }) => x.key === 'yellowLine');
    expect(e.paragraphs[0]).toBe(
      'Civilised yellow lines drawn across the city: 420, covering 300 shops and 120 stalls.',
    );
  });

  it('serves the same figures for the console cards', async () => {
    const f = (await api('leader').get('/api/yellow-line/figures?from=2023-01-01&to=2023-12-31')).json();
    expect(f).toMatchObject({ zones: 420, shops: 300, stalls: 120, inspections: 60, failed: 0, passRate: 1 });
  });
});

describe('drawing zones', () => {
  let id: string;

  it('draws a line with its permit; the phone is masked and the goods cleaned', async () => {
    const res = await api('officer').post('/api/yellow-line/zones', zone());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      zoneNo: 'HX-0421',
      status: 'active',
      permitState: 'active',
      contactPhone: '139****5678',
      goods: ['水果', '饮料'],
      inspections: [],
    });
    const list = await api('leader').get(`/api/yellow-line/zones?q=${encodeURIComponent('测试水果店')}`);
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain('13912345678');
  });

  it('refuses another holder’s overlapping line with a 409 naming the geometry, and writes nothing', async () => {
    const before = await count();
    const crossing = await api('officer').post(
      '/api/yellow-line/zones',
      zone({ holderName: '隔壁餐馆', geometry: line(X + 0.0002, Y - 0.0001, X + 0.0002, Y + 0.0001) }),
    );
    expect(crossing.statusCode).toBe(409);
    expect(code(crossing.body)).toBe('YL_OVERLAP');
    expect(fields(crossing.body)).toEqual(['body.geometry']);
    const along = await api('officer').post(
      '/api/yellow-line/zones',
      zone({ holderName: '隔壁餐馆', geometry: line(X + 0.0003, Y, X + 0.0009, Y) }),
    );
    expect(along.statusCode).toBe(409);
    const area = await api('officer').post(
      '/api/yellow-line/zones',
      zone({
        holderKind: 'stall',
        holderName: '临时摊位',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [X + 0.0001, Y - 0.0001],
              [X + 0.0002, Y - 0.0001],
              [X + 0.0002, Y + 0.0001],
              [X + 0.0001, Y + 0.0001],
              [X + 0.0001, Y - 0.0001],
            ],
          ],
        },
      }),
    );
    expect(area.statusCode).toBe(409);
    expect(await count()).toBe(before);
  });

  it('lets the same holder own several, and a neighbour touch the end of the line', async () => {
    const same = await api('officer').post(
      '/api/yellow-line/zones',
      zone({ holderName: ' 测试水果店 ', geometry: line(X + 0.0002, Y - 0.0001, X + 0.0002, Y + 0.0001) }),
    );
    expect(same.statusCode, same.body).toBe(201);
    const touching = await api('officer').post(
      '/api/yellow-line/zones',
      zone({ holderName: '隔壁餐馆', geometry: line(X + 0.0005, Y, X + 0.001, Y) }),
    );
    expect(touching.statusCode, touching.body).toBe(201);
  });

  it('names the field of bad geometry, dates, hours and kind', async () => {
    const before = await count();
    const outside = await api('officer').post('/api/yellow-line/zones', zone({ geometry: line(116, 31, 116.001, 31) }));
    expect(outside.statusCode).toBe(400);
    expect(code(outside.body)).toBe('YL_OUTSIDE_CITY');
    expect(fields(outside.body)).toEqual(['body.geometry.coordinates.0']);
    const onePoint = await api('officer').post(
      '/api/yellow-line/zones',
      zone({ geometry: { type: 'LineString', coordinates: [[X, Y + 0.001]] } }),
    );
    expect(fields(onePoint.body)).toEqual(['body.geometry.coordinates']);
    const bowtie = await api('officer').post(
      '/api/yellow-line/zones',
      zone({
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [X, Y + 0.002],
              [X + 0.001, Y + 0.003],
              [X + 0.001, Y + 0.002],
              [X, Y + 0.003],
              [X, Y + 0.002],
            ],
          ],
        },
      }),
    );
    expect(bowtie.statusCode).toBe(400);
    expect(code(bowtie.body)).toBe('YL_BAD_GEOMETRY');
    const point = await api('officer').post(
      '/api/yellow-line/zones',
      zone({ geometry: { type: 'Point', coordinates: [X, Y] } }),
    );
    expect(point.statusCode).toBe(400);
    const backwards = await api('officer').post('/api/yellow-line/zones', zone({ validTo: '2024-02-01' }));
    expect(fields(backwards.body)).toEqual(['body.validTo']);
    expect(code(backwards.body)).toBe('YL_PERMIT_DATES');
    const long = await api('officer').post('/api/yellow-line/zones', zone({ validTo: '2028-01-01' }));
    expect(fields(long.body)).toEqual(['body.validTo']);
    const over = await api('officer').post(
      '/api/yellow-line/zones',
      zone({ validFrom: '2023-01-01', validTo: '2023-12-31' }),
    );
    expect(fields(over.body)).toEqual(['body.validTo']);
    const hours = await api('officer').post('/api/yellow-line/zones', zone({ hoursTo: '08:00' }));
    expect(fields(hours.body)).toEqual(['body.hoursTo']);
    const kind = await api('officer').post('/api/yellow-line/zones', zone({ holderKind: 'kiosk', goods: [] }));
    expect(kind.statusCode).toBe(400);
    expect(fields(kind.body)).toEqual(['body.goods', 'body.holderKind']);
    expect(await count()).toBe(before);
  });

  it('moves a line only where no other holder is; edits are audited', async () => {
    const moved = await api('officer').patch(`/api/yellow-line/zones/${id}`, {
      geometry: line(X + 0.0006, Y, X + 0.0008, Y),
    });
    expect(moved.statusCode).toBe(409);
    const hours = await api('officer').patch(`/api/yellow-line/zones/${id}`, { hoursTo: '22:00' });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(hours.json().hoursTo).toBe('22:00');
    const audit = await api('admin').get('/api/audit?entity=yellow_line_zone&pageSize=50');
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.body).toContain('yellow_line.zone.update');
    expect(audit.body).not.toContain('13912345678');
  });
});

describe('inspections and repeat counts', () => {
  let id: string;
  const photo = () => uploadPhoto(ctx.app, sessions.officer!);

  it('keeps the repeat counts sane', async () => {
    const bad = await api('admin').put('/api/yellow-line/settings', { suspendAfter: 3, revokeAfter: 3 });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.body)).toEqual(['body.revokeAfter']);
    expect(
      (await api('officer').put('/api/yellow-line/settings', { suspendAfter: 2, revokeAfter: 3 })).statusCode,
    ).toBe(200);
    expect((await api('leader').get('/api/yellow-line/settings')).json()).toEqual({ suspendAfter: 2, revokeAfter: 3 });
  });

  it('warns, then suspends, then revokes; the photos stay with the inspection', async () => {
    const created = await api('officer').post(
      '/api/yellow-line/zones',
      zone({ holderKind: 'stall', holderName: '巡查测试摊位', geometry: line(X, Y + 0.004, X + 0.0003, Y + 0.004) }),
    );
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    const p = await photo();
    const inspect = (result: string, photoIds: string[] = []) =>
      api('officer').post(`/api/yellow-line/zones/${id}/inspections`, {
        inspectedOn: '2024-03-11',
        result,
        note: '出线经营',
        photoIds,
      });
    const pass = await inspect('pass');
    expect(pass.statusCode, pass.body).toBe(201);
    const first = await inspect('fail', [p]);
    expect(first.json()).toMatchObject({ status: 'active', warnings: 1 });
    expect(first.json().inspections[0]).toMatchObject({ result: 'fail', action: 'warning', inspector: '黄队员' });
    expect(first.json().inspections[0].photos[0].id).toBe(p);
    expect((await api('leader').get(`/api/photos/${p}/thumb`)).statusCode).toBe(200);
    expect((await api('operator').get(`/api/photos/${p}/thumb`)).statusCode).toBe(404);
    // a photo held by one inspection cannot be given to another
    const reused = await inspect('pass', [p]);
    expect(reused.statusCode).toBe(400);
    expect(fields(reused.body)).toEqual(['body.photoIds.0']);
    const second = await inspect('fail');
    expect(second.json()).toMatchObject({ status: 'suspended', permitState: 'suspended', warnings: 2 });
    const pub = await as(ctx.app, null).get('/api/public/yellow-line/zones');
    expect(pub.body).not.toContain('巡查测试摊位');
    const third = await inspect('fail');
    expect(third.json()).toMatchObject({ status: 'revoked', warnings: 3 });
    expect(third.json().inspections[0].action).toBe('revoked');
    const after = await inspect('pass');
    expect(after.statusCode).toBe(409);
    expect(code(after.body)).toBe('YL_REVOKED');
    const future = await api('officer').post(`/api/yellow-line/zones/${id}/inspections`, {
      inspectedOn: '2024-04-01',
      result: 'pass',
      note: null,
    });
    expect(future.statusCode).toBe(400);
    expect(fields(future.body)).toEqual(['body.inspectedOn']);
  });

  it('counts the period’s inspections, warnings, suspensions and revocations', async () => {
    const f = (await api('leader').get('/api/yellow-line/figures?from=2024-03-01&to=2024-03-31')).json();
    expect(f.warnings).toBeGreaterThanOrEqual(1);
    expect(f.suspensions).toBe(1);
    expect(f.revocations).toBe(1);
    const bad = await api('leader').get('/api/yellow-line/figures?from=2024-03-31&to=2024-03-01');
    expect(fields(bad.body)).toEqual(['query.to']);
  });
});

describe('the public map and the approval hook', () => {
  it('shows zones in force with the business name, never a person’s name or phone, without a session', async () => {
    const res = await as(ctx.app, null).get('/api/public/yellow-line/zones');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { businessName: string }[];
    expect(items.length).toBeGreaterThanOrEqual(420);
    expect(items.some((z) => z.businessName === '测试水果店')).toBe(true);
    expect(res.body).not.toContain('张三');
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('139****5678');
    expect(Object.keys(items[0]!).sort()).toEqual(
      [
        'businessName',
        'geometry',
        'goods',
        'holderKind',
        'hoursFrom',
        'hoursTo',
        'lat',
        'lng',
        'validFrom',
        'validTo',
        'zoneNo',
      ].sort(),
    );
  });

  it('issues a permit from an approval decision once, with the same checks', async () => {
    const s = ctx.app.services.yellowLine;
    const tenantId = (await api('officer').get('/api/auth/me')).json().user.tenantId as string;
    const input = {
      approvalId: 'approval-1',
      holder: { kind: 'shop' as const, name: '审批来的便利店', contactName: '李四', contactPhone: '13800001111' },
      address: '审批路1号',
      geometry: line(X, Y + 0.006, X + 0.0004, Y + 0.006) as { type: 'LineString'; coordinates: unknown },
      goods: ['日用百货'],
      hoursFrom: '07:00',
      hoursTo: '22:00',
      validFrom: '2024-03-12',
      validTo: '2025-03-11',
    };
    const db = ctx.database.db;
    const issuer = await s.permitIssuer(tenantId);
    const first = await db.transaction().execute((tx) => issuer.issuePermitFromApproval(tx, input));
    const again = await db.transaction().execute((tx) => issuer.issuePermitFromApproval(tx, input));
    expect(again).toEqual(first);
    const detail = (await api('leader').get(`/api/yellow-line/zones/${first.id}`)).json();
    expect(detail).toMatchObject({
      approvalId: 'approval-1',
      holderName: '审批来的便利店',
      contactPhone: '138****1111',
    });
    await expect(
      db.transaction().execute((tx) =>
        issuer.issuePermitFromApproval(tx, {
          ...input,
          approvalId: 'approval-2',
          holder: { kind: 'shop', name: '别家' },
        }),
      ),
    ).rejects.toMatchObject({ code: 'YL_OVERLAP' });
  });
});

describe('permissions', () => {
  it('needs a session, and the grant for each verb', async () => {
    expect((await as(ctx.app, null).get('/api/yellow-line/zones')).statusCode).toBe(401);
    expect((await api('operator').get('/api/yellow-line/zones')).statusCode).toBe(403);
    expect((await api('leader').post('/api/yellow-line/zones', zone({ holderName: '领导' }))).statusCode).toBe(403);
    expect(
      (
        await api('admin').post('/api/yellow-line/zones/x/inspections', {
          inspectedOn: '2024-03-01',
          result: 'pass',
          note: null,
        })
      ).statusCode,
    ).toBe(403);
    expect((await api('leader').put('/api/yellow-line/settings', { suspendAfter: 2, revokeAfter: 4 })).statusCode).toBe(
      403,
    );
  });
});
