import { wanYuanText } from './projects.ts';
import { percentText } from './number-format.ts';

/**
 * Figures of the statistics report: each number a ReportSection's sentences carry, kept as data too, under a stable
 * key `<section>.<name>` (`approvals.accepted`), so a 工作总结 can bind a placeholder to it (docs/yearbook.md).
 * The unit says how the value is written into prose; the measure word (件, 块, 人次) stays in the prose itself.
 */
/** Money is held in fen (docs/conventions.md, "Money") and read in 万元 (`wanYuan`) or in 元 (`yuan`). */
export const FIGURE_UNITS = ['count', 'percent', 'wanYuan', 'yuan', 'm2', 'ton', 'hour', 'metre', 'person'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/**
 * A figure key: the section key (which may hold a dot, `assets.sanitation`) and the figure's name; a family's key
 * names a member the data defines between them (`hotline.source.12345.received`, `classes.06027+06028.reported`:
 * codes as the catalog spells them, several joined by `+`).
 */
export const FIGURE_KEY_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+(\+[a-zA-Z0-9]+)*)+$/;

const trimmed = (v: number, decimals: number) => String(Number(v.toFixed(decimals)));

/**
 * The text a figure reads as inside a sentence: counts whole, rates as 98.5%, money in 万元 (the unit of the
 * bureau's reports), areas and lengths to two decimals, tonnes and hours to one; `null` (no data) as a dash.
 */
export function figureText(value: number | null, unit: FigureUnit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent':
      return percentText(value);
    case 'wanYuan':
      return wanYuanText(value);
    case 'yuan':
      return trimmed(value / 100, 2);
    case 'm2':
    case 'metre':
      return trimmed(value, 2);
    case 'ton':
    case 'hour':
      return trimmed(value, 1);
    default:
      return String(Math.round(value));
  }
}
