/**
 * KPIs of the enforcement line (docs/enforcement.md, "Figures"): 办案数, decisions and 按期办结率, 罚没金额, and the
 * 行政复议 / 行政诉讼 outcomes, over local calendar dates; and the report section whose sentence the bureau's work
 * summary carries (「查处并整改市容秩序问题N起，处罚金额N元」). The API counts within the caller's visibility; the
 * report, which speaks for the whole city, counts every case.
 */
import type { EnforcementFigures } from '../../../../common/contracts/enforcement.ts';
import { formatFen } from '../../../../common/domain/enforcement-money.ts';
import type { Executor } from '../../platform/db.ts';
import { sectionFigures, type ReportFigureSpec, type ReportSection } from '../reports/index.ts';
import type { scopeFilter } from './enforcement-scope.ts';

export async function enforcementFigures(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
  scope: ReturnType<typeof scopeFilter>,
): Promise<EnforcementFigures> {
  const base = () => {
    let q = db.selectFrom('enforcement_cases').where('enforcement_cases.tenant_id', '=', tenantId);
    if (scope) q = q.where(scope);
    return q;
  };
  const filed = await base()
    .where('filed_on', '>=', from)
    .where('filed_on', '<=', to)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const decided = await base()
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .select(['procedure', 'decided_on', 'decision_due', 'fine_fen', 'reconsideration_outcome', 'litigation_outcome'])
    .execute();
  let paidQ = db
    .selectFrom('enforcement_payments as p')
    .innerJoin('enforcement_cases', 'enforcement_cases.id', 'p.case_id')
    .where('p.tenant_id', '=', tenantId)
    .where('p.paid_on', '>=', from)
    .where('p.paid_on', '<=', to);
  if (scope) paidQ = paidQ.where(scope);
  const paid = await paidQ.select((eb) => eb.fn.sum<number>('p.amount_fen').as('s')).executeTakeFirstOrThrow();

  // On time: decided by the due date (90 days plus approved extensions); a summary decision is made on the spot.
  const onTime = decided.filter((d) => !d.decision_due || (d.decided_on as string) <= d.decision_due).length;
  const tally = (key: 'reconsideration_outcome' | 'litigation_outcome') => {
    const out: Record<string, number> = {};
    for (const d of decided) if (d[key]) out[d[key]] = (out[d[key]] ?? 0) + 1;
    return out;
  };
  return {
    from,
    to,
    cases: Number(filed.n),
    decided: decided.length,
    decidedOnTime: onTime,
    onTimeRate: decided.length ? Math.round((onTime / decided.length) * 1000) / 10 : null,
    fineFen: decided.reduce((s, d) => s + Number(d.fine_fen ?? 0), 0),
    collectedFen: Number(paid.s ?? 0),
    reconsideration: tally('reconsideration_outcome'),
    litigation: tally('litigation_outcome'),
  };
}

/** Yuan without trailing zero fen (148435 rather than 148435.00), as the work report writes it. */
export const yuan = (fen: number) => formatFen(fen).replace(/\.00$/, '');

/** 市容执法 in the statistics report; nothing decided and nothing filed in the period → no section. */
/** The figures of the sentences (labels: the catalog's `figures.enforcement.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'decided', unit: 'count', path: '/enforcement' },
  { name: 'fineFen', unit: 'yuan', path: '/enforcement' },
  { name: 'cases', unit: 'count', path: '/enforcement' },
  { name: 'onTimeRate', unit: 'percent', path: '/enforcement' },
  { name: 'collectedFen', unit: 'yuan', path: '/enforcement' },
];

export function enforcementSection(db: Executor): ReportSection {
  return {
    key: 'enforcement',
    order: 805,
    figures: FIGURES,
    async build(ctx) {
      const f = await enforcementFigures(db, ctx.tenantId, ctx.period.from, ctx.period.to, null);
      if (!f.decided && !f.cases) return null;
      const outcomes = (m: Record<string, number>) => Object.values(m).reduce((s, n) => s + n, 0);
      return {
        key: 'enforcement',
        title: ctx.t('enforcement.report.title'),
        paragraphs: [
          ctx.t('enforcement.report.sentence', { period: ctx.periodText, decided: f.decided, yuan: yuan(f.fineFen) }),
          ctx.t('enforcement.report.kpis', {
            cases: f.cases,
            onTime: ctx.pct(f.onTimeRate),
            collected: yuan(f.collectedFen),
            reconsideration: outcomes(f.reconsideration),
            litigation: outcomes(f.litigation),
          }),
        ],
        tables: [],
        figures: sectionFigures(ctx, 'enforcement', FIGURES, f),
      };
    },
  };
}
