import { readFile } from 'node:fs/promises';
import type PDFDocument from 'pdfkit';
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { YearbookDocument } from '../../../../common/contracts/yearbook.ts';
import { paragraphText } from './yearbook-resolve.ts';

/**
 * The 工作总结 as a 公文 laid out per GB/T 9704-2012 (docs/yearbook.md, "公文 layout"): A4, margins 37/35/28/26 mm,
 * title in 2号 (22 pt), body in 3号 (16 pt) with a two-character first-line indent, the 发文机关 and the date
 * line at the end, page numbers in 4号 (14 pt) as 「— n —」, odd pages right and even pages left.
 *
 * The fonts are the ones the server has (文泉驿正黑, fonts-wqy-zenhei) so the file looks the same wherever it is
 * opened; a printed original wants the 公文 fonts named in docs/yearbook.md installed and set in FONTS.
 */
export const FONTS = { title: 'WenQuanYi Zen Hei', body: 'WenQuanYi Zen Hei', heading: 'WenQuanYi Zen Hei' } as const;
export const GBT9704 = {
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  titlePt: 22,
  bodyPt: 16,
  pageNumberPt: 14,
  /** 22 lines of 28 characters a page: the body line pitch is about 28.9 pt */
  linePitchPt: 28.9,
} as const;

const half = (pt: number) => pt * 2;
/** Millimetres to twips, rounded (the docx helper truncates: 37 mm would come out 2097). */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const run = (text: string, font: string, pt: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size: half(pt), ...extra });

/** The lines of the document in order: the title, then per part its number and title, its sections and prose. */
export function documentLines(d: YearbookDocument) {
  const lines: { kind: 'part' | 'heading' | 'body'; text: string }[] = [];
  for (const p of d.parts) {
    const sections = d.sections.filter((s) => s.part === p.part);
    lines.push({ kind: 'part', text: `${p.number}${p.title}` });
    for (const s of sections) {
      if (s.number || (s.heading && s.heading !== p.title))
        lines.push({ kind: 'heading', text: `${s.number}${s.heading}` });
      for (const para of s.paragraphs) lines.push({ kind: 'body', text: paragraphText(para) });
    }
  }
  return lines;
}

const dateLine = (d: YearbookDocument) => {
  if (!d.issuedOn) return '';
  const [y, m, day] = d.issuedOn.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

export async function yearbookDocx(d: YearbookDocument): Promise<Buffer> {
  const pitch = Math.round(GBT9704.linePitchPt * 20);
  const body = (text: string, opts: { bold?: boolean; font?: string; indent?: boolean; align?: 'right' } = {}) =>
    new Paragraph({
      spacing: { line: pitch, lineRule: 'exact' },
      // two characters of first-line indent, in twips (20 a point)
      indent: opts.indent === false ? undefined : { firstLine: GBT9704.bodyPt * 2 * 20 },
      alignment: opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
      children: [run(text, opts.font ?? FONTS.body, GBT9704.bodyPt, opts.bold ? { bold: true } : {})],
    });
  const pageNumber = (align: 'right' | 'left') =>
    new Footer({
      children: [
        new Paragraph({
          alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          // one character of space towards the edge (GB/T 9704-2012, 7.5)
          indent: align === 'right' ? { right: GBT9704.pageNumberPt * 20 } : { left: GBT9704.pageNumberPt * 20 },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: { ascii: FONTS.body, eastAsia: FONTS.body, hAnsi: FONTS.body },
              size: half(GBT9704.pageNumberPt),
            }),
          ],
        }),
      ],
    });
  const m = GBT9704.marginsMm;
  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(210), height: twip(297) },
            margin: {
              top: twip(m.top),
              bottom: twip(m.bottom),
              left: twip(m.left),
              right: twip(m.right),
            },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: pitch },
            children: [run(d.title, FONTS.title, GBT9704.titlePt)],
          }),
          ...documentLines(d).map((l) =>
            l.kind === 'body' ? body(l.text) : body(l.text, { font: FONTS.heading, bold: l.kind === 'part' }),
          ),
          new Paragraph({ spacing: { line: pitch }, children: [] }),
          body(d.issuer, { indent: false, align: 'right' }),
          ...(d.issuedOn ? [body(dateLine(d), { indent: false, align: 'right' })] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

type Pdf = InstanceType<typeof PDFDocument>;
let pdfModule: Promise<typeof PDFDocument> | undefined;
// pdfkit and its font engine load with the first PDF, not at start (docs/decisions/0012-footprint-and-logging.md)
const loadPdfKit = () => (pdfModule ??= import('pdfkit').then((mod) => mod.default));
/** A TrueType collection holds several faces: pdfkit picks one by its PostScript name. */
const TTC_FACE = 'WenQuanYiZenHei';
const MM = 72 / 25.4;

export async function yearbookPdf(d: YearbookDocument, fontPath: string): Promise<Buffer> {
  const PDFKit = await loadPdfKit();
  const m = GBT9704.marginsMm;
  const doc: Pdf = new PDFKit({
    size: 'A4',
    margins: { top: m.top * MM, bottom: m.bottom * MM, left: m.left * MM, right: m.right * MM },
    bufferPages: true,
    info: { Title: d.title },
    pdfVersion: '1.7',
  });
  doc.registerFont('cjk', await readFile(fontPath), fontPath.toLowerCase().endsWith('.ttc') ? TTC_FACE : undefined);
  doc.font('cjk');
  const gap = GBT9704.linePitchPt - GBT9704.bodyPt;
  doc.fontSize(GBT9704.titlePt).text(d.title, { align: 'center' }).moveDown(0.6);
  doc.fontSize(GBT9704.bodyPt);
  for (const l of documentLines(d)) doc.text(l.text, { indent: GBT9704.bodyPt * 2, lineGap: gap, align: 'justify' });
  doc.moveDown(1);
  doc.text(d.issuer, { align: 'right', lineGap: gap });
  if (d.issuedOn) doc.text(dateLine(d), { align: 'right', lineGap: gap });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // the number sits in the bottom margin: without this pdfkit would start a new page for it
    doc.page.margins.bottom = 0;
    const n = i - range.start + 1;
    const y = doc.page.height - (m.bottom * MM) / 2 - GBT9704.pageNumberPt / 2;
    const w = doc.page.width - (m.left + m.right) * MM - GBT9704.pageNumberPt;
    doc.fontSize(GBT9704.pageNumberPt).text(`— ${n} —`, m.left * MM + (n % 2 ? 0 : GBT9704.pageNumberPt), y, {
      width: w,
      align: n % 2 ? 'right' : 'left',
      lineBreak: false,
    });
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
