/**
 * Count bands: how a count (受理数, 派遣数, 立案数) becomes a 0–100 part of a composite score (docs/standards.md,
 * "KPI weights"). More accepted or dispatched cases score higher; fewer filed problems score higher. Each list is a
 * tenant setting; the defaults are the published 受理数 and 立案数 bands. No 派遣数 bands are published, so its
 * default starts from the 受理数 values for the bureau to set its own.
 */
export const BAND_KINDS = ['accepted', 'dispatched', 'filed'] as const;
export type BandKind = (typeof BAND_KINDS)[number];

/** 'more': the band of the highest threshold the count exceeds; 'fewer': of the lowest threshold it stays within. */
export const BAND_DIRECTION: Record<BandKind, 'more' | 'fewer'> = {
  accepted: 'more',
  dispatched: 'more',
  filed: 'fewer',
};

export interface CountBand {
  threshold: number;
  score: number;
}
export type CountBands = Record<BandKind, CountBand[]>;

export const MAX_BANDS = 10;

export const DEFAULT_BANDS: CountBands = {
  accepted: [
    { threshold: 2000, score: 100 },
    { threshold: 1200, score: 90 },
    { threshold: 500, score: 75 },
    { threshold: 300, score: 60 },
  ],
  dispatched: [
    { threshold: 2000, score: 100 },
    { threshold: 1200, score: 90 },
    { threshold: 500, score: 75 },
    { threshold: 300, score: 60 },
  ],
  filed: [
    { threshold: 50, score: 100 },
    { threshold: 100, score: 90 },
    { threshold: 200, score: 75 },
    { threshold: 500, score: 60 },
    { threshold: 1000, score: 40 },
  ],
};

/** The score of count `n` under the bands of `kind`; 0 outside every band. */
export function bandScore(kind: BandKind, n: number, bands: CountBands = DEFAULT_BANDS): number {
  const list = bands[kind] ?? DEFAULT_BANDS[kind];
  if (BAND_DIRECTION[kind] === 'more') {
    const hit = [...list].sort((a, b) => b.threshold - a.threshold).find((b) => n > b.threshold);
    return hit?.score ?? 0;
  }
  const hit = [...list].sort((a, b) => a.threshold - b.threshold).find((b) => n <= b.threshold);
  return hit?.score ?? 0;
}

/**
 * Problems of an edited band set, with field paths: at most MAX_BANDS bands per count, whole non-negative
 * thresholds, each threshold once, scores 0–100.
 */
export function bandProblems(bands: CountBands): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const kind of BAND_KINDS) {
    const list = bands[kind] ?? [];
    if (list.length > MAX_BANDS) problems.push({ field: `body.bands.${kind}`, message: `at most ${MAX_BANDS} bands` });
    const seen = new Set<number>();
    list.forEach((b, i) => {
      if (!Number.isInteger(b.threshold) || b.threshold < 0)
        problems.push({ field: `body.bands.${kind}[${i}].threshold`, message: 'a whole number ≥ 0' });
      else if (seen.has(b.threshold))
        problems.push({ field: `body.bands.${kind}[${i}].threshold`, message: 'each threshold appears once' });
      seen.add(b.threshold);
      if (!(b.score >= 0 && b.score <= 100))
        problems.push({ field: `body.bands.${kind}[${i}].score`, message: 'a score from 0 to 100' });
    });
  }
  return problems;
}
