/**
 * The KPI / yearly-report rows of the bench table come from bench/kpi.bench.ts (written with the KPI module). It is
 * loaded if present and called on the loaded database; when it is missing or exports nothing this file can call,
 * the rows read 'n/a (kpi bench missing)' and the run goes on.
 *
 * What is called, in order of preference (the first export that is a function):
 *   measureKpi | kpiBench | run | default  (options: KpiBenchOptions) → KpiBenchResult | Figure-like[]
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Database } from '../../server/src/platform/db.ts';
import type { Figure } from './report.ts';

export interface KpiBenchOptions {
  url: string;
  schema: string | null;
  database: Database;
  /** the app under test, for measurements over HTTP */
  port: number;
  cookie: string;
  log: (line: string) => void;
}

/** Either named figures or the two the issue states goals for. */
export interface KpiBenchResult {
  monthlyMs?: number;
  yearlyMs?: number;
  figures?: Omit<Figure, 'backend'>[];
  details?: unknown;
}

const FILE = fileURLToPath(new URL('../kpi.bench.ts', import.meta.url));
const MONTHLY_GOAL = { op: '<=', value: 300 } as const;
const YEARLY_GOAL = { op: '<=', value: 3000 } as const;

function missing(reason: string): Omit<Figure, 'backend'>[] {
  return [
    { name: 'monthly KPIs', value: NaN, unit: 'ms', goal: MONTHLY_GOAL, note: `n/a (${reason})` },
    { name: 'yearly report', value: NaN, unit: 'ms', goal: YEARLY_GOAL, note: `n/a (${reason})` },
  ];
}

export async function kpiFigures(
  o: KpiBenchOptions,
  size: string,
): Promise<{ figures: Omit<Figure, 'backend'>[]; details: unknown }> {
  if (!existsSync(FILE)) return { figures: missing('kpi bench missing'), details: null };
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(FILE).href)) as Record<string, unknown>;
  } catch (err) {
    o.log(`kpi bench failed to load: ${err instanceof Error ? err.message : String(err)}`);
    return { figures: missing('kpi bench failed to load'), details: { error: String(err) } };
  }
  const fn = ['measureKpi', 'kpiBench', 'run', 'default']
    .map((k) => mod[k])
    .find((v): v is (o: KpiBenchOptions) => Promise<unknown> => typeof v === 'function');
  if (!fn) return { figures: missing('kpi bench missing: no measureKpi export'), details: null };
  try {
    const out = (await fn(o)) as KpiBenchResult | Omit<Figure, 'backend'>[];
    if (Array.isArray(out)) return { figures: out, details: null };
    const figures = out.figures ? [...out.figures] : [];
    if (out.monthlyMs !== undefined)
      figures.push({
        name: 'monthly KPIs',
        value: out.monthlyMs,
        unit: 'ms',
        goal: MONTHLY_GOAL,
        note: `${size} (goal stated at 10M)`,
      });
    if (out.yearlyMs !== undefined)
      figures.push({
        name: 'yearly report',
        value: out.yearlyMs,
        unit: 'ms',
        goal: YEARLY_GOAL,
        note: `${size} (goal stated at 10M)`,
      });
    return {
      figures: figures.length ? figures : missing('kpi bench answered no figures'),
      details: out.details ?? null,
    };
  } catch (err) {
    o.log(`kpi bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { figures: missing('kpi bench failed'), details: { error: String(err) } };
  }
}
