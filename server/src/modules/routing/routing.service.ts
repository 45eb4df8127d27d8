import type {
  RoutingLevel,
  RoutingRule,
  RoutingRuleCreate,
  RoutingRuleQuery,
  RoutingRuleUpdate,
  RoutingSuggestion,
  RoutingSuggestQuery,
} from '../../../../common/contracts/routing.ts';
import { ROUTING_RULE_SORTS } from '../../../../common/contracts/routing.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { RoutingRulesTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { toBool, type Database, type Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { wgs84, type TenantGeography } from '../geo/index.ts';
import { bestRule, filingConditionWins, majorOf, shapeLevel } from './routing-precedence.ts';
import { routingErrors } from './routing.errors.ts';
import * as repo from './routing.repository.ts';

/** Where a case lies and which filing condition it was filed with: what routing needs to know. */
export interface SuggestInput {
  matterCode: string;
  streetId: string | null;
  communityId: string | null;
  /** the default unit of the chosen filing condition (立结案标准), if it has one */
  filingConditionUnitId?: string | null;
}

export interface SuggestedUnit {
  unitId: string;
  /** null when the filing condition's default unit won */
  ruleId: string | null;
  reason: RoutingLevel;
}

/** The geo module's per-tenant geography (only what routing uses), for the admin screen's "try a point". */
export interface GeographySource {
  geographyOf(tenantId: string): Promise<TenantGeography>;
}

type NamedRow = NonNullable<Awaited<ReturnType<typeof repo.ruleWithNames>>>;

const view = (r: NamedRow): RoutingRule => ({
  id: r.id,
  matterCode: r.matter_code,
  matterName: r.matter_name,
  majorCode: r.major_code,
  majorName: r.major_name ?? null,
  regionId: r.region_id,
  regionName: r.region_name,
  regionKind: r.region_kind,
  unitId: r.unit_id,
  unitName: r.unit_name,
  priority: r.priority,
  active: toBool(r.active),
  note: r.note,
  level: shapeLevel(
    { matterCode: r.matter_code, majorCode: r.major_code, regionId: r.region_id },
    r.region_kind === 'community',
  ),
  updatedAt: r.updated_at,
});

const SORTS = Object.fromEntries(ROUTING_RULE_SORTS.map((s) => [s, s])) as Record<
  (typeof ROUTING_RULE_SORTS)[number],
  (typeof ROUTING_RULE_SORTS)[number]
>;

/**
 * Routing rules (处置责任分解表 as data) and the unit suggestion the dispatcher sees. The case service calls
 * `suggestUnit` inside its own transaction (pass it as `ex`: SQLite has one connection).
 */
export function createRuleService(database: Database, clock: Clock, audit: AuditService, geo?: GeographySource) {
  const { db, dialect } = database;

  async function get(actor: Actor, id: string): Promise<RoutingRule> {
    requirePermission(actor, 'org.read');
    const row = await repo.ruleWithNames(db, actor.tenantId, id);
    if (!row) throw notFound('routing_rule');
    return view(row);
  }

  /** Reference and shape checks of the rule as it will be stored; the fallback check needs the transaction. */
  async function validate(
    ex: Executor,
    tenantId: string,
    rule: Pick<RoutingRulesTable, 'matter_code' | 'major_code' | 'region_id' | 'unit_id'>,
    changed: ReadonlySet<string>,
  ) {
    if (rule.matter_code !== null && rule.major_code !== null) throw routingErrors.matterAndMajor();
    if (changed.has('unit_id') && !(await repo.activeUnit(ex, tenantId, rule.unit_id)))
      throw routingErrors.unknownUnit();
    if (changed.has('region_id') && rule.region_id !== null && !(await repo.regionExists(ex, tenantId, rule.region_id)))
      throw routingErrors.unknownRegion();
    if (
      changed.has('matter_code') &&
      rule.matter_code !== null &&
      !(await repo.matterExists(ex, tenantId, rule.matter_code))
    )
      throw routingErrors.unknownMatter();
    if (
      changed.has('major_code') &&
      rule.major_code !== null &&
      !(await repo.majorExists(ex, tenantId, rule.major_code))
    )
      throw routingErrors.unknownMajor();
  }

  const isFallback = (r: Pick<RoutingRulesTable, 'matter_code' | 'major_code' | 'region_id'>) =>
    r.matter_code === null && r.major_code === null && r.region_id === null;

  async function checkSingleFallback(tx: Executor, tenantId: string, ruleId: string) {
    await repo.lockTenant(tx, dialect, tenantId);
    const other = await repo.otherFallback(tx, tenantId, ruleId);
    if (other) throw routingErrors.duplicateFallback(other.id);
  }

  async function suggestUnit(tenantId: string, input: SuggestInput, ex: Executor = db): Promise<SuggestedUnit | null> {
    const regionIds = [input.communityId, input.streetId].filter((id): id is string => !!id);
    const rules = await repo.candidateRules(ex, tenantId, input.matterCode, majorOf(input.matterCode), regionIds);
    const best = bestRule(
      rules.map((r) => ({
        id: r.id,
        unitId: r.unit_id,
        matterCode: r.matter_code,
        majorCode: r.major_code,
        regionId: r.region_id,
        priority: r.priority,
        createdAt: r.created_at,
      })),
      { matterCode: input.matterCode, streetId: input.streetId, communityId: input.communityId },
    );
    if (
      input.filingConditionUnitId &&
      filingConditionWins(best) &&
      (await repo.activeUnit(ex, tenantId, input.filingConditionUnitId))
    ) {
      return { unitId: input.filingConditionUnitId, ruleId: null, reason: 'filing_condition' };
    }
    return best ? { unitId: best.rule.unitId, ruleId: best.rule.id, reason: best.level } : null;
  }

  return {
    get,
    suggestUnit,

    async list(actor: Actor, query: RoutingRuleQuery): Promise<Page<RoutingRule>> {
      requirePermission(actor, 'org.read');
      const w = listWindow(query, SORTS, 'code');
      const { rows, total } = await repo.listRules(db, actor.tenantId, query, {
        limit: w.limit,
        offset: w.offset,
        sort: w.sort,
        order: w.order,
      });
      return { items: rows.map(view), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: RoutingRuleCreate): Promise<RoutingRule> {
      requirePermission(actor, 'settings.manage');
      const now = clock.now().toISOString();
      const row: RoutingRulesTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        matter_code: input.matterCode ?? null,
        major_code: input.majorCode ?? null,
        region_id: input.regionId ?? null,
        unit_id: input.unitId,
        priority: input.priority ?? 0,
        active: input.active === false ? 0 : 1,
        note: input.note?.trim() || null,
        created_at: now,
        updated_at: now,
      };
      await validate(db, actor.tenantId, row, new Set(['unit_id', 'region_id', 'matter_code', 'major_code']));
      await db.transaction().execute(async (tx) => {
        if (isFallback(row)) await checkSingleFallback(tx, actor.tenantId, row.id);
        await repo.insertRule(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'routing_rule.create',
          entity: 'routing_rule',
          entityId: row.id,
          after: row,
        });
      });
      return get(actor, row.id);
    },

    async update(actor: Actor, id: string, patch: RoutingRuleUpdate): Promise<RoutingRule> {
      requirePermission(actor, 'settings.manage');
      const before = await repo.findRule(db, actor.tenantId, id);
      if (!before) throw notFound('routing_rule');
      const changes: Partial<RoutingRulesTable> = {
        ...(patch.matterCode !== undefined ? { matter_code: patch.matterCode } : {}),
        ...(patch.majorCode !== undefined ? { major_code: patch.majorCode } : {}),
        ...(patch.regionId !== undefined ? { region_id: patch.regionId } : {}),
        ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
        ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        ...(patch.note !== undefined ? { note: patch.note?.trim() || null } : {}),
        updated_at: clock.now().toISOString(),
      };
      const after = { ...before, ...changes };
      // Only references that change are checked: a rule whose unit was deactivated later can still be edited.
      const changed = new Set(
        Object.keys(changes).filter(
          (k) => k !== 'updated_at' && changes[k as keyof RoutingRulesTable] !== before[k as keyof RoutingRulesTable],
        ),
      );
      await validate(db, actor.tenantId, after, changed);
      await db.transaction().execute(async (tx) => {
        if (isFallback(after) && !isFallback(before)) await checkSingleFallback(tx, actor.tenantId, id);
        await repo.updateRule(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'routing_rule.update',
          entity: 'routing_rule',
          entityId: id,
          before,
          after,
        });
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requirePermission(actor, 'settings.manage');
      await db.transaction().execute(async (tx) => {
        const before = await repo.findRule(tx, actor.tenantId, id);
        if (!before) throw notFound('routing_rule');
        await repo.deleteRule(tx, actor.tenantId, id);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'routing_rule.delete',
          entity: 'routing_rule',
          entityId: id,
          before,
        });
      });
    },

    /** GET /api/routing/suggest: the admin screen tries a matter at a point, as the dispatcher would see it. */
    async trySuggest(actor: Actor, query: RoutingSuggestQuery): Promise<RoutingSuggestion> {
      requirePermission(actor, 'org.read');
      if (!geo) throw new Error('routing: created without the geo module, cannot locate points');
      const [lng, lat] = wgs84(query.lng, query.lat, query.crs ?? 'wgs84');
      const geography = await geo.geographyOf(actor.tenantId);
      const at = geography.insideTenant(lng, lat) ? geography.locate(lng, lat) : null;
      const condition = await repo.filingCondition(db, actor.tenantId, query.matterCode, query.filingConditionId);
      if (query.filingConditionId && !condition) throw routingErrors.unknownFilingCondition();
      const suggestion = await suggestUnit(actor.tenantId, {
        matterCode: query.matterCode,
        streetId: at?.streetId ?? null,
        communityId: at?.communityId ?? null,
        filingConditionUnitId: condition?.unit_id ?? null,
      });
      const unit = suggestion ? await repo.activeUnit(db, actor.tenantId, suggestion.unitId) : undefined;
      const nameOf = (code: string | null | undefined) => (code ? (geography.regions.get(code)?.name ?? null) : null);
      return {
        unitId: suggestion?.unitId ?? null,
        unitName: unit?.name ?? null,
        ruleId: suggestion?.ruleId ?? null,
        reason: suggestion?.reason ?? null,
        filingConditionId: condition?.id ?? null,
        streetId: at?.streetId ?? null,
        streetName: nameOf(at?.streetCode),
        communityId: at?.communityId ?? null,
        communityName: nameOf(at?.communityCode),
      };
    },
  };
}
export type RuleService = ReturnType<typeof createRuleService>;
