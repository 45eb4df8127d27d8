import type * as Docx from 'docx';
import { zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import type { SupervisionOrder } from '../../../../common/contracts/supervision.ts';

/** 一般 / 重点 / 挂牌 as printed on the order (the document is Chinese whatever the reader's language). */
export const LEVEL_TEXT = { general: '一般督办', key: '重点督办', listed: '挂牌督办' } as const;

export interface PrintedOrder {
  authority: string;
  timeZone: string;
  order: SupervisionOrder;
  caseDescription: string;
  caseAddress: string | null;
}

const FONT = '宋体';

// docx is loaded when the first order is printed, not at start (docs/decisions/0012-footprint-and-logging.md).
let docxModule: Promise<typeof Docx> | undefined;
const loadDocx = () => (docxModule ??= import('docx'));

/** The 督办单 as a Word file: a title, then a two-column form, then room for the reply (docs/supervision.md). */
export async function renderOrderDocx(p: PrintedOrder): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await loadDocx();
  const run = (text: string, size: number, bold = false) =>
    new TextRun({ text, size, bold, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } });
  const o = p.order;
  const t = (iso: string | null) => (iso ? zonedDateTime(iso, p.timeZone) : '');
  const rows: [string, string][] = [
    ['督办编号', o.orderNo],
    ['督办级别', LEVEL_TEXT[o.level]],
    ['案件编号', o.caseNo],
    ['问题描述', p.caseDescription],
    ['地址', p.caseAddress ?? ''],
    ['督办单位（人）', o.issuerName],
    ['承办单位', o.targetUnitName ?? ''],
    ['督办事由', o.reason],
    ['下发时间', t(o.issuedAt)],
    ['回复期限', t(o.dueAt)],
    ['回复情况', o.replyText ?? ''],
    ['回复人', o.repliedByName ?? ''],
    ['回复时间', t(o.repliedAt)],
  ];
  const cell = (text: string, bold: boolean, pct: number) =>
    new TableCell({
      width: { size: pct, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [run(text, 24, bold)] })],
    });
  const doc = new Document({
    creator: p.authority,
    title: `督办单 ${o.orderNo}`,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(p.authority, 32, true)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`${LEVEL_TEXT[o.level]}单`, 40, true)],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, true, 25), cell(v, false, 75)] })),
          }),
          new Paragraph({
            spacing: { before: 240 },
            children: [run('请承办单位在回复期限内办结并回复，附整改照片。', 22)],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
