import type * as Docx from 'docx';
import type { Agreement } from '../../../../common/contracts/frontage.ts';

/** What the printed 责任书 needs: the agreement (operator's phone already masked) and the two parties' names. */
export interface PrintedAgreement {
  bureau: string;
  agreement: Agreement;
}

const FONT = '宋体';

/**
 * The three duties as the 责任书 states them (docs/frontage.md, "The agreement"): 包市容、包环境卫生、包秩序. The
 * document is Chinese whatever the reader's language: it is signed by the shop.
 */
export const DUTIES = [
  '一、包市容：责任区内无出店经营、无乱搭乱建、无乱贴乱画乱挂，门店招牌、遮阳篷等设施整洁完好。',
  '二、包环境卫生：责任区内无垃圾、无污水、无积雪积冰，垃圾按规定分类投放，不向路面倾倒。',
  '三、包秩序：责任区内无占道经营、无乱停乱放，车辆、物品按规定停放摆放，劝阻并报告违法行为。',
  '四、责任人应配合城市管理部门的检查。检查按百分制评分，每月依据检查成绩公布红榜、黑榜。',
  '五、本责任书一式两份，甲乙双方各执一份，自签订之日起生效，至责任期届满时终止。',
] as const;

// docx is loaded when the first 责任书 is printed, not at start (docs/decisions/0012-footprint-and-logging.md).
let docxModule: Promise<typeof Docx> | undefined;
const loadDocx = () => (docxModule ??= import('docx'));

/** 门前三包责任书 as a Word file: title, the parties and the area, the duties, and the signature lines. */
export async function renderAgreementDocx(p: PrintedAgreement): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await loadDocx();
  const run = (text: string, size: number, bold = false) =>
    new TextRun({ text, size, bold, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } });
  const a = p.agreement;
  const para = (text: string, spacing = 120) =>
    new Paragraph({ spacing: { after: spacing }, children: [run(text, 24)] });
  const cell = (text: string, bold: boolean, pct: number) =>
    new TableCell({
      width: { size: pct, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [run(text, 24, bold)] })],
    });
  const rows: [string, string][] = [
    ['责任书编号', a.agreementNo],
    ['商户名称', a.shopName],
    ['统一社会信用代码', a.creditCode ?? ''],
    ['责任人', a.operatorName],
    ['经营地址', a.address],
    ['所属街道（乡镇）', a.regionName ?? ''],
    ['责任区范围', a.scope],
    ['责任期限', `${a.periodFrom} 至 ${a.periodTo}`],
  ];
  const doc = new Document({
    creator: p.bureau,
    title: `门前三包责任书 ${a.agreementNo}`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run('门前三包责任书', 40, true)],
          }),
          para(`甲方：${p.bureau}${a.regionName ? `、${a.regionName}` : ''}`),
          para(`乙方：${a.shopName}（责任人：${a.operatorName}）`, 240),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, true, 30), cell(v, false, 70)] })),
          }),
          new Paragraph({
            spacing: { before: 240, after: 120 },
            children: [run('乙方在责任区内履行以下责任：', 24, true)],
          }),
          ...DUTIES.map((d) => para(d)),
          new Paragraph({
            spacing: { before: 480 },
            children: [run('甲方（盖章）：                    乙方（签字）：', 24)],
          }),
          new Paragraph({ spacing: { before: 240 }, children: [run(`签订日期：${a.signedOn}`, 24)] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
