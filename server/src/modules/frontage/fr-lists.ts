/**
 * The monthly red and black lists (docs/frontage.md, "Red and black lists"): the rule is a tenant setting, a month
 * is ranked from its inspections, and publishing fixes the lists of a month that is over. The citizen page shows
 * the published shops' names with their street or township, nothing about the people behind them.
 */
import type { ListEntry, ListRuleBody, Publication, PublicPublication } from '../../../../common/contracts/frontage.ts';
import {
  DEFAULT_LIST_RULE,
  listRuleProblem,
  monthRange,
  rankMonth,
  type ListRule,
  type ShopScores,
} from '../../../../common/domain/frontage.ts';
import type { FrListEntriesTable, FrPublicationsTable } from '../../db/schema-frontage.ts';
import { isUniqueViolation, type Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgNames } from '../org/index.ts';
import { PUBLISH, READ, type FrContext } from './fr-context.ts';
import { frErrors } from './frontage.errors.ts';
import * as repo from './frontage.repository.ts';

export const LIST_RULE_KEY = 'frontage.lists';

export function createFrLists(ctx: FrContext) {
  const { db, settings, audit, now, today, regionNamesOf } = ctx;

  async function ruleOf(tenantId: string, ex: Executor = db): Promise<ListRule> {
    const stored = (await settings.get(tenantId, LIST_RULE_KEY, ex))?.value as Partial<ListRule> | undefined;
    return { ...DEFAULT_LIST_RULE, ...(stored ?? {}) };
  }

  /** The month's lists as the current rule ranks them (not yet published). */
  async function ranked(tenantId: string, month: string, rule: ListRule, ex: Executor = db) {
    const { from, to } = monthRange(month);
    const rows = await repo.monthScores(ex, tenantId, from, to);
    const shops = new Map<string, ShopScores & { scores: number[]; agreementNo: string; regionId: string }>();
    for (const r of rows) {
      const s = shops.get(r.agreement_id) ?? {
        agreementId: r.agreement_id,
        shopName: r.shop_name,
        agreementNo: r.agreement_no,
        regionId: r.region_id,
        scores: [],
      };
      s.scores.push(Number(r.score));
      shops.set(r.agreement_id, s);
    }
    const lists = rankMonth([...shops.values()], rule);
    return { lists, shops };
  }

  async function publicationView(
    p: FrPublicationsTable | null,
    month: string,
    rule: ListRule,
    entries: (Omit<ListEntry, 'regionName'> & { kind: 'red' | 'black'; regionId: string })[],
  ): Promise<Publication> {
    const regions = await regionNamesOf(entries.map((e) => ({ region_id: e.regionId })));
    const by = p ? await orgNames.userNames(db, [p.published_by]) : new Map<string, string>();
    const view = (kind: 'red' | 'black') =>
      entries
        .filter((e) => e.kind === kind)
        .map(({ kind: _k, regionId, ...e }) => ({ ...e, regionName: regions.get(regionId) ?? null }));
    return {
      id: p?.id ?? null,
      month,
      publishedAt: p?.published_at ?? null,
      publishedByName: p ? (by.get(p.published_by) ?? null) : null,
      rule,
      red: view('red'),
      black: view('black'),
    };
  }

  async function published(rows: FrPublicationsTable[]): Promise<Publication[]> {
    const entries = await repo.entriesOf(
      db,
      rows.map((p) => p.id),
    );
    return Promise.all(
      rows.map((p) =>
        publicationView(
          p,
          p.month,
          JSON.parse(p.rule) as ListRule,
          entries
            .filter((e) => e.publication_id === p.id)
            .map((e) => ({
              kind: e.kind,
              rank: Number(e.rank),
              agreementId: e.agreement_id,
              agreementNo: e.agreement_no,
              shopName: e.shop_name,
              regionId: e.region_id,
              average: Number(e.average_x10) / 10,
              inspections: Number(e.inspections),
            })),
        ),
      ),
    );
  }

  return {
    listRuleOf: ruleOf,

    async listRule(actor: Actor): Promise<ListRuleBody> {
      requirePermission(actor, READ);
      return ruleOf(actor.tenantId);
    },

    async setListRule(actor: Actor, rule: ListRuleBody): Promise<ListRuleBody> {
      requirePermission(actor, PUBLISH);
      const problem = listRuleProblem(rule);
      if (problem)
        throw frErrors.field(problem.field, problem.rule, 'the red list bar must be above the black list bar');
      // settings.put writes the audit row (before → after) in this transaction
      await db.transaction().execute((tx) => settings.put(tx, actor, LIST_RULE_KEY, rule));
      return ruleOf(actor.tenantId);
    },

    /** A month's lists: as published, or as the current rule would publish them. */
    async monthLists(actor: Actor, month: string): Promise<Publication> {
      requirePermission(actor, READ);
      const p = await repo.findPublication(db, actor.tenantId, month);
      if (p) return (await published([p]))[0]!;
      const rule = await ruleOf(actor.tenantId);
      const { lists, shops } = await ranked(actor.tenantId, month, rule);
      const entries = (['red', 'black'] as const).flatMap((kind) =>
        lists[kind].map((e) => ({
          kind,
          rank: e.rank,
          agreementId: e.agreementId,
          agreementNo: shops.get(e.agreementId)!.agreementNo,
          shopName: e.shopName,
          regionId: shops.get(e.agreementId)!.regionId,
          average: e.average,
          inspections: e.inspections,
        })),
      );
      return publicationView(null, month, rule, entries);
    },

    async publications(actor: Actor): Promise<Publication[]> {
      requirePermission(actor, READ);
      return published(await repo.recentPublications(db, actor.tenantId, 24));
    },

    /** 发布红黑榜: once per month, after the month is over, with the rule in force kept beside the lists. */
    async publish(actor: Actor, month: string): Promise<Publication> {
      requirePermission(actor, PUBLISH);
      if (month >= today().slice(0, 7)) throw frErrors.monthOpen(month);
      try {
        await db.transaction().execute(async (tx) => {
          if (await repo.findPublication(tx, actor.tenantId, month)) throw frErrors.published(month);
          const rule = await ruleOf(actor.tenantId, tx);
          const { lists } = await ranked(actor.tenantId, month, rule, tx);
          const row: FrPublicationsTable = {
            id: newId(),
            tenant_id: actor.tenantId,
            month,
            rule: JSON.stringify(rule),
            published_at: now(),
            published_by: actor.userId,
          };
          const entries: FrListEntriesTable[] = (['red', 'black'] as const).flatMap((kind) =>
            lists[kind].map((e) => ({
              id: newId(),
              tenant_id: actor.tenantId,
              publication_id: row.id,
              kind,
              rank: e.rank,
              agreement_id: e.agreementId,
              shop_name: e.shopName,
              average_x10: Math.round(e.average * 10),
              inspections: e.inspections,
            })),
          );
          await repo.insertPublication(tx, row, entries);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'frontage.lists.publish',
            entity: 'frontage_lists',
            entityId: month,
            after: {
              rule,
              red: lists.red.map((e) => e.shopName),
              black: lists.black.map((e) => e.shopName),
            },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw frErrors.published(month);
        throw e;
      }
      return (await published([(await repo.findPublication(db, actor.tenantId, month))!]))[0]!;
    },

    /** The citizen page: the last three published months, shop names and their street or township only. */
    async publicLists(tenantId: string): Promise<PublicPublication[]> {
      const rows = await repo.recentPublications(db, tenantId, 3);
      const entries = await repo.entriesOf(
        db,
        rows.map((p) => p.id),
      );
      const regions = await regionNamesOf(entries);
      const of = (id: string, kind: 'red' | 'black') =>
        entries
          .filter((e) => e.publication_id === id && e.kind === kind)
          .map((e) => ({ rank: Number(e.rank), shopName: e.shop_name, area: regions.get(e.region_id) ?? '' }));
      return rows.map((p) => ({
        month: p.month,
        publishedAt: p.published_at,
        red: of(p.id, 'red'),
        black: of(p.id, 'black'),
      }));
    },
  };
}
