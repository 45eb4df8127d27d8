import type * as Docx from 'docx';
import type { Agreement } from '../../../../common/contracts/frontage.ts';
import {
  areaText,
  fillTemplate,
  type AgreementTemplate,
  type TemplateValues,
} from '../../../../common/domain/frontage-template.ts';

/** What the printed 责任书 needs: the agreement (operator's phone already masked), the bureau and the wording. */
export interface PrintedAgreement {
  bureau: string;
  agreement: Agreement;
  template: AgreementTemplate;
}

const FONT = '宋体';

/** The placeholders of the 责任书 template filled from an agreement (docs/frontage.md, "The 责任书 template"). */
export const agreementValues = (bureau: string, a: Agreement): TemplateValues => ({
  bureau,
  region: a.regionName ?? '',
  agreementNo: a.agreementNo,
  shopName: a.shopName,
  creditCode: a.creditCode ?? '',
  operatorName: a.operatorName,
  address: a.address,
  scope: a.scope,
  area: areaText(a.areaM2),
  areaM2: a.areaM2 === null ? '' : String(a.areaM2),
  periodFrom: a.periodFrom,
  periodTo: a.periodTo,
  signedOn: a.signedOn,
});

// docx is loaded when the first 责任书 is printed, not at start (docs/decisions/0012-footprint-and-logging.md).
let docxModule: Promise<typeof Docx> | undefined;
const loadDocx = () => (docxModule ??= import('docx'));

/** 门前三包责任书 as a Word file: the template's title and parties, the agreement's table with its area, the duties, the closing lines. */
export async function renderAgreementDocx(p: PrintedAgreement): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await loadDocx();
  const run = (text: string, size: number, bold = false) =>
    new TextRun({ text, size, bold, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } });
  const a = p.agreement;
  // The document is Chinese whatever the reader's language: it is signed by the shop.
  const text = fillTemplate(p.template, agreementValues(p.bureau, a));
  const para = (line: string, spacing = 120) =>
    new Paragraph({ spacing: { after: spacing }, children: [run(line, 24)] });
  const cell = (value: string, bold: boolean, pct: number) =>
    new TableCell({
      width: { size: pct, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [run(value, 24, bold)] })],
    });
  const rows: [string, string][] = [
    ['责任书编号', a.agreementNo],
    ['商户名称', a.shopName],
    ['统一社会信用代码', a.creditCode ?? ''],
    ['责任人', a.operatorName],
    ['经营地址', a.address],
    ['所属街道（乡镇）', a.regionName ?? ''],
    ['责任区范围', a.scope],
    ['责任区面积', areaText(a.areaM2)],
    ['责任期限', `${a.periodFrom} 至 ${a.periodTo}`],
  ];
  const doc = new Document({
    creator: p.bureau,
    title: `${text.title} ${a.agreementNo}`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(text.title, 40, true)],
          }),
          ...text.parties.map((l, i) => para(l, i === text.parties.length - 1 ? 240 : 120)),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, true, 30), cell(v, false, 70)] })),
          }),
          ...(text.intro
            ? [new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(text.intro, 24, true)] })]
            : []),
          ...text.duties.map((d) => para(d)),
          ...text.closing.map(
            (l, i) => new Paragraph({ spacing: { before: i === 0 ? 480 : 240 }, children: [run(l, 24)] }),
          ),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
