import { sql } from 'kysely';
import type { CaseMapQuery, CaseMapResult } from '../../../../common/contracts/case-map.ts';
import { CASE_MAP_DEFAULT_LIMIT } from '../../../../common/contracts/case-map.ts';
import { CASE_STATES, TERMINAL_STATES } from '../../../../common/domain/case-status.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { invalidField } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { catalogReadModel } from '../catalog/index.ts';
import { parseBbox } from '../geo/index.ts';
import { orgReadModel } from '../org/index.ts';
import type { CaseDeps } from './case-deps.ts';
import { slaOf } from './case-sla.ts';
import { visibilityFilter } from './case.policy.ts';

const OPEN = CASE_STATES.filter((s) => !TERMINAL_STATES.includes(s));

/**
 * 一张图's case layer: the cases of a box under the case list's visibility rule and filters, at most `limit`
 * (the most urgent first: nearest step deadline, then newest), coloured by the same SLA rule as the lists.
 * The box rides the (tenant, lng, lat) index, an open-state filter the (tenant, status, deadline) one; the map
 * clusters what it receives, so a city-wide view costs one bounded query.
 */
export function caseMapQueries(database: Database, clock: Clock, deps: Pick<CaseDeps, 'calendar'>) {
  const { db } = database;
  return {
    async mapCases(actor: Actor, query: CaseMapQuery): Promise<CaseMapResult> {
      requirePermission(actor, 'case.read');
      const box = parseBbox(query.bbox);
      if (!box) throw invalidField('query.bbox', 'bbox', 'minLng,minLat,maxLng,maxLat');
      const limit = query.limit ?? CASE_MAP_DEFAULT_LIMIT;
      const status = query.status ?? 'open';
      let q = db
        .selectFrom('cases as c')
        .where('c.tenant_id', '=', actor.tenantId)
        .where('c.lng', '>=', box[0])
        .where('c.lng', '<=', box[2])
        .where('c.lat', '>=', box[1])
        .where('c.lat', '<=', box[3]);
      const visible = visibilityFilter(actor);
      if (visible) q = q.where(visible);
      q = status === 'open' ? q.where('c.status', 'in', OPEN) : q.where('c.status', '=', status);
      if (query.matterCode) q = q.where('c.matter_code', '=', query.matterCode);
      if (query.unitId) q = q.where('c.unit_id', '=', query.unitId);
      const [rows, calendar] = await Promise.all([
        q
          .$call((p) => orgReadModel.leftJoinUnits(p, 'u', { id: 'c.unit_id' }))
          .$call((p) => catalogReadModel.leftJoinMatters(p, 'k', { tenant_id: 'c.tenant_id', code: 'c.matter_code' }))
          .select([
            'c.id',
            'c.case_no',
            'c.status',
            'c.matter_code',
            'c.address',
            'c.lng',
            'c.lat',
            'c.step_started_at',
            'c.step_deadline',
            'c.step_limit_unit',
            'c.handling_deadline',
            'u.name as unit_name',
            'k.name as matter_name',
          ])
          // Nulls last on both backends (SQLite sorts them first ascending).
          .orderBy(sql`case when c.step_deadline is null then 1 else 0 end`)
          .orderBy('c.step_deadline', 'asc')
          .orderBy('c.id', 'desc')
          .limit(limit + 1)
          .execute(),
        deps.calendar.forTenant(actor.tenantId),
      ]);
      const now = clock.now();
      return {
        truncated: rows.length > limit,
        items: rows.slice(0, limit).map((r) => ({
          id: r.id,
          caseNo: r.case_no,
          status: r.status,
          matterCode: r.matter_code,
          matterName: r.matter_name ?? null,
          address: r.address,
          unitName: r.unit_name ?? null,
          lng: r.lng,
          lat: r.lat,
          sla: slaOf(calendar, r, now).level,
          stepDeadline: r.step_deadline,
          handlingDeadline: r.handling_deadline,
        })),
      };
    },
  };
}
