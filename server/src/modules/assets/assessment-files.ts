/**
 * The monthly assessment sheet (月度考核表, docs/inspections.md) as PDF and XLSX. Like the other printed documents
 * it is Chinese whatever the reader's language: it is signed and filed by the bureau and the contractor.
 */
import { readFile } from 'node:fs/promises';
import type PDFDocument from 'pdfkit';
import type { Assessment } from '../../../../common/contracts/inspections.ts';
import type { DeductionKind } from '../../../../common/domain/inspections.ts';
import { excel } from '../../platform/excel.ts';

const KIND_ZH: Record<DeductionKind, string> = {
  overdue_case: '责任区内超期案件',
  failed_item: '巡检不合格项',
  overdue_work_order: '超期养护工单',
};
const LINE_ZH: Record<string, string> = {
  sanitation: '环卫',
  parks: '园林',
  municipal: '市政',
  drainage: '排水',
  muck: '渣土',
  gas: '燃气',
};
const TTC_FACE = 'WenQuanYiZenHei';

const title = (a: Assessment) => `${a.contract.name} ${a.month.slice(0, 4)}年${Number(a.month.slice(5))}月考核表`;

/** The sheet's rows, the same in both files: the head, one row per rule, the total. */
export function sheetRows(a: Assessment): string[][] {
  return [
    ['合同编号', a.contract.contractNo, '服务单位', a.contract.unitName ?? ''],
    ['服务内容', LINE_ZH[a.contract.line] ?? a.contract.line, '服务区域', a.contract.regionNames.join('、')],
    ['考核项目', '次数', '每次扣分', '扣分'],
    ...a.deductions.map((d) => [KIND_ZH[d.kind], String(d.count), String(d.points), String(d.deducted)]),
    ['基础分', String(a.baseScore), '考核得分', String(a.score)],
  ];
}

let pdfModule: Promise<typeof PDFDocument> | undefined;
// pdfkit loads with the first sheet printed, not at start (docs/decisions/0012-footprint-and-logging.md)
const loadPdfKit = () => (pdfModule ??= import('pdfkit').then((m) => m.default));

export async function assessmentPdf(a: Assessment, fontPath: string): Promise<Buffer> {
  const PDFKit = await loadPdfKit();
  const doc = new PDFKit({ size: 'A4', margin: 50, info: { Title: title(a) }, pdfVersion: '1.7' });
  doc.registerFont('cjk', await readFile(fontPath), fontPath.toLowerCase().endsWith('.ttc') ? TTC_FACE : undefined);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.fontSize(16).text(title(a), { align: 'center' }).moveDown(1);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const col = width / 4;
  doc.fontSize(10);
  for (const row of sheetRows(a)) {
    const y = doc.y;
    const heights = row.map((cell) => doc.heightOfString(cell, { width: col - 8 }));
    const h = Math.max(...heights) + 8;
    row.forEach((cell, i) => {
      doc
        .rect(left + i * col, y, col, h)
        .lineWidth(0.5)
        .stroke('#444444');
      doc.text(cell, left + i * col + 4, y + 4, { width: col - 8 });
    });
    doc.x = left;
    doc.y = y + h;
  }
  doc.moveDown(1);
  for (const d of a.deductions) {
    if (!d.entries.length) continue;
    doc.fontSize(11).text(`${KIND_ZH[d.kind]}明细（${d.count}）`, left).moveDown(0.2).fontSize(9);
    for (const e of d.entries) doc.text(`${e.ref}  ${e.date}  ${e.text}`, left, undefined, { width });
    doc.moveDown(0.6);
  }
  doc.moveDown(2).fontSize(10).text('考核单位（盖章）：                  服务单位（签字）：', left);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

export async function assessmentXlsx(a: Assessment): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet('考核表');
  sheet.addRow([title(a)]);
  sheet.mergeCells(1, 1, 1, 4);
  for (const row of sheetRows(a)) sheet.addRow(row.map((c, i) => (i > 0 && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  sheet.columns.forEach((c) => (c.width = 24));
  const detail = workbook.addWorksheet('扣分明细');
  detail.addRow(['考核项目', '编号', '时间', '说明']);
  for (const d of a.deductions) for (const e of d.entries) detail.addRow([KIND_ZH[d.kind], e.ref, e.date, e.text]);
  detail.columns.forEach((c) => (c.width = 28));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
