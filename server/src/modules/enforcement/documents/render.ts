import { readFile } from 'node:fs/promises';
import type * as Docx from 'docx';
import type PDFKit from 'pdfkit';
import { AppError } from '../../../platform/errors.ts';

// docx and pdfkit (with its font engine) are loaded when the first document is rendered, not at start: together
// about 40 MiB and 0.4 s that most processes never need (docs/decisions/0012-footprint-and-logging.md).
let docxModule: Promise<typeof Docx> | undefined;
let pdfModule: Promise<typeof PDFKit> | undefined;
const loadDocx = () => (docxModule ??= import('docx'));
const loadPdfKit = () => (pdfModule ??= import('pdfkit').then((m) => m.default));

/**
 * One document of a case as a Word file and as a PDF (docs/enforcement.md, "Documents"). The PDF embeds a subset of
 * a CJK font (the configured file; pdfkit's standard fonts have no Chinese glyphs), so it prints the same anywhere.
 */
export interface RenderedText {
  /** the issuing authority, printed above the title */
  authority: string;
  title: string;
  docNo: string;
  paragraphs: readonly string[];
}

const FONT = '宋体';

export async function renderDocx(t: RenderedText): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await loadDocx();
  const run = (text: string, size: number, bold = false) =>
    new TextRun({ text, size, bold, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } });
  const doc = new Document({
    creator: t.authority,
    title: `${t.title} ${t.docNo}`,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t.authority, 32, true)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [run(t.title, 36, true)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [run(t.docNo, 24)] }),
          ...t.paragraphs.map((p) => new Paragraph({ spacing: { after: 120 }, children: [run(p, 24)] })),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** A TrueType collection holds several faces: pdfkit picks one by its PostScript name. */
const TTC_FACE = 'WenQuanYiZenHei';
const fonts = new Map<string, Promise<Buffer>>();

/** The font bytes, read once per path; a missing or unreadable file is a clear 503, not a crash. */
async function fontBytes(path: string): Promise<Buffer> {
  let bytes = fonts.get(path);
  if (!bytes) {
    bytes = readFile(path);
    fonts.set(path, bytes);
  }
  try {
    return await bytes;
  } catch {
    fonts.delete(path);
    throw new AppError('ENFORCEMENT_PDF_FONT_MISSING', 503, {
      message: `the CJK font for PDF documents is not readable: set CJK_FONT_PATH (now ${path})`,
    });
  }
}

export async function renderPdf(t: RenderedText, fontPath: string): Promise<Buffer> {
  const font = await fontBytes(fontPath);
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 72,
    info: { Title: `${t.title} ${t.docNo}`, Author: t.authority },
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  try {
    doc.registerFont('cjk', font, fontPath.toLowerCase().endsWith('.ttc') ? TTC_FACE : undefined);
    doc.font('cjk');
  } catch (err) {
    doc.end();
    throw new AppError('ENFORCEMENT_PDF_FONT_MISSING', 503, {
      message: `the CJK font for PDF documents cannot be used (${(err as Error).message}): set CJK_FONT_PATH`,
    });
  }
  doc.fontSize(16).text(t.authority, { align: 'center' });
  doc.moveDown(0.3).fontSize(20).text(t.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(11).text(t.docNo, { align: 'right' });
  doc.moveDown(0.8).fontSize(12);
  for (const p of t.paragraphs) doc.text(p, { lineGap: 4, paragraphGap: 6 });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
