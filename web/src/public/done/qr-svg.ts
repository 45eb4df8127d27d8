import encodeQR from 'qr';

/**
 * A QR code as one SVG path: each dark module is a 1×1 square at its (column, row), inside a quiet zone of 4
 * modules on every side (ISO/IEC 18004 asks for at least 4). Medium error correction (15 %) survives a smudged or
 * partly folded printout of the receipt; the encoder picks the smallest version and the best mask.
 */
export function qrPath(text: string): { size: number; path: string } {
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
  const parts: string[] = [];
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return { size: modules.length, path: parts.join('') };
}
