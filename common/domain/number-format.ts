/**
 * How numbers read everywhere a person sees them, on screens and in files: one formula per kind, so the 大屏, the KPI
 * tables and the statistics report never show the same rate two ways. Rates carry at most one decimal (98.5%, 100%).
 */
export function percentText(value: number): string {
  return `${Number(value.toFixed(1))}%`;
}

/** Averages and scores: one decimal, always shown (3.0 hours, 92.5 points). */
export function decimalText(value: number): string {
  return value.toFixed(1);
}
