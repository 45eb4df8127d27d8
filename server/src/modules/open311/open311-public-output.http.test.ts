import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wideJpeg } from '../../testing/photo.fixtures.ts';
import { TEST_DIALECT } from '../../testing/test-db.ts';
import { BASE, FORM, drive, fmsReport, form, loopSteps, open311App, xml } from '../../testing/open311.fixtures.ts';

/**
 * The public-output rule (common/domain/public-output.ts, docs/security.md "Public output") across every public
 * route: Open311 list and single reads in XML and JSON, tokens, servicerequestupdates, the citizen tracking page
 * and public photos. A 信访 petition and a 12345 case carrying an ID number, phones, a plate and a home address
 * never come out; a citizen-channel case with the same kind of text comes out masked, with rounded coordinates.
 */
let ctx: Awaited<ReturnType<typeof open311App>>;
let tenantId = '';

const ID_NUMBER = '42028119850312123X';
const MOBILE = '13971234567';
const LANDLINE = '0714-8721234';
const PLATE = '鄂B12345';
const EV_PLATE = '鄂BD12345';
/** Personal text as a petitioner or a hotline caller gives it. */
const PII = `身份证${ID_NUMBER}，住东岳路12号3栋2单元501室，电话${MOBILE}，座机${LANDLINE}，车辆${PLATE}、${EV_PLATE}被堵`;
/**
 * Fragments none of which may appear in any public answer. Names are not a pattern the mask can find: the
 * petitioner's and the caller's names prove that their cases are absent altogether.
 */
const NUMBERS = [
  ID_NUMBER,
  ID_NUMBER.slice(0, 14),
  MOBILE,
  MOBILE.slice(-8),
  '8721234',
  '12345X',
  'B12345',
  'BD12345',
  '12号',
  '501室',
  '3栋',
];
const TRACES = [...NUMBERS, '信访人李某某', '来电人赵某某'];
/** A point with more decimals than the public may see. */
const EXACT = { lng: 114.975312, lat: 30.100487 };

const made: Record<'petition' | 'hotline' | 'citizen' | 'partner', { caseNo: string; token: string; caseId: string }> =
  {} as never;
let petitionPhoto = '';
let hotlinePhoto = '';
let citizenPhoto = '';

beforeAll(async () => {
  ctx = await open311App();
  tenantId = (await ctx.app.services.org.publicTenant())!.id;
  const cases = ctx.app.services.cases;
  const photo = await wideJpeg(300, 200);
  petitionPhoto = (await ctx.app.services.photos.uploadExternal(tenantId, photo, null, 't')).id;
  hotlinePhoto = (await ctx.app.services.photos.uploadExternal(tenantId, photo, null, 't')).id;
  citizenPhoto = (await ctx.app.services.photos.uploadExternal(tenantId, photo, null, 't')).id;
  const base = {
    matterCode: '09006',
    ...EXACT,
    address: '大冶市东岳路12号3栋2单元501室',
    reporterName: '李某某',
    reporterPhone: MOBILE,
  };
  made.petition = await cases.intake(
    tenantId,
    {
      ...base,
      channel: 'petition',
      description: `信访人李某某反映：${PII}`,
      photoIds: [petitionPhoto],
      source: '阳光信访',
    },
    { scope: 't', key: null },
  );
  made.hotline = await cases.intake(
    tenantId,
    {
      ...base,
      channel: 'hotline',
      description: `来电人赵某某反映：${PII}`,
      photoIds: [hotlinePhoto],
      source: '12345热线',
    },
    { scope: 't', key: null },
  );
  made.citizen = await cases.intake(
    tenantId,
    { ...base, channel: 'public', description: `随手拍：${PII}`, photoIds: [citizenPhoto], source: '市民随手拍' },
    { scope: 't', key: null },
  );
  // an Open311 partner's report with the same text, filed through the API
  const posted = await ctx.app.inject({
    method: 'POST',
    url: `${BASE}/requests.json`,
    headers: FORM,
    payload: form(
      fmsReport(ctx.key)
        .map(([k, v]): [string, string] => [k, k === 'description' ? `FMS：${PII}` : v])
        .concat([['address_string', '东岳路12号3栋2单元501室']]),
    ),
  });
  expect(posted.statusCode, posted.body).toBe(200);
  const partnerNo = posted.json()[0].service_request_id as string;
  made.partner = { caseNo: partnerNo, token: '', caseId: (await cases.findByNo(tenantId, partnerNo))! };
  // closing notes written for the reporter carry personal data too
  const steps = await loopSteps(ctx, `已联系车主（${PLATE}，${MOBILE}）挪车`);
  for (const c of [made.petition, made.hotline, made.partner]) await drive(ctx, c.caseNo, steps.toClosed);
}, 120_000);
afterAll(async () => ctx.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers });
const leaks = (body: string, traces = TRACES) => traces.filter((t) => body.includes(t));
const WINDOW = 'start_date=2024-03-11T00:00:00Z&end_date=2024-03-13T00:00:00Z';

describe(`non-public channels never come out (${TEST_DIALECT})`, () => {
  it('Open311 lists (XML and JSON, with extensions) carry neither the petition nor the hotline case', async () => {
    for (const fmt of ['xml', 'json'] as const) {
      for (const query of [
        '',
        '?extensions=true',
        `?service_request_id=${made.petition.caseNo},${made.hotline.caseNo}`,
        '?updated_after=2024-01-01T00:00:00Z&extensions=true',
      ]) {
        const res = await get(`${BASE}/requests.${fmt}${query}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.body).not.toContain(made.petition.caseNo);
        expect(res.body).not.toContain(made.hotline.caseNo);
        expect(leaks(res.body), `${fmt}${query}`).toEqual([]);
      }
    }
    const picked = (
      await get(
        `${BASE}/requests.json?service_request_id=${made.petition.caseNo},${made.hotline.caseNo},${made.citizen.caseNo}`,
      )
    ).json();
    expect(picked.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([made.citizen.caseNo]);
  });

  it('a single read of a petition or hotline case is the same 404 as a missing number, in both formats', async () => {
    const missing = '420281-20240312-99999';
    for (const fmt of ['xml', 'json'] as const) {
      const none = await get(`${BASE}/requests/${missing}.${fmt}?extensions=true`);
      expect(none.statusCode).toBe(404);
      for (const c of [made.petition, made.hotline]) {
        const res = await get(`${BASE}/requests/${c.caseNo}.${fmt}?extensions=true`);
        expect(res.statusCode).toBe(404);
        expect(res.body.replace(c.caseNo, missing)).toBe(none.body);
      }
    }
    for (const c of [made.petition, made.hotline]) {
      const token = await get(`${BASE}/tokens/${c.token}.json`);
      expect(token.statusCode).toBe(404);
      expect(token.body).toBe((await get(`${BASE}/tokens/unknown-token-00000000.json`)).body);
    }
  });

  it('the citizen tracking page and its rating/reopen answer 404 for them, changing nothing', async () => {
    const unknown = await get('/api/public/track/unknown-token-0000000000');
    for (const c of [made.petition, made.hotline]) {
      const res = await get(`/api/public/track/${c.token}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe(unknown.json().error.code);
      const rated = await ctx.app.inject({
        method: 'POST',
        url: `/api/public/track/${c.token}/rating`,
        payload: { value: 'unsatisfied' },
      });
      expect(rated.statusCode).toBe(404);
      const reopened = await ctx.app.inject({
        method: 'POST',
        url: `/api/public/track/${c.token}/reopen`,
        payload: { reason: '问题还在，请重新处理' },
      });
      expect(reopened.statusCode).toBe(404);
      const row = await ctx.database.db
        .selectFrom('cases')
        .select(['status', 'satisfaction'])
        .where('id', '=', c.caseId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'closed', satisfaction: null });
    }
  });

  it('their photos are not served publicly; the citizen case photo is', async () => {
    for (const id of [petitionPhoto, hotlinePhoto]) {
      expect((await get(`/api/public/photos/${id}`)).statusCode).toBe(404);
      expect((await get(`/api/public/photos/${id}/thumb`)).statusCode).toBe(404);
    }
    expect((await get(`/api/public/photos/${citizenPhoto}/thumb`)).statusCode).toBe(200);
  });

  it('servicerequestupdates shows a key only its own requests, with closing notes masked', async () => {
    for (const fmt of ['xml', 'json'] as const) {
      const res = await get(`${BASE}/servicerequestupdates.${fmt}?api_key=${ctx.key}&${WINDOW}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain(made.partner.caseNo);
      expect(res.body).toContain('已联系车主（鄂******');
      for (const c of [made.petition, made.hotline, made.citizen]) expect(res.body).not.toContain(c.caseNo);
      expect(leaks(res.body)).toEqual([]);
    }
  });
});

describe('public channels come out masked, with rounded coordinates', () => {
  it('Open311 shows the partner and citizen cases with description, address and notes masked', async () => {
    for (const fmt of ['xml', 'json'] as const) {
      for (const c of [made.partner, made.citizen]) {
        const res = await get(`${BASE}/requests/${c.caseNo}.${fmt}?extensions=true`);
        expect(res.statusCode, res.body).toBe(200);
        expect(leaks(res.body)).toEqual([]);
        const r = fmt === 'xml' ? xml(res.body).request[0] : res.json()[0];
        expect(r.description).toContain(`身份证${'*'.repeat(18)}`);
        expect(r.description).toContain('东岳路**号*栋*单元***室');
        expect(r.description).toContain('鄂******、鄂*******');
        expect(r.address).toContain('东岳路**号');
      }
    }
    const closed = (await get(`${BASE}/requests/${made.partner.caseNo}.json?extensions=true`)).json()[0];
    expect(closed.status_notes).toBe(`已联系车主（鄂******，***********）挪车`);
    expect(closed.notes.find((n: { summary: string }) => n.summary === 'close').description).toBe(closed.status_notes);
    const citizen = (await get(`${BASE}/requests/${made.citizen.caseNo}.json`)).json()[0];
    expect([citizen.long, citizen.lat]).toEqual([114.975, 30.1]);
    const list = (await get(`${BASE}/requests.json`)).json() as { lat: number; long: number }[];
    expect(list.length).toBeGreaterThan(1);
    for (const r of list) for (const v of [r.lat, r.long]) expect(Number(v.toFixed(3))).toBe(v);
  });

  it('the citizen tracking page shows the masked text and the rounded point', async () => {
    const res = await get(`/api/public/track/${made.citizen.token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(leaks(res.body)).toEqual([]);
    expect(res.json()).toMatchObject({ lng: 114.975, lat: 30.1, address: '大冶市东岳路**号*栋*单元***室' });
  });
});

describe('the public channels are a tenant setting with an admin API', () => {
  const url = '/api/cases/settings/public-output';

  it('reads the default, refuses 信访 and unknown channels, needs settings.manage, and is audited', async () => {
    expect((await ctx.admin.get(url)).json()).toEqual({
      publicChannels: ['public'],
      neverPublicChannels: ['petition'],
      coordinateDecimals: 3,
    });
    for (const bad of [['petition'], ['public', 'email'], ['public', 'public'], [42]]) {
      const res = await ctx.admin.put(url, { publicChannels: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.details[0].field).toMatch(/^body\.publicChannels/);
    }
    const { as, login } = await import('../../testing/test-app.ts');
    const operator = as(ctx.app, await login(ctx.app, 'operator', 'Demo@12345'));
    expect((await operator.put(url, { publicChannels: ['public', 'hotline'] })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'PUT', url, payload: { publicChannels: ['hotline'] } })).statusCode).toBe(
      401,
    );

    const changed = await ctx.admin.put(url, { publicChannels: ['hotline', 'public'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().publicChannels).toEqual(['public', 'hotline']);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'setting.update')
      .where('entity_id', '=', 'public.channels')
      .execute();
    expect(audit).toHaveLength(1);

    // now the hotline case is public, masked like any other; the petition still is not
    const hotline = await get(`${BASE}/requests/${made.hotline.caseNo}.json`);
    expect(hotline.statusCode).toBe(200);
    expect(leaks(hotline.body, NUMBERS)).toEqual([]);
    expect((await get(`${BASE}/requests/${made.petition.caseNo}.json`)).statusCode).toBe(404);
    expect((await get(`/api/public/photos/${hotlinePhoto}`)).statusCode).toBe(200);

    // [] publishes nothing, the citizen's own report included
    expect((await ctx.admin.put(url, { publicChannels: [] })).statusCode).toBe(200);
    expect((await get(`${BASE}/requests.json`)).json()).toEqual([]);
    expect((await get(`/api/public/track/${made.citizen.token}`)).statusCode).toBe(404);
    expect((await get(`/api/public/photos/${citizenPhoto}`)).statusCode).toBe(404);
    expect((await ctx.admin.put(url, { publicChannels: ['public'] })).statusCode).toBe(200);
  });
});
