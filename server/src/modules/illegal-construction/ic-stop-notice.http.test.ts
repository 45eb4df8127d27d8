import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 停工通知书 of a 查违控违 site issued through the enforcement module: the 文号 comes from the same gap-free
 * sequence as a case's stop notice, the .docx and PDF download from the site's notice, the notice record links the
 * document, and a failed notice draws no number. Real database (SQLite, or PostgreSQL with TEST_DB=postgres).
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, s[who]!);
let town: string;
const ids: Record<string, string> = {};
const NO = /^城管停字〔2024〕第(\d+)号$/;
const seq = (docNo: string) => Number(NO.exec(docNo)?.[1]);

beforeAll(async () => {
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  ctx.clock.set(new Date('2024-03-12T02:00:00.000Z'));
  s.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['officer', 'officer2', 'squadleader', 'leader']) s[u] = await login(ctx.app, u, 'Demo@12345');
  const regions = (await api('admin').get('/api/org/regions?pageSize=200')).json().items as {
    id: string;
    kind: string;
  }[];
  town = regions.find((r) => r.kind === 'street' || r.kind === 'town')!.id;
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  for (const u of users) ids[u.username] = u.id;
});
afterAll(async () => ctx.close());

async function newSite(address: string, partyName: string | null = '李四') {
  const res = await api('admin').post('/api/illegal-construction/reports', {
    source: 'patrol',
    regionId: town,
    address,
    lng: 114.97,
    lat: 30.1,
    description: '屋顶加盖彩钢棚',
    partyName,
    areaM2: 80,
    reportedOn: '2024-03-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function notice(reportId: string, extra: Record<string, unknown> = {}, status = 201) {
  const res = await api('admin').post('/api/illegal-construction/stop-notices', {
    reportId,
    issuedOn: '2024-03-12',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe('停工通知书 issued through the enforcement module', () => {
  let first: { id: string; noticeNo: string; documentId: string };

  it('draws the 文号, stops the site and links the document', async () => {
    const siteId = await newSite('金湖大道101号');
    first = await notice(siteId);
    expect(first.noticeNo).toMatch(NO);
    expect(first.documentId).toEqual(expect.any(String));
    expect((await api('admin').get(`/api/illegal-construction/reports/${siteId}`)).json().status).toBe('stopped');
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', siteId)
      .where('action', '=', 'enforcement.document.issue')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('downloads the notice as .docx and PDF from the site, checked against its hash', async () => {
    const docx = await api('leader').get(`/api/illegal-construction/stop-notices/${first.id}/file`);
    expect(docx.statusCode, docx.body).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of ['停工通知书', first.noticeNo, '金湖大道101号', '李四', '立即停止施工'])
      expect(xml).toContain(text);
    const pdf = await api('leader').get(`/api/illegal-construction/stop-notices/${first.id}/file?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const missing = await api('leader').get(
      '/api/illegal-construction/stop-notices/01900000-0000-7000-8000-000000000000/file',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('numbers site and case stop notices from one sequence, without gaps', async () => {
    // A refused notice (a closed site) draws nothing.
    const closed = await newSite('金湖大道102号');
    const dem = await api('admin').post('/api/illegal-construction/demolitions', {
      reportId: closed,
      demolishedOn: '2024-03-10',
      regionId: town,
      address: '金湖大道102号',
      lng: 114.97,
      lat: 30.1,
      areaM2: 80,
      structure: 'steel',
      lead: 'bureau',
      units: '执法局',
      people: 6,
    });
    expect(dem.statusCode, dem.body).toBe(201);
    await notice(closed, {}, 400);

    const second = await notice(await newSite('金湖大道103号', null));
    expect(seq(second.noticeNo)).toBe(seq(first.noticeNo) + 1);

    // A case under investigation issues its own 停工通知书 from the same sequence.
    const opened = await api('officer').post('/api/enforcement/cases', {
      procedure: 'ordinary',
      source: 'patrol',
      violationCode: 'wfjs',
      facts: '擅自搭建',
      address: '金湖大道104号',
      violationOn: '2024-03-10',
      party: { kind: 'organisation', name: '某公司', creditCode: '91110000600037341L' },
      officers: [{ userId: ids.officer }, { userId: ids.officer2 }],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    const filed = await api('squadleader').post(`/api/enforcement/cases/${c.id}/actions`, {
      version: c.version,
      action: 'approve_filing',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const doc = await api('officer').post(`/api/enforcement/cases/${c.id}/documents/stop_work_notice`);
    expect(doc.statusCode, doc.body).toBe(201);
    expect(seq(doc.json().docNo)).toBe(seq(first.noticeNo) + 2);

    const third = await notice(await newSite('金湖大道105号'));
    expect(seq(third.noticeNo)).toBe(seq(first.noticeNo) + 3);
  });

  it('a paper notice keeps its own number and has no document', async () => {
    const paper = await notice(await newSite('金湖大道106号'), { noticeNo: '大城管停字〔2024〕第900号' });
    expect(paper).toMatchObject({ noticeNo: '大城管停字〔2024〕第900号', documentId: null });
    const file = await api('leader').get(`/api/illegal-construction/stop-notices/${paper.id}/file`);
    expect(file.statusCode).toBe(404);
  });
});
