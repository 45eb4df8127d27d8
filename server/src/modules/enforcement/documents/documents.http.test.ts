import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../../common/domain/enforcement-documents.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../../testing/test-app.ts';

/**
 * Documents (文书) of enforcement cases over HTTP on a real database (SQLite, or PostgreSQL with TEST_DB=postgres):
 * every kind issues in its own stage and is refused in another with its kind named, the Word file holds the 文号,
 * the PDF embeds the CJK font with the text's characters, 文号 stay unique and gap-free under concurrent issuers,
 * templates are tenant data, and a case's signed bundle verifies offline until one byte is changed.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const ID_NUMBER = '11010519491231002X';
const USERS = ['officer', 'officer2', 'legal', 'squadleader', 'bureauleader'];
const ROOT = join(import.meta.dirname, '../../../../..');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
let officers: { userId: string; certNo: string }[];
const bands = new Map<string, { basisId: string; bandId: string }>();
const issuedNos: string[] = [];

async function at(date: string) {
  ctx.clock.set(new Date(`${date}T02:00:00.000Z`));
  for (const u of [...USERS, 'admin']) {
    if (s[u] && (await as(ctx.app, s[u]).get('/api/auth/me')).statusCode === 200) continue;
    s[u] = await login(ctx.app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
  }
}
const api = (who: string) => as(ctx.app, s[who]!);
const penalty = (key: string, fineFen: number) => ({ kind: 'fine', fineFen, ...bands.get(key)! });

async function act(who: string, id: string, body: Record<string, unknown>) {
  const current = (await api(who).get(`/api/enforcement/cases/${id}`)).json();
  const res = await api(who).post(`/api/enforcement/cases/${id}/actions`, { version: current.version, ...body });
  expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(200);
  return res.json();
}
async function newCase(violationCode: string) {
  const res = await api('officer').post('/api/enforcement/cases', {
    procedure: 'ordinary',
    source: 'patrol',
    violationCode,
    facts: '未取得建设工程规划许可证擅自搭建彩钢瓦棚',
    address: '大冶市新冶大道12号',
    violationOn: '2024-03-10',
    party: { kind: 'person', name: '张三', idNumber: ID_NUMBER },
    officers,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function issue(id: string, kind: DocumentKind, status = 201) {
  const res = await api('officer').post(`/api/enforcement/cases/${id}/documents/${kind}`);
  expect(res.statusCode, `${kind}: ${res.body}`).toBe(status);
  return res.json();
}
/** Every kind not issuable now is refused with 409, naming the kind. */
async function refusesAllBut(id: string, allowed: readonly DocumentKind[]) {
  const list = (await api('officer').get(`/api/enforcement/cases/${id}/documents`)).json();
  for (const k of list.kinds as { kind: DocumentKind; available: boolean }[])
    expect(k.available, k.kind).toBe(allowed.includes(k.kind));
  for (const kind of DOCUMENT_KINDS.filter((k) => !allowed.includes(k))) {
    const body = await issue(id, kind, 409);
    expect(body.error.code).toBe('ENFORCEMENT_DOCUMENT_NOT_ALLOWED');
    expect(body.error.details[0]).toMatchObject({ field: 'params.kind', kind });
  }
}

/** The text of the PDF's ToUnicode maps: which characters its embedded font subset draws. */
function pdfCharacters(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  let out = '';
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      const plain = inflateSync(pdf.subarray(start, end)).toString('latin1');
      for (const h of plain.matchAll(/<([0-9a-fA-F]{4})>\s*$/gm)) out += String.fromCharCode(parseInt(h[1]!, 16));
      for (const h of plain.matchAll(/<[0-9a-fA-F]{4}> <[0-9a-fA-F]{4}> \[((?:<[0-9a-fA-F]+>\s*)+)\]/g))
        for (const g of h[1]!.matchAll(/<([0-9a-fA-F]{4})>/g)) out += String.fromCharCode(parseInt(g[1]!, 16));
    } catch {
      // not a deflated stream (the font file itself is read elsewhere)
    }
  }
  return out;
}

async function checkFiles(caseId: string, doc: { id: string; docNo: string; title: string }) {
  const docx = await api('bureauleader').get(`/api/enforcement/cases/${caseId}/documents/${doc.id}/file?format=docx`);
  expect(docx.statusCode).toBe(200);
  const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
  expect(xml).toContain(doc.docNo);
  expect(xml).not.toContain(ID_NUMBER);
  // the party's ID number is printed masked (docs/enforcement.md, "Documents")
  if (xml.includes('证件号码')) expect(xml).toContain('110**************X');
  const pdf = await api('bureauleader').get(`/api/enforcement/cases/${caseId}/documents/${doc.id}/file?format=pdf`);
  expect(pdf.statusCode).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  const bytes = pdf.rawPayload;
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+WenQuanYiZenHei/);
  expect(bytes.toString('latin1')).toContain('/FontFile2');
  const chars = pdfCharacters(bytes);
  for (const c of `${doc.title}〔〕号张三`) expect(chars, `${doc.title}: ${c}`).toContain(c);
}

beforeAll(async () => {
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  await at('2024-03-12');
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  for (const u of users) ids[u.username] = u.id;
  officers = [
    { userId: ids.officer!, certNo: '42028100101' },
    { userId: ids.officer2!, certNo: '42028100102' },
  ];
  const put = await api('legal').put('/api/enforcement/settings', {
    decisionPrefix: '大城管罚决字',
    summaryPrefix: '大城管当罚字',
    hearingThresholdFen: { person: 500_000, organisation: 5_000_000 },
  });
  expect(put.statusCode, put.body).toBe(200);
  const bases = (await api('officer').get('/api/enforcement/bases')).json().items as {
    id: string;
    violationCode: string;
    bands: { id: string; level: string }[];
  }[];
  for (const b of bases)
    for (const band of b.bands) bands.set(`${b.violationCode}/${band.level}`, { basisId: b.id, bandId: band.id });
}, 60_000);
afterAll(async () => ctx.close());

describe('documents along the ordinary procedure', () => {
  let id: string;
  it('立案审批表 while filing, with a 文号 from the template pattern; every other kind refused', async () => {
    id = await newCase('wfjs');
    await refusesAllBut(id, ['filing_approval']);
    const doc = await issue(id, 'filing_approval');
    expect(doc).toMatchObject({ kind: 'filing_approval', title: '立案审批表', docNo: '城管立审字〔2024〕第1号' });
    issuedNos.push(doc.docNo);
    await checkFiles(id, doc);
    const again = await issue(id, 'filing_approval', 409);
    expect(again.error.details[0]).toMatchObject({ rule: 'issued', kind: 'filing_approval' });
  });

  it('询问笔录, 现场检查笔录 and 停工通知书 during investigation; 责令改正通知书 once correction is ordered', async () => {
    await act('squadleader', id, { action: 'approve_filing' });
    await refusesAllBut(id, ['inquiry_record', 'inspection_record', 'stop_work_notice']);
    for (const kind of ['inquiry_record', 'inspection_record', 'stop_work_notice'] as const) {
      const doc = await issue(id, kind);
      issuedNos.push(doc.docNo);
      await checkFiles(id, doc);
    }
    const upload = await api('officer2').post(`/api/enforcement/cases/${id}/evidence-files`, Buffer.from('photo'), {
      'content-type': 'application/octet-stream',
    });
    expect(upload.statusCode).toBe(201);
    await act('officer2', id, {
      action: 'add_evidence',
      officers,
      evidence: [{ kind: 'photo', title: '现场照片', sha256: sha('photo') }],
    });
    await act('officer', id, { action: 'order_correction', officers, correctBy: '2024-03-20', note: '限期拆除' });
    const doc = await issue(id, 'correction_order');
    expect(doc.docNo).toBe('城管责改字〔2024〕第1号');
    await checkFiles(id, doc);
    const docx = await api('officer').get(`/api/enforcement/cases/${id}/documents/${doc.id}/file`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    // the deadline as a date of the city's calendar
    expect(xml).toContain('2024年3月20日');
  });

  it('事先告知书 and 听证告知书 in 告知 (a hearing is due at this amount)', async () => {
    await at('2024-04-02');
    await act('officer', id, { action: 'finish_investigation', proposal: penalty('wfjs/general', 600_000) });
    await refusesAllBut(id, ['prior_notice', 'hearing_notice']);
    for (const kind of ['prior_notice', 'hearing_notice'] as const) {
      const doc = await issue(id, kind);
      await checkFiles(id, doc);
      const docx = await api('officer').get(`/api/enforcement/cases/${id}/documents/${doc.id}/file`);
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).toContain('6000.00'); // 600,000 fen in yuan
    }
  });

  it('行政处罚决定书 carries the decision’s own 文号; 送达回证 while serving; 结案报告 once closed', async () => {
    await at('2024-04-11');
    await act('officer', id, { action: 'end_notice' });
    const decided = await act('squadleader', id, { action: 'decide', decision: penalty('wfjs/general', 600_000) });
    await refusesAllBut(id, ['penalty_decision', 'service_receipt']);
    const decision = await issue(id, 'penalty_decision');
    expect(decision.docNo).toBe(decided.decisionNo);
    await checkFiles(id, decision);
    await checkFiles(id, await issue(id, 'service_receipt'));
    await act('officer', id, { action: 'serve', servedOn: '2024-04-11' });
    await act('officer', id, {
      action: 'record_payment',
      payment: { amountFen: 600_000, channel: 'non_tax', reference: 'FS1', paidOn: '2024-04-11' },
    });
    await refusesAllBut(id, ['closing_report']);
    await checkFiles(id, await issue(id, 'closing_report'));
    const list = (await api('legal').get(`/api/enforcement/cases/${id}/documents`)).json();
    expect(list.issued).toHaveLength(10);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'enforcement.document.issue')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(10);
  });

  it('keeps every step, evidence item and document on the case’s keyed chain', async () => {
    const check = (await api('legal').get(`/api/enforcement/cases/${id}/chain`)).json();
    const c = (await api('legal').get(`/api/enforcement/cases/${id}`)).json();
    expect(check).toMatchObject({ brokenAt: null, problem: null, entries: c.events.length + c.evidence.length + 10 });
    // A step rewritten in the database no longer matches the hash its link recorded.
    const first = c.events[0] as { id: string; note: string | null };
    await ctx.database.db.updateTable('enforcement_events').set({ note: '改写' }).where('id', '=', first.id).execute();
    const broken = (await api('legal').get(`/api/enforcement/cases/${id}/chain`)).json();
    expect(broken).toMatchObject({ brokenAt: 1, problem: 'record' });
    await ctx.database.db
      .updateTable('enforcement_events')
      .set({ note: first.note })
      .where('id', '=', first.id)
      .execute();
    expect((await api('legal').get(`/api/enforcement/cases/${id}/chain`)).json().brokenAt).toBeNull();
  });

  it('the signed bundle verifies offline, and fails after one byte changes in evidence, chain or manifest', async () => {
    const res = await api('bureauleader').get(`/api/enforcement/cases/${id}/bundle`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'enf-bundle-'));
    const key = (await api('officer').get('/api/enforcement/signing-key')).json();
    expect(key.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(join(dir, 'key.pub'), key.publicKey);
    const verify = (bytes: Buffer, name: string, withKey = true) => {
      writeFileSync(join(dir, name), bytes);
      const args = ['--import', 'tsx', join(ROOT, 'scripts/enforcement-verify-bundle.ts'), join(dir, name)];
      const r = spawnSync(process.execPath, withKey ? [...args, '--public-key', join(dir, 'key.pub')] : args, {
        cwd: ROOT,
        encoding: 'utf8',
      });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    const ok = verify(res.rawPayload, 'ok.zip');
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('bundle verified');
    expect(verify(res.rawPayload, 'ok2.zip', false).code).toBe(0);

    const tamper = async (path: string, change: (b: Buffer) => Buffer) => {
      const zip = await JSZip.loadAsync(res.rawPayload);
      const bytes = Buffer.from(await zip.file(path)!.async('nodebuffer'));
      zip.file(path, change(bytes));
      return Buffer.from(await zip.generateAsync({ type: 'nodebuffer' }));
    };
    const flip = (b: Buffer, at = 0) => {
      const c = Buffer.from(b);
      c[at] = c[at]! ^ 1;
      return c;
    };
    const evidence = verify(await tamper(`evidence/${sha('photo')}`, (b) => flip(b)), 'evidence.zip');
    expect(evidence.code).toBe(1);
    expect(evidence.out).toContain(`file altered: evidence/${sha('photo')}`);

    // A link's recorded hash of a step changed: the file no longer matches the manifest, and the link breaks.
    const chain = verify(
      await tamper('chain.json', (b) =>
        Buffer.from(
          b.toString('utf8').replace(/"sha256": "(.)/, (_m, c: string) => `"sha256": "${c === 'a' ? 'b' : 'a'}`),
        ),
      ),
      'chain.zip',
    );
    expect(chain.code).toBe(1);
    expect(chain.out).toContain('file altered: chain.json');
    expect(chain.out).toContain('hash does not match its content');

    const manifest = verify(
      await tamper('manifest.json', (b) => Buffer.from(b.toString('utf8').replace('"caseNo": "ZF', '"caseNo": "ZG'))),
      'manifest.zip',
    );
    expect(manifest.code).toBe(1);
    expect(manifest.out).toContain('manifest.sig does not verify');
  }, 60_000);
});

describe('numbers, templates, refusals', () => {
  let id: string;
  it('gives 20 concurrent issuers 20 different numbers with no gap', async () => {
    await at('2024-05-06');
    id = await newCase('zdjy');
    await act('squadleader', id, { action: 'approve_filing' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api('officer').post(`/api/enforcement/cases/${id}/documents/inquiry_record`)),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const nos = results.map((r) => Number(/第(\d+)号/.exec(r.json().docNo as string)![1]));
    // the first case took 第1号 of this kind
    expect([...nos].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_v, i) => i + 2));
    const check = (await api('legal').get(`/api/enforcement/cases/${id}/chain`)).json();
    expect(check.brokenAt).toBeNull();
  }, 120_000);

  it('refuses 听证告知书 when no hearing is due, naming the kind', async () => {
    await act('officer', id, { action: 'order_correction', officers, correctBy: '2024-05-20', note: '限期改正' });
    await act('officer', id, { action: 'finish_investigation', proposal: penalty('zdjy/general', 20_000) });
    const res = await issue(id, 'hearing_notice', 409);
    expect(res.error.details[0]).toMatchObject({ rule: 'hearing', kind: 'hearing_notice' });
    await issue(id, 'prior_notice');
  });

  it('templates are the city’s: the 法制 staff edit them, previews fill them, issued documents follow them', async () => {
    const list = (await api('legal').get('/api/enforcement/document-templates')).json().items as {
      kind: string;
      version: number;
    }[];
    expect(list.map((t) => t.kind)).toEqual([...DOCUMENT_KINDS]);
    const t = list.find((x) => x.kind === 'inspection_record')!;
    const bad = await api('legal').put('/api/enforcement/document-templates/inspection_record', {
      title: '现场勘验笔录',
      body: '当事人：{{当是人}}',
      numberPattern: '大城管勘字〔{year}〕第{n}号',
      version: t.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.body');
    const forbidden = await api('officer').put('/api/enforcement/document-templates/inspection_record', {
      title: 'x',
      body: 'x',
      numberPattern: '{year}{n}',
      version: t.version,
    });
    expect(forbidden.statusCode).toBe(403);
    const put = await api('legal').put('/api/enforcement/document-templates/inspection_record', {
      title: '现场勘验笔录',
      body: '当事人：{{当事人}}\n地点：{{违法地点}}',
      numberPattern: '大城管勘字〔{year}〕第{n}号',
      version: t.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const preview = await api('officer').post('/api/enforcement/document-templates/inspection_record/preview', {
      caseId: id,
    });
    expect(preview.json()).toMatchObject({
      title: '现场勘验笔录',
      paragraphs: ['当事人：张三', '地点：大冶市新冶大道12号'],
    });
    const sample = await api('officer').post('/api/enforcement/document-templates/prior_notice/preview', {
      body: '{{当事人}} {{罚款金额}} {{不存在}}',
    });
    expect(sample.json()).toMatchObject({ paragraphs: ['张三 5000.00 ________'], unknown: ['不存在'] });
  });

  it('a case of another city, or an unknown document, is not found', async () => {
    const res = await api('officer').get(`/api/enforcement/cases/${id}/documents/nope/file?format=pdf`);
    expect(res.statusCode).toBe(404);
    const kind = await api('officer').post(`/api/enforcement/cases/${id}/documents/not_a_kind`);
    expect(kind.statusCode).toBe(400);
  });
});

describe('without the CJK font', () => {
  it('refuses to issue with a clear 503 and draws no number', async () => {
    const other = await createTestApp({ env: { CJK_FONT_PATH: '/nonexistent/font.ttc' } });
    try {
      other.clock.set(new Date('2024-03-12T02:00:00.000Z'));
      const officer = await login(other.app, 'officer', 'Demo@12345');
      const o2 = await login(other.app, 'admin', 'Admin@12345');
      const users = (await as(other.app, o2).get('/api/org/users?pageSize=100')).json().items as {
        id: string;
        username: string;
      }[];
      const uid = (n: string) => users.find((u) => u.username === n)!.id;
      const created = await as(other.app, officer).post('/api/enforcement/cases', {
        procedure: 'ordinary',
        source: 'patrol',
        violationCode: 'wfjs',
        facts: '擅自搭建',
        violationOn: '2024-03-10',
        party: { kind: 'person', name: '张三', idNumber: ID_NUMBER },
        officers: [
          { userId: uid('officer'), certNo: '42028100101' },
          { userId: uid('officer2'), certNo: '42028100102' },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const res = await as(other.app, officer).post(
        `/api/enforcement/cases/${created.json().id}/documents/filing_approval`,
      );
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('ENFORCEMENT_PDF_FONT_MISSING');
      const rows = await other.database.db
        .selectFrom('sequences')
        .selectAll()
        .where('name', 'like', 'enforcement.doc.%')
        .execute();
      expect(rows).toEqual([]);
    } finally {
      await other.close();
    }
  }, 60_000);
});
