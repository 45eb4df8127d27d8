import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { StatReport } from '../../../../common/contracts/reports.ts';
import type { YearbookDocument } from '../../../../common/contracts/yearbook.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 年度工作总结 over HTTP on the seeded demo city: the composed figures equal the report sections' figures of the same
 * year; editing prose keeps the bindings and rejects unknown keys with a field message; the .docx carries every
 * figure; a new year is rebound; only leaders and administrators write.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, s[who] ?? null);
const text = (xml: string) => xml.replace(/<[^>]+>/g, '');
let doc: YearbookDocument;

beforeAll(async () => {
  ctx = await createTestApp();
  s.admin = await login(ctx.app, 'admin', 'Admin@12345');
  s.inspector = await login(ctx.app, 'inspector', 'Demo@12345');
}, 180_000);
afterAll(async () => ctx.close());

describe('年度工作总结', () => {
  it('starts a year from the outline and resolves its figures from the report of the same year', async () => {
    const res = await api('admin').post('/api/yearbook/documents', { year: 2023 });
    expect(res.statusCode).toBe(201);
    doc = res.json();
    expect(doc.parts.map((p) => p.number)).toEqual(['一、', '二、', '三、']);
    expect(doc.sections.find((x) => x.part === 'summary')?.number).toBe('（一）');
    const report: StatReport = (await api('admin').get('/api/reports/statistics?period=year&at=2023')).json();
    const figures = new Map(report.sections.flatMap((x) => x.figures ?? []).map((f) => [f.key, f]));
    expect(doc.figures.length).toBeGreaterThan(5);
    for (const f of doc.figures) {
      expect(f.period).toBe('2023');
      const same = figures.get(f.key);
      // a section with nothing to say for the year stands for its empty value
      expect(f.value).toBe(same ? same.value : f.unit === 'percent' ? null : 0);
      expect(f.label).not.toContain('figures.');
    }
    const reported = doc.figures.find((f) => f.key === 'overview.reported')!;
    expect(reported.link).toBe('/kpi?subject=street&period=custom&from=2023-01-01&to=2023-12-31');
    expect(doc.sections[0]!.paragraphs[0]!.map((x) => x.text).join('')).toContain(
      `受理各类城市管理问题${reported.text}件`,
    );
  });

  it('keeps the bindings when the prose is edited and names an unknown key', async () => {
    const first = doc.sections[0]!;
    const body = `今年全市共受理问题{{overview.reported|2023}}件，结案率{{overview.closeRate|2023}}。`;
    const res = await api('admin').put(`/api/yearbook/documents/${doc.id}/sections/${first.id}`, {
      heading: first.heading,
      body,
    });
    expect(res.statusCode).toBe(200);
    const after: YearbookDocument = res.json();
    const edited = after.sections.find((x) => x.id === first.id)!;
    expect(edited.body).toBe(body);
    expect(edited.paragraphs[0]!.filter((x) => 'key' in x).map((x) => ('key' in x ? x.key : ''))).toEqual([
      'overview.reported',
      'overview.closeRate',
    ]);
    const bad = await api('admin').put(`/api/yearbook/documents/${doc.id}/sections/${first.id}`, {
      heading: first.heading,
      body: '拆除{{nothing.here|2023}}处，{{overview.closed|23}}',
    });
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details as { field: string; rule: string; message: string }[];
    expect(details.map((d) => [d.field, d.rule])).toEqual([
      ['body.body', 'placeholder.period'],
      ['body.body', 'placeholder.unknown'],
    ]);
    expect(details[1]!.message).toContain('{{nothing.here|2023}}');
    // nothing written
    const now: YearbookDocument = (await api('admin').get(`/api/yearbook/documents/${doc.id}`)).json();
    expect(now.sections.find((x) => x.id === first.id)!.body).toBe(body);
    doc = now;
  });

  it('writes a .docx and a PDF carrying each figure', async () => {
    const res = await api('admin').get(`/api/yearbook/documents/${doc.id}/file.docx`);
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const body = text(xml);
    expect(body).toContain(doc.title);
    for (const sec of doc.sections)
      for (const para of sec.paragraphs) expect(body).toContain(para.map((x) => x.text).join(''));
    expect(xml).toContain('w:pgMar w:top="2098"');
    const pdf = await api('admin').get(`/api/yearbook/documents/${doc.id}/file.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("starts the next year from this year's text with every figure rebound", async () => {
    const res = await api('admin').post('/api/yearbook/documents', { year: 2024 });
    expect(res.statusCode).toBe(201);
    const next: YearbookDocument = res.json();
    expect(next.sections[0]!.body).toBe(doc.sections[0]!.body.replaceAll('|2023}}', '|2024}}'));
    expect(next.figures.every((f) => f.period === '2024')).toBe(true);
    expect((await api('admin').post('/api/yearbook/documents', { year: 2024 })).statusCode).toBe(409);
  });

  it('lets only leaders and administrators in', async () => {
    expect((await api('inspector').get('/api/yearbook/documents')).statusCode).toBe(403);
    expect((await api(null as unknown as string).get('/api/yearbook/documents')).statusCode).toBe(401);
  });
});
