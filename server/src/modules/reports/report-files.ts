import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { excel } from '../../platform/excel.ts';
import type { ReportColumn, ReportTable, StatReport } from '../../../../common/contracts/reports.ts';
import { percentText } from '../../../../common/domain/number-format.ts';
import { inertCell } from '../../platform/cell-text.ts';
import { expandedColumns } from './report-comparison.ts';

/** The words naming the two comparisons in the request's language ('环比', 'vs previous'), and what joins them. */
export interface ChangeLabels {
  previousChange: string;
  lastYearChange: string;
  /** between a figure's title and a label: '' in Chinese, a space in English */
  sep: string;
}

/**
 * The report as a Word document laid out like a bureau's work summary (title, numbered sections, sentences in
 * 仿宋 with a two-character first-line indent, tables after the text) and as an Excel workbook of its tables.
 */
const BODY_FONT = { ascii: 'Times New Roman', eastAsia: '仿宋', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };

export function cellText(v: string | number | null | undefined, type: ReportColumn['type']): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return type === 'percent' ? percentText(v) : String(Number(v.toFixed(2)));
  return v;
}

/** A figure's two changes in a line of small type under it ('环比↑3.2% 同比↓1.0%'). */
function changeLine(r: ReportTable['rows'][number], key: string, labels: ChangeLabels): string {
  return (['previousChange', 'lastYearChange'] as const)
    .map((which) => `${labels[which]}${labels.sep}${r[`${key}:${which}`] ?? '—'}`)
    .join(' ');
}

function docxTable(t: ReportTable, labels: ChangeLabels): Table {
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map(
      (c) =>
        new TableCell({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: c.title, bold: true, font: BODY_FONT, size: 21 })],
            }),
          ],
        }),
    ),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        children: t.columns.map(
          (c) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: c.type === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT,
                  children: [new TextRun({ text: cellText(r[c.key], c.type), font: BODY_FONT, size: 21 })],
                }),
                ...(c.changes
                  ? [
                      new Paragraph({
                        alignment: AlignmentType.RIGHT,
                        children: [new TextRun({ text: changeLine(r, c.key, labels), font: BODY_FONT, size: 15 })],
                      }),
                    ]
                  : []),
              ],
            }),
        ),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

export async function reportDocx(report: StatReport, generatedLine: string, labels: ChangeLabels): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: report.title, bold: true, size: 36, font: TITLE_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: generatedLine, size: 24, font: BODY_FONT })],
    }),
  ];
  for (const s of report.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: s.title, bold: true, size: 32, font: TITLE_FONT })],
      }),
    );
    for (const p of s.paragraphs) {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560 },
          children: [new TextRun({ text: p, size: 32, font: BODY_FONT })],
        }),
      );
    }
    for (const t of s.tables) {
      if (!t.rows.length) continue;
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 60 },
          children: [new TextRun({ text: t.title, bold: true, size: 24, font: BODY_FONT })],
        }),
      );
      children.push(docxTable(t, labels));
    }
  }
  const doc = new Document({
    creator: 'CityLoop',
    title: report.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

export async function reportXlsx(report: StatReport, labels: ChangeLabels): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'CityLoop';
  const used = new Set<string>();
  for (const s of report.sections) {
    for (const t of s.tables) {
      let name = t.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28);
      for (let i = 2; used.has(name); i++) name = `${t.title.slice(0, 26)}${i}`;
      used.add(name);
      const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
      sheet.addRow([`${report.title} · ${t.title}`]).font = { bold: true };
      // a sheet has room for every change in a column of its own
      const columns = expandedColumns(t, (which) => labels[which], labels.sep);
      sheet.addRow(columns.map((c) => c.title)).font = { bold: true };
      for (const r of t.rows) sheet.addRow(columns.map((c) => inertCell(r[c.key] ?? null)));
      columns.forEach((c, i) => {
        const col = sheet.getColumn(i + 1);
        col.width = c.type === 'text' ? 24 : 14;
        if (c.type === 'percent') col.numFmt = '0.00"%"';
      });
    }
  }
  if (!used.size) wb.addWorksheet('—').addRow([report.title]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
