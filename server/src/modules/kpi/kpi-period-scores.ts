/**
 * Cached scores of a subject's members over a closed period of whole months (docs/decisions/0015-kpi-period-scores.md).
 * A page of the city's thousands of grids sorted by score needs every grid's score; over a closed month, quarter or
 * year that is read from one small row per grid instead of summing the roll-up and scoring each. Every cached row
 * carries the `basis` it was computed on: the scoring settings, the members of the subject and the write stamps of
 * the period's months. A row whose basis differs from the current one is not used, so a change of the weights or
 * bands, a new grid or a drain that touches one of the months (it bumps the month's stamp in its own transaction,
 * kpi-rollup.ts) all make the next read compute again. The stamps are read before the roll-up, so a row is never
 * labelled newer than the figures it holds.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { splitByMonths } from '../../../../common/domain/month-ranges.ts';
import type { KpiCounts } from '../../../../common/domain/kpi.ts';
import type { Db, Executor } from '../../platform/db.ts';

export interface MemberScore {
  /** the composite, null without data */
  score: number | null;
  /** every indicator's value, when asked for (sorting by an indicator) */
  indicators?: Record<string, number | null>;
}

/** The scores of every member of a subject in a period and the total counts over all of them. */
export interface PeriodScores {
  scores: Map<string, MemberScore>;
  total: KpiCounts;
}

/** The row holding the total over every member. */
const TOTAL = '';
const CHUNK = 200;

/**
 * The cache key of a period ('YYYY-MM~YYYY-MM'), or null when it is not cached: a range that is not made of whole
 * months, or that is not over yet on the tenant's calendar (its figures change with every drain).
 */
export function periodKey(from: string, to: string, today: string): string | null {
  if (to >= today) return null;
  const { months, days } = splitByMonths(from, to);
  return months && !days.length ? `${months[0]}~${months[1]}` : null;
}

/** What a cached row must have been computed on to be used now. */
export async function scoreBasis(
  db: Executor,
  tenantId: string,
  key: string,
  settings: unknown,
  memberIds: readonly string[],
): Promise<string> {
  const [first = '', last = ''] = key.split('~');
  const stamps = await db
    .selectFrom('kpi_month_stamps')
    .select(['month', 'stamp'])
    .where('tenant_id', '=', tenantId)
    .where('month', '>=', first)
    .where('month', '<=', last)
    .orderBy('month')
    .execute();
  return createHash('sha256')
    .update(JSON.stringify(settings))
    .update('\u0000')
    .update(memberIds.join('\n'))
    .update('\u0000')
    .update(stamps.map((s) => `${s.month}:${s.stamp}`).join(','))
    .digest('base64url');
}

/** The cached scores of a period on this basis, or null when any member of `memberIds` lacks one. */
export async function readScores(
  db: Executor,
  where: { tenantId: string; subject: string; key: string; basis: string },
  memberIds: readonly string[],
  withIndicators: boolean,
): Promise<PeriodScores | null> {
  const rows = await db
    .selectFrom('kpi_period_scores')
    .select(['member_id', 'score'])
    .select(
      withIndicators
        ? sql<string | null>`figures`.as('figures')
        : sql<string | null>`case when member_id = ${TOTAL} then figures end`.as('figures'),
    )
    .where('tenant_id', '=', where.tenantId)
    .where('subject', '=', where.subject)
    .where('period', '=', where.key)
    .where('basis', '=', where.basis)
    .execute();
  const scores = new Map<string, MemberScore>();
  let total: KpiCounts | null = null;
  for (const r of rows) {
    if (r.member_id === TOTAL) {
      total = JSON.parse(r.figures ?? '{}') as KpiCounts;
      continue;
    }
    const score = r.score === null ? null : Number(r.score);
    scores.set(
      r.member_id,
      withIndicators
        ? { score, indicators: JSON.parse(r.figures ?? '{}') as Record<string, number | null> }
        : { score },
    );
  }
  if (!total || memberIds.some((id) => !scores.has(id))) return null;
  return { scores, total };
}

/**
 * The cached total over every member of a period on this basis, or null. The total row is written last, so on this
 * basis every member's row was written before it.
 */
export async function readTotal(
  db: Executor,
  where: { tenantId: string; subject: string; key: string; basis: string },
): Promise<KpiCounts | null> {
  const row = await db
    .selectFrom('kpi_period_scores')
    .select('figures')
    .where('tenant_id', '=', where.tenantId)
    .where('subject', '=', where.subject)
    .where('period', '=', where.key)
    .where('member_id', '=', TOTAL)
    .where('basis', '=', where.basis)
    .executeTakeFirst();
  return row ? (JSON.parse(row.figures) as KpiCounts) : null;
}

/**
 * Stores a period's scores on a basis, replacing rows of an older basis, in one transaction; the total row last
 * (readTotal). Concurrent writers on one basis write the same values, in the same order.
 */
export async function writeScores(
  db: Db,
  where: { tenantId: string; subject: string; key: string; basis: string },
  computed: PeriodScores,
): Promise<void> {
  const rows = [
    ...[...computed.scores].map(([id, s]) => ({
      member_id: id,
      score: s.score,
      figures: JSON.stringify(s.indicators ?? {}),
    })),
    { member_id: TOTAL, score: null, figures: JSON.stringify(computed.total) },
  ];
  await db.transaction().execute((tx) => upsertScores(tx, where, rows));
}

async function upsertScores(
  db: Executor,
  where: { tenantId: string; subject: string; key: string; basis: string },
  rows: readonly { member_id: string; score: number | null; figures: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('kpi_period_scores')
      .values(
        rows.slice(i, i + CHUNK).map((r) => ({
          tenant_id: where.tenantId,
          subject: where.subject,
          period: where.key,
          basis: where.basis,
          ...r,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'subject', 'period', 'member_id']).doUpdateSet((eb) => ({
          basis: eb.ref('excluded.basis'),
          score: eb.ref('excluded.score'),
          figures: eb.ref('excluded.figures'),
        })),
      )
      .execute();
  }
}
