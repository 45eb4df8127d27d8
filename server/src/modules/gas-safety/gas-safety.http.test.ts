import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../testing/case-loop.ts';
import { uploadPhoto } from '../../testing/photo.fixtures.ts';
import { as, createTestApp, firstSignIn, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 燃气安全 over HTTP on the demo city (the test clock stands on 2024-03-12): the 2023 figures and report sentences
 * come from the seeded records; a hazard goes open → rectified → a failed re-inspection → closed only with a photo;
 * every refusal is a 4xx naming the field that writes nothing; a reader narrowed to a street sees that street only;
 * the 三件套 progress follows the installations against the targets.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
const code = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string } }).error.code;
const field = (res: { body: string }) =>
  (JSON.parse(res.body) as { error: { details: { field: string }[] } }).error.details[0]?.field;
let streets: { id: string; name: string }[] = [];
let communities: { id: string; parentId: string }[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const regions = (await api('admin').get('/api/org/regions?pageSize=200')).json().items as {
    id: string;
    kind: string;
    name: string;
  }[];
  streets = regions.filter((r) => r.kind === 'street');
  communities = (await api('admin').get('/api/org/regions?kind=community&pageSize=200')).json().items;
  expect(communities.length).toBeGreaterThan(6);
  const created = await api('admin').post('/api/org/users', {
    username: 'streetleader',
    displayName: '街道分管领导',
    password: 'Street#Temp2024',
    grants: [{ role: 'leader', regionId: streets[0]!.id }],
  });
  expect(created.statusCode, created.body).toBe(201);
  s.street = await firstSignIn(ctx.app, 'streetleader', 'Street#Temp2024', 'Street#Chosen2024');
}, 120_000);
afterAll(async () => ctx.close());

describe('the 2023 year of the demo city', () => {
  it('counts the report’s checks, hazards, installations and commercial users from the records', async () => {
    const res = await api('leader').get('/api/gas/figures?from=2023-01-01&to=2023-12-31');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      checks: 40,
      superiorChecks: 1,
      hazards: 1139,
      hazardsClosed: 1139,
      superiorHazards: 35,
      superiorClosed: 35,
      rectifyRate: 100,
      overdue: expect.any(Number),
      installs: { alarm: 280, valve: 18127, hose: 91860 },
      pipelineUsers: { users: 405, fitted: 405, pct: 100 },
      lpgUsers: { users: 1605, fitted: 1605, pct: 100 },
    });
  });

  it('says them in the statistics report in the bureau’s words, with the figures a 工作总结 binds to', async () => {
    const zh = (await api('leader').get('/api/reports/statistics?period=year&at=2023')).json();
    const section = zh.sections.find((x: { key: string }) => x.key === 'gasSafety');
    expect(section.paragraphs[0]).toBe(
      '2023年度，开展燃气安全检查40次，发现隐患1139条、已整改1139条；上级督查检查发现问题隐患35个、已整改35个，隐患整改率100%。',
    );
    expect(section.paragraphs.join('')).toContain(
      '可燃气体报警装置280户、自闭阀（切断阀）18127户、燃气专用软管91860户',
    );
    expect(section.paragraphs.join('')).toContain('瓶装液化气商业用户1605户，已完成“三件套”改造1605户');
    const figure = (key: string) => section.figures.find((f: { key: string }) => f.key === key)?.value;
    expect([figure('gasSafety.hazards'), figure('gasSafety.superiorClosed'), figure('gasSafety.hoses')]).toEqual([
      1139, 35, 91860,
    ]);
    const en = (await api('leader').get('/api/reports/statistics?period=year&at=2023&lang=en')).json();
    expect(en.sections.find((x: { key: string }) => x.key === 'gasSafety').paragraphs[0]).toContain(
      '40 gas safety checks found 1139 hazards, 1139 of them rectified',
    );
  });
});

describe('a hazard from its check to the re-inspection', () => {
  let checkId = '';
  let hazard: { id: string; version: number; hazardNo: string; status: string } = {
    id: '',
    version: 0,
    hazardNo: '',
    status: '',
  };

  it('records a check and a hazard, numbered by year, found on the check’s day by default', async () => {
    const check = await api('admin').post('/api/gas/checks', {
      source: 'bureau',
      title: '春季燃气安全检查',
      checkedOn: '2024-03-08',
      regionId: streets[0]!.id,
    });
    expect(check.statusCode, check.body).toBe(201);
    expect(check.json().checkNo).toMatch(/^JC2024-\d{4}$/);
    checkId = check.json().id;
    const res = await api('admin').post('/api/gas/hazards', {
      checkId,
      holder: '测试餐馆',
      description: '燃气软管老化',
      level: 'general',
      deadline: '2024-03-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    hazard = res.json();
    expect(res.json()).toMatchObject({
      status: 'open',
      foundOn: '2024-03-08',
      regionId: streets[0]!.id,
      overdue: false,
    });
    // its own prefix: 养护工单 number as YH<year>-…
    expect(hazard.hazardNo).toMatch(/^RQYH2024-\d{5}$/);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = (await api('admin').get(`/api/gas/hazards?checkId=${checkId}`)).json().total;
    const bad: [Record<string, unknown>, string][] = [
      [{ foundOn: '2024-03-01' }, 'body.foundOn'],
      [{ deadline: '2024-03-01' }, 'body.deadline'],
      [{ foundOn: '2024-03-20' }, 'body.foundOn'],
      [{ checkId: 'nope' }, 'body.checkId'],
      [{ regionId: communities[0]!.id }, 'body.regionId'],
      [{ holder: '  ' }, 'body.holder'],
      [{ level: 'grave' }, 'body.level'],
    ];
    for (const [over, path] of bad) {
      const res = await api('admin').post('/api/gas/hazards', {
        checkId,
        holder: '测试餐馆',
        description: '隐患',
        level: 'general',
        deadline: '2024-03-20',
        ...over,
      });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(field(res), JSON.stringify(over)).toBe(path);
    }
    const future = await api('admin').post('/api/gas/checks', {
      source: 'bureau',
      title: 'x',
      checkedOn: '2024-03-13',
    });
    expect(field(future)).toBe('body.checkedOn');
    expect((await api('admin').get('/api/gas/hazards?sort=holder')).statusCode).toBe(400);
    expect((await api('admin').get(`/api/gas/hazards?checkId=${checkId}`)).json().total).toBe(before);
  });

  it('lets only the registers’ keepers record, and hides the hazard from a user who may not read', async () => {
    const res = await api('handler').post('/api/gas/checks', { source: 'bureau', title: 'x', checkedOn: '2024-03-08' });
    expect(res.statusCode).toBe(403);
    expect((await api('inspector').get('/api/gas/hazards')).statusCode).toBe(403);
    expect((await api('leader').get(`/api/gas/hazards/${hazard.id}`)).statusCode).toBe(200);
  });

  it('moves open → rectified, back to open with a new last day on a failed re-inspection, and closes only with a photo', async () => {
    const rectified = await api('admin').post(`/api/gas/hazards/${hazard.id}/rectify`, {
      version: hazard.version,
      onDate: '2024-03-10',
      note: '已更换金属波纹管',
    });
    expect(rectified.statusCode, rectified.body).toBe(200);
    expect(rectified.json()).toMatchObject({ status: 'rectified', rectifiedOn: '2024-03-10' });
    const stale = await api('admin').post(`/api/gas/hazards/${hazard.id}/rectify`, {
      version: hazard.version,
      onDate: '2024-03-10',
      note: 'again',
    });
    expect([stale.statusCode, code(stale)]).toEqual([409, 'GAS_STALE']);
    const v = rectified.json().version as number;
    const noDeadline = await api('admin').post(`/api/gas/hazards/${hazard.id}/reinspect`, {
      version: v,
      onDate: '2024-03-11',
      passed: false,
      note: '软管仍未固定',
    });
    expect(field(noDeadline)).toBe('body.newDeadline');
    const failed = await api('admin').post(`/api/gas/hazards/${hazard.id}/reinspect`, {
      version: v,
      onDate: '2024-03-11',
      passed: false,
      note: '软管仍未固定',
      newDeadline: '2024-03-18',
    });
    expect(failed.json()).toMatchObject({ status: 'open', deadline: '2024-03-18', reinspections: 1 });
    const v2 = failed.json().version as number;
    const reinspect = { version: v2, onDate: '2024-03-12', passed: true, note: '复查合格' };
    const noPhoto = await api('admin').post(`/api/gas/hazards/${hazard.id}/reinspect`, reinspect, {
      'accept-language': 'zh-CN',
    });
    expect([noPhoto.statusCode, code(noPhoto), field(noPhoto)]).toEqual([
      400,
      'GAS_REINSPECT_PHOTO_REQUIRED',
      'body.photoIds',
    ]);
    // the field's text in the reader's language, English complete
    const message = (res: { body: string }) =>
      (JSON.parse(res.body) as { error: { details: { message: string }[] } }).error.details[0]?.message;
    expect(message(noPhoto)).toBe('复查合格须至少上传一张照片');
    const noPhotoEn = await api('admin').post(`/api/gas/hazards/${hazard.id}/reinspect`, reinspect, {
      'accept-language': 'en',
    });
    expect(message(noPhotoEn)).toBe('a passed re-inspection needs at least one photo');
    expect((await api('admin').get(`/api/gas/hazards/${hazard.id}`)).json()).toMatchObject({
      status: 'open',
      version: v2,
    });
    const photo = await uploadPhoto(ctx.app, s.admin!);
    const closed = await api('admin').post(`/api/gas/hazards/${hazard.id}/reinspect`, {
      version: v2,
      onDate: '2024-03-12',
      passed: true,
      note: '复查合格',
      photoIds: [photo],
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closedOn: '2024-03-12',
      reinspections: 2,
      photoIds: [photo],
    });
    // the photo is the hazard's now: whoever may read the hazard sees it
    expect((await api('leader').get(`/api/photos/${photo}`)).statusCode).toBe(200);
    const again = await api('admin').post(`/api/gas/hazards/${hazard.id}/reinspect`, {
      version: closed.json().version,
      onDate: '2024-03-12',
      passed: true,
      note: 'x',
      photoIds: [photo],
    });
    expect([again.statusCode, code(again)]).toEqual([409, 'GAS_HAZARD_STATE']);
    const audits = (await api('admin').get('/api/audit?entity=gas_hazard&pageSize=50')).json().items as {
      action: string;
      entityId: string;
    }[];
    expect(
      audits
        .filter((a) => a.entityId === hazard.id)
        .map((a) => a.action)
        .reverse(),
    ).toEqual(['gas_hazard.create', 'gas_hazard.rectify', 'gas_hazard.reinspect', 'gas_hazard.reinspect']);
  });

  it('shows a reader narrowed to a street the hazards of that street only, and no city-wide figures', async () => {
    const all = (await api('leader').get('/api/gas/hazards?pageSize=200&year=2024')).json();
    const mine = (await api('street').get('/api/gas/hazards?pageSize=200&year=2024')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.total);
    expect(mine.items.every((h: { regionId: string }) => h.regionId === streets[0]!.id)).toBe(true);
    const other = all.items.find((h: { regionId: string | null }) => h.regionId !== streets[0]!.id);
    expect((await api('street').get(`/api/gas/hazards/${other.id}`)).statusCode).toBe(404);
    expect((await api('street').get('/api/gas/figures?from=2024-01-01&to=2024-12-31')).statusCode).toBe(403);
  });
});

describe('the household 三件套', () => {
  it('follows the installations against the year’s target per community', async () => {
    // a community with neither a target nor an installation this year
    const busy = new Set(
      ((await api('leader').get('/api/gas/progress?year=2024')).json().rows as { regionId: string }[]).map(
        (r) => r.regionId,
      ),
    );
    expect(busy.size).toBe(6);
    const community = communities.find((c) => !busy.has(c.id))!.id;
    const put = await api('admin').put('/api/gas/targets', {
      year: 2024,
      regionId: community,
      kind: 'valve',
      households: 400,
    });
    expect(put.statusCode, put.body).toBe(200);
    const row = () => put.json().rows.find((r: { regionId: string }) => r.regionId === community);
    expect(row().valve).toEqual({ target: 400, done: 0, pct: 0 });
    const add = await api('admin').post('/api/gas/installs', {
      regionId: community,
      kind: 'valve',
      households: 100,
      onDate: '2024-03-01',
    });
    expect(add.statusCode, add.body).toBe(201);
    const progress = (await api('leader').get('/api/gas/progress?year=2024')).json();
    expect(progress.rows.find((r: { regionId: string }) => r.regionId === community).valve).toEqual({
      target: 400,
      done: 100,
      pct: 25,
    });
    const street = await api('admin').post('/api/gas/installs', {
      regionId: streets[0]!.id,
      kind: 'valve',
      households: 1,
      onDate: '2024-03-01',
    });
    expect(field(street)).toBe('body.regionId');
    const none = await api('admin').post('/api/gas/installs', {
      regionId: community,
      kind: 'valve',
      households: 0,
      onDate: '2024-03-01',
    });
    expect(field(none)).toBe('body.households');
  });
});
