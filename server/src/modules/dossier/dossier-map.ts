import type PDFDocument from 'pdfkit';

/**
 * The map snapshot of a 案卷: the grids around the case drawn as outlines from our own geography, the case's grid
 * shaded, and the case point, on a plain background (no tile server: docs/conventions.md, "Maps").
 */
export interface MapSnapshot {
  point: { lng: number; lat: number };
  /** grid code and outer rings ([lng, lat] pairs) */
  grids: { code: string; rings: number[][][] }[];
  caseGrid: string | null;
}

/** Outer rings of a GeoJSON Polygon or MultiPolygon text; anything else draws nothing. */
export function ringsOf(geometry: string | null): number[][][] {
  if (!geometry) return [];
  try {
    const g = JSON.parse(geometry) as { type: string; coordinates: unknown };
    if (g.type === 'Polygon') return [(g.coordinates as number[][][])[0]!];
    if (g.type === 'MultiPolygon') return (g.coordinates as number[][][][]).map((p) => p[0]!);
  } catch {
    // a broken shape is left out of the picture rather than failing the print
  }
  return [];
}

/** Half the side of the snapshot in degrees of latitude (about 450 m). */
export const SNAPSHOT_HALF_DEG = 0.004;

export function drawMap(doc: InstanceType<typeof PDFDocument>, map: MapSnapshot, x: number, y: number, size: number) {
  const { lng, lat } = map.point;
  // Equal ground distances on both axes: a degree of longitude is shorter by cos(latitude).
  const kx = Math.cos((lat * Math.PI) / 180);
  const half = SNAPSHOT_HALF_DEG;
  const px = (p: number[]) => x + ((((p[0]! - lng) * kx) / half + 1) / 2) * size;
  const py = (p: number[]) => y + ((1 - (p[1]! - lat) / half) / 2) * size;
  doc.save();
  doc.rect(x, y, size, size).fillAndStroke('#f5f5f0', '#999999');
  doc.rect(x, y, size, size).clip();
  for (const grid of map.grids) {
    for (const ring of grid.rings) {
      if (ring.length < 3) continue;
      doc.moveTo(px(ring[0]!), py(ring[0]!));
      for (const p of ring.slice(1)) doc.lineTo(px(p), py(p));
      doc.closePath();
      if (grid.code === map.caseGrid) doc.fillAndStroke('#dbe8f7', '#2f6fb5');
      else doc.lineWidth(0.5).stroke('#9aa5b1');
    }
  }
  doc.circle(x + size / 2, y + size / 2, 5).fillAndStroke('#d4380d', '#ffffff');
  doc.restore();
  // scale bar: 200 m
  const bar = (200 / 111_320 / half / 2) * size;
  doc
    .moveTo(x + 8, y + size - 10)
    .lineTo(x + 8 + bar, y + size - 10)
    .lineWidth(1.5)
    .stroke('#333333');
  doc
    .fontSize(7)
    .fillColor('#333333')
    .text('200 m', x + 10 + bar, y + size - 14, { lineBreak: false });
}
