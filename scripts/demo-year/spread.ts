/** Deterministic spreads of a year's totals over records (no randomness: every run loads the same records). */

/** The i-th of n days spread evenly over the year, as YYYY-MM-DD; `last` bounds it (a record cannot be dated later). */
export function dayOf(year: number, i: number, n: number, last = `${year}-12-31`): string {
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const date = new Date(start + Math.floor(((i + 0.5) * days) / n) * 86_400_000).toISOString().slice(0, 10);
  return date > last ? last : date;
}

/**
 * A total split over n records in whole units, unevenly (weights 1.0–1.9 in a fixed pattern) and summing exactly
 * to the total, as recorded areas and amounts do.
 */
export function apportion(total: number, n: number): number[] {
  const weights = Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 10) / 10);
  const sum = weights.reduce((s, w) => s + w, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((s, p) => s + p, 0);
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) parts[i] = (parts[i] as number) + 1;
  return parts;
}

/** A point inside the demo city's extent (docs/demo-city.md), spread by index. */
export function pointOf(i: number): { lng: number; lat: number } {
  return {
    lng: Math.round((114.94 + ((i * 37) % 70) / 1000) * 1e6) / 1e6,
    lat: Math.round((30.07 + ((i * 53) % 50) / 1000) * 1e6) / 1e6,
  };
}
