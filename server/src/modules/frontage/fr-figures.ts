/**
 * The figures of the line for a period (docs/frontage.md, "Figures"): the console's cards and the report section
 * read the same numbers. Dates are business dates in the tenant's time zone, both ends included.
 */
import type { Figures } from '../../../../common/contracts/frontage.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgNames } from '../org/index.ts';
import { READ, type FrContext } from './fr-context.ts';
import { frErrors } from './frontage.errors.ts';
import * as q from './fr-figures.repository.ts';
import { LIST_RULE_KEY } from './fr-lists.ts';
import { DEFAULT_LIST_RULE, type ListRule } from '../../../../common/domain/frontage.ts';

const DAY = 86_400_000;

export function createFrFigures(ctx: FrContext) {
  const { db, timeZone, settings } = ctx;

  /** No permission of its own: the report service checks report.read, the route frontage.read. */
  async function figures(tenantId: string, from: string, to: string): Promise<Figures> {
    const stored = (await settings.get(tenantId, LIST_RULE_KEY))?.value as Partial<ListRule> | undefined;
    const bar = { ...DEFAULT_LIST_RULE, ...(stored ?? {}) }.redMinScore;
    // a window of instants wide enough for any zone; the business date decides
    const fromAt = new Date(Date.parse(`${from}T00:00:00Z`) - DAY).toISOString();
    const toAt = new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY).toISOString();
    const [signed, active, inspections, listed, shifts, committees, selfReports, names] = await Promise.all([
      q.signedByRegion(db, tenantId, from, to),
      q.activeAgreements(db, tenantId, from, to),
      q.inspectionsByRegion(db, tenantId, from, to, bar),
      q.listedCounts(db, tenantId, from, to),
      q.servedShifts(db, tenantId, fromAt, toAt),
      q.committeesByRegion(db, tenantId, to),
      q.selfReportCount(db, tenantId, from, to),
      orgNames.regionNamesOfKinds(db, tenantId, ['street', 'town']),
    ]);
    const served = shifts.filter((s) => {
      const day = zonedDate(s.starts_at, timeZone);
      return day >= from && day <= to;
    });
    const sum = (xs: readonly { n: number | string }[]) => xs.reduce((a, r) => a + Number(r.n), 0);
    const inspected = sum(inspections);
    const scoreTotal = inspections.reduce((a, r) => a + Number(r.total ?? 0), 0);
    const excellent = inspections.reduce((a, r) => a + Number(r.excellent ?? 0), 0);
    const minutes = served.reduce((a, s) => a + Number(s.minutes_served), 0);
    const per = (rows: readonly { region_id: string; n: number | string }[]) =>
      new Map(rows.map((r) => [r.region_id, Number(r.n)]));
    const [bySigned, byInspected, byCommittee] = [per(signed), per(inspections), per(committees)];
    return {
      from,
      to,
      agreementsSigned: sum(signed),
      agreementsActive: active,
      inspections: inspected,
      averageScore: inspected ? Math.round((scoreTotal / inspected) * 10) / 10 : null,
      excellentRate: inspected ? excellent / inspected : null,
      redListed: Number(listed.find((l) => l.kind === 'red')?.n ?? 0),
      blackListed: Number(listed.find((l) => l.kind === 'black')?.n ?? 0),
      volunteers: new Set(served.map((s) => s.volunteer_id)).size,
      hoursServed: Math.round((minutes / 60) * 10) / 10,
      committees: sum(committees),
      selfReports,
      byRegion: [...names]
        .map(([regionId, regionName]) => ({
          regionId,
          regionName,
          agreements: bySigned.get(regionId) ?? 0,
          inspections: byInspected.get(regionId) ?? 0,
          committees: byCommittee.get(regionId) ?? 0,
        }))
        .filter((r) => r.agreements || r.inspections || r.committees),
    };
  }

  return {
    figures,

    async periodFigures(actor: Actor, from: string, to: string): Promise<Figures> {
      requirePermission(actor, READ);
      if (to < from) throw frErrors.field('query.to', 'order', 'the period must end on or after its first day');
      return figures(actor.tenantId, from, to);
    },
  };
}
