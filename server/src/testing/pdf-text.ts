import { inflateSync } from 'node:zlib';

/**
 * The text drawn on a PDF's pages, read back for tests: every content stream (inflated when deflated) is scanned
 * for the hex strings of its text operators, and each 2-byte code is turned into characters through the
 * ToUnicode maps of the embedded fonts (pdfkit draws an embedded font subset by glyph codes, never by characters).
 * Enough for pdfkit's output with one embedded font; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
  }
  const map = new Map<number, string>();
  const hexChars = (h: string) => {
    let out = '';
    for (let i = 0; i + 4 <= h.length; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return out;
  };
  for (const s of streams.filter((x) => x.includes('begincmap'))) {
    for (const r of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[((?:\s*<[0-9a-fA-F]*>)+)\s*\]/g)) {
      const first = parseInt(r[1]!, 16);
      [...r[3]!.matchAll(/<([0-9a-fA-F]*)>/g)].forEach((d, i) => map.set(first + i, hexChars(d[1]!)));
    }
    for (const r of s.matchAll(/^<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4,})>\s*$/gm)) {
      const [a, b] = [parseInt(r[1]!, 16), parseInt(r[2]!, 16)];
      const base = parseInt(r[3]!, 16);
      for (let c = a; c <= b; c++) map.set(c, String.fromCharCode(base + c - a));
    }
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(parseInt(r[1]!, 16), hexChars(r[2]!));
  }
  let text = '';
  for (const s of streams.filter((x) => !x.includes('begincmap') && /T[Jj]/.test(x))) {
    for (const op of s.matchAll(/(\[[^\]]*\]|<[0-9a-fA-F]*>)\s*T([Jj])/g)) {
      for (const h of op[1]!.matchAll(/<([0-9a-fA-F]*)>/g))
        for (let i = 0; i + 4 <= h[1]!.length; i += 4) text += map.get(parseInt(h[1]!.slice(i, i + 4), 16)) ?? '';
      text += ' ';
    }
  }
  return text;
}
