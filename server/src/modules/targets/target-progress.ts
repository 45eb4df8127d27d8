/**
 * The progress of plan targets (docs/targets.md, "Progress"): a figure target is read from the statistics report over
 * 1 January to the day (only the sections of the figures asked are built), a manual one from its latest progress
 * report on or before the day. The statuses follow common/domain/targets.ts.
 */
import type { QuarterValue } from '../../../../common/contracts/targets.ts';
import type { FigureUnit } from '../../../../common/domain/report-figures.ts';
import {
  elapsedShare,
  measureValue,
  quarterEnds,
  shareOf,
  targetStatus,
  type TargetComparison,
  type TargetStatus,
} from '../../../../common/domain/targets.ts';
import type { TgReportsTable, TgTargetsTable } from '../../db/schema-targets.ts';
import type { Locale } from '../../platform/messages.ts';
import { translate } from '../../platform/messages.ts';
import type { ReportService } from '../reports/index.ts';

/** The part of the reports module a target reads (its public build and the declared figures). */
export type FigureReports = Pick<ReportService, 'build' | 'sections'>;

/** The section this module registers: its own figures are never a target's measure (they are the targets). */
export const TARGETS_SECTION = 'targets';

export interface Measured {
  value: number | null;
  asOf: string | null;
  share: number | null;
  elapsed: number;
  status: TargetStatus;
  quarters: QuarterValue[];
  figureLabel: string | null;
  figureUnit: FigureUnit | null;
}

const min = (a: string, b: string) => (a < b ? a : b);

/** The day a target's value is read to on `today`: today, or its due date once passed; null before its year. */
export function asOfDay(t: Pick<TgTargetsTable, 'year' | 'due_on'>, today: string): string | null {
  if (today < `${t.year}-01-01`) return null;
  return min(today, t.due_on);
}

/** The quarters' reading days on `today`: a quarter not started reads nothing, one under way reads to today. */
export function quarterDays(year: number, today: string): (string | null)[] {
  return quarterEnds(year).map((end, i) => {
    const start = `${year}-${String(i * 3 + 1).padStart(2, '0')}-01`;
    return today < start ? null : min(end, today);
  });
}

export function createTargetProgress(reports: FigureReports) {
  /** Every declared figure a target may bind to, by key (the targets section's own excluded). */
  function bindable() {
    return new Map(
      reports.sections
        .figures()
        .filter((f) => f.section !== TARGETS_SECTION)
        .map((f) => [f.key, f]),
    );
  }

  /**
   * The figure values of the targets at each reading day: one report per day, built with only the sections the
   * targets' figures belong to; a section with nothing to say stands at its empty value (0, or no data for a rate).
   */
  async function figureValues(
    tenantId: string,
    wanted: readonly { year: number; day: string; key: string }[],
    locale: Locale,
  ): Promise<Map<string, number | null>> {
    const declared = bindable();
    const byDay = new Map<string, { year: number; day: string; sections: Set<string> }>();
    for (const w of wanted) {
      const f = declared.get(w.key);
      if (!f) continue;
      const id = `${w.year}|${w.day}`;
      const entry = byDay.get(id) ?? { year: w.year, day: w.day, sections: new Set<string>() };
      entry.sections.add(f.section);
      byDay.set(id, entry);
    }
    const out = new Map<string, number | null>();
    for (const [id, e] of byDay) {
      const report = await reports.build(
        tenantId,
        { period: 'custom', from: `${e.year}-01-01`, to: e.day, lang: locale },
        (key) => e.sections.has(key),
      );
      const got = new Map(report.sections.flatMap((s) => s.figures ?? []).map((f) => [f.key, f.value]));
      for (const w of wanted) {
        if (`${w.year}|${w.day}` !== id) continue;
        const f = declared.get(w.key);
        if (!f) continue;
        const raw = got.has(w.key) ? (got.get(w.key) ?? null) : f.unit === 'percent' ? null : 0;
        out.set(`${id}|${w.key}`, measureValue(raw, f.unit));
      }
    }
    return out;
  }

  /** The latest reported value on or before `day` (a manual target's value then). */
  const reportedBy = (rows: readonly TgReportsTable[], day: string): number | null => {
    let v: number | null = null;
    for (const r of rows) if (r.reported_on <= day) v = r.value;
    return v;
  };

  /** Progress, quarters and status of each target on `today` (a calendar date in the tenant's zone). */
  async function measure(
    tenantId: string,
    targets: readonly TgTargetsTable[],
    progressReports: readonly TgReportsTable[],
    today: string,
    locale: Locale,
  ): Promise<Map<string, Measured>> {
    const declared = bindable();
    const wanted: { year: number; day: string; key: string }[] = [];
    for (const t of targets) {
      if (t.kind !== 'figure' || !t.figure_key) continue;
      for (const day of [asOfDay(t, today), ...quarterDays(t.year, today)])
        if (day) wanted.push({ year: t.year, day, key: t.figure_key });
    }
    const figures = wanted.length ? await figureValues(tenantId, wanted, locale) : new Map<string, number | null>();
    const byTarget = new Map<string, TgReportsTable[]>();
    for (const r of progressReports) byTarget.set(r.target_id, [...(byTarget.get(r.target_id) ?? []), r]);
    const t9n = (key: string) => translate(locale, key) ?? key;

    const out = new Map<string, Measured>();
    for (const t of targets) {
      const f = t.figure_key ? declared.get(t.figure_key) : undefined;
      const valueAt = (day: string | null): number | null => {
        if (!day) return null;
        if (t.kind === 'figure') return figures.get(`${t.year}|${day}|${t.figure_key}`) ?? null;
        return reportedBy(byTarget.get(t.id) ?? [], day);
      };
      const asOf = asOfDay(t, today);
      const value = valueAt(asOf);
      const ends = quarterEnds(t.year);
      const rate = f ? f.unit === 'percent' : t.measure_unit === '%';
      out.set(t.id, {
        value,
        asOf,
        share: shareOf(t.target_value, value),
        elapsed: Math.round(elapsedShare(t.year, t.due_on, today) * 1000) / 10,
        status: targetStatus({
          year: t.year,
          dueOn: t.due_on,
          comparison: t.comparison as TargetComparison,
          target: t.target_value,
          value,
          rate,
          today,
        }),
        quarters: quarterDays(t.year, today).map((day, i) => {
          const v = valueAt(day);
          return { quarter: i + 1, end: ends[i] ?? '', value: v, share: shareOf(t.target_value, v) };
        }),
        figureLabel: f ? (f.label ? f.label(t9n) : t9n(`figures.${f.section}.${f.name}`)) : null,
        figureUnit: f?.unit ?? null,
      });
    }
    return out;
  }

  return { bindable, measure };
}
export type TargetProgress = ReturnType<typeof createTargetProgress>;
