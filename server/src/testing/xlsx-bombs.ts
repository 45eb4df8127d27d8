import JSZip from 'jszip';

/**
 * Hostile .xlsx files built at test time (no binary fixtures): a minimal workbook whose one sheet is given as XML,
 * compressed as hard as deflate goes, and ways to make its zip headers lie.
 */
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

/** A workbook with one sheet named `sheetName` whose XML is `sheetXml` (inline strings, no shared strings). */
export async function workbookWithSheet(
  sheetXml: string,
  sheetName = 'Sheet1',
  options: { streamFiles?: boolean; absoluteTarget?: boolean } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const target = options.absoluteTarget ? `/${SHEET_PATH}` : 'worksheets/sheet1.xml';
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="${target}"/></Relationships>`,
  );
  zip.file(SHEET_PATH, sheetXml);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    streamFiles: options.streamFiles ?? false,
  });
}

const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Sheet XML: a header row and `rows` data rows of the given cells (inline strings); `dimension` as the writer claims. */
export function sheetXml(
  header: readonly string[],
  rows: number,
  cell: (row: number, col: number) => string,
  dimension?: string,
): string {
  const col = (i: number) => String.fromCharCode(65 + i);
  const lines = [`<row r="1">${header.map((h, i) => inlineCell(`${col(i)}1`, h)).join('')}</row>`];
  for (let r = 2; r <= rows + 1; r += 1)
    lines.push(`<row r="${r}">${header.map((_, i) => inlineCell(`${col(i)}${r}`, cell(r, i))).join('')}</row>`);
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${lines.join('')}</sheetData></worksheet>`;
}

/** A zip bomb in miniature: the header row, then one cell holding `unpackedBytes` of the same letter (deflate ≈ 1000:1). */
export function bombSheetXml(header: readonly string[], unpackedBytes: number): string {
  return sheetXml(header, 1, (_, i) => (i === 0 ? 'x'.repeat(unpackedBytes) : ''));
}

/**
 * The same archive with `name`'s unpacked size rewritten in both its local header and the central directory: a
 * file whose headers understate (or overstate) what it inflates to.
 */
export function withDeclaredSize(zip: Buffer, name: string, unpackedSize: number): Buffer {
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = out.readUInt32LE(end + 16);
  for (let k = 0, n = out.readUInt16LE(end + 10); k < n; k += 1) {
    const nameLength = out.readUInt16LE(p + 28);
    if (out.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      out.writeUInt32LE(unpackedSize, p + 24);
      out.writeUInt32LE(unpackedSize, out.readUInt32LE(p + 42) + 22);
      return out;
    }
    p += 46 + nameLength + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  throw new Error(`no entry ${name}`);
}
