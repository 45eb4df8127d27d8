/**
 * 课题, honours received and the publicity log (docs/campaigns.md, "Records"): dated registers the report counts.
 * Reading needs campaign.read, writing campaign.manage; each entry is audited.
 */
import type {
  Honour,
  HonourCreate,
  Publicity,
  PublicityCreate,
  RecordQuery,
  Topic,
  TopicCreate,
  TopicUpdate,
} from '../../../../common/contracts/campaigns.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { CpHonoursTable, CpPublicityTable, CpTopicsTable } from '../../db/schema-campaigns.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { cpErrors } from './campaigns.errors.ts';
import * as repo from './campaigns.repository.ts';
import { MANAGE, READ, type CpContext } from './cp-context.ts';

const topicView = (r: CpTopicsTable): Topic => ({
  id: r.id,
  title: r.title,
  lead: r.lead,
  status: r.status,
  startedOn: r.started_on,
  concludedOn: r.concluded_on,
  outcome: r.outcome,
  updatedAt: r.updated_at,
});
const honourView = (r: CpHonoursTable): Honour => ({
  id: r.id,
  name: r.name,
  level: r.level,
  awardedOn: r.awarded_on,
  issuer: r.issuer,
  createdAt: r.created_at,
});
const publicityView = (r: CpPublicityTable): Publicity => ({
  id: r.id,
  outlet: r.outlet,
  level: r.level,
  publishedOn: r.published_on,
  title: r.title,
  url: r.url,
  createdAt: r.created_at,
});

const TOPIC_SORTS = { startedOn: 'started_on', title: 'title' } as const;
const HONOUR_SORTS = { awardedOn: 'awarded_on', name: 'name', level: 'level' } as const;
const PUBLICITY_SORTS = { publishedOn: 'published_on', outlet: 'outlet', level: 'level' } as const;

export function createRecordService(ctx: CpContext) {
  const { db, audit, now, today } = ctx;

  function window<C extends string>(q: RecordQuery, sorts: Record<string, C>, def: string) {
    if (q.from && q.to && q.to < q.from) throw cpErrors.field('query.to', 'order', 'the range ends before it starts');
    const w = listWindow(q, sorts, def);
    return { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') } as const;
  }

  async function notFuture(field: string, date: string) {
    if (date > today()) throw cpErrors.field(field, 'future', 'a date still to come');
  }

  return {
    async topics(actor: Actor, q: RecordQuery): Promise<Page<Topic>> {
      requirePermission(actor, READ);
      const w = window(q, TOPIC_SORTS, 'startedOn');
      const { rows, total } = await repo.listRecords(db, 'cp_topics', actor.tenantId, q, w);
      return { items: (rows as unknown as CpTopicsTable[]).map(topicView), total, page: w.page, pageSize: w.limit };
    },

    async createTopic(actor: Actor, input: TopicCreate): Promise<Topic> {
      requirePermission(actor, MANAGE);
      const at = now();
      const row: CpTopicsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        title: input.title.trim(),
        lead: input.lead?.trim() || null,
        status: 'researching',
        started_on: input.startedOn,
        concluded_on: null,
        outcome: null,
        created_at: at,
        updated_at: at,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertTopic(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.topic.create',
          entity: 'research_topic',
          entityId: row.id,
          after: row,
        });
      });
      return topicView(row);
    },

    /** A topic's status; concluding it takes a date (today when not given) on or after its start. */
    async updateTopic(actor: Actor, id: string, input: TopicUpdate): Promise<Topic> {
      requirePermission(actor, MANAGE);
      return db.transaction().execute(async (tx) => {
        const before = await repo.findTopic(tx, actor.tenantId, id);
        if (!before) throw notFound('research_topic');
        const concluded = input.status === 'concluded' ? (input.concludedOn ?? today()) : null;
        if (concluded && concluded < before.started_on)
          throw cpErrors.field('body.concludedOn', 'order', 'concluded before it started');
        const patch: Partial<CpTopicsTable> = {
          status: input.status,
          concluded_on: concluded,
          ...(input.outcome !== undefined ? { outcome: input.outcome.trim() || null } : {}),
          updated_at: now(),
        };
        await repo.updateTopic(tx, actor.tenantId, id, patch);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.topic.update',
          entity: 'research_topic',
          entityId: id,
          before: { status: before.status, concluded_on: before.concluded_on, outcome: before.outcome },
          after: { status: patch.status, concluded_on: patch.concluded_on, outcome: patch.outcome ?? before.outcome },
        });
        return topicView({ ...before, ...patch });
      });
    },

    async honours(actor: Actor, q: RecordQuery): Promise<Page<Honour>> {
      requirePermission(actor, READ);
      const w = window(q, HONOUR_SORTS, 'awardedOn');
      const { rows, total } = await repo.listRecords(db, 'cp_honours', actor.tenantId, q, w);
      return { items: (rows as unknown as CpHonoursTable[]).map(honourView), total, page: w.page, pageSize: w.limit };
    },

    async createHonour(actor: Actor, input: HonourCreate): Promise<Honour> {
      requirePermission(actor, MANAGE);
      await notFuture('body.awardedOn', input.awardedOn);
      const row: CpHonoursTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        name: input.name.trim(),
        level: input.level,
        awarded_on: input.awardedOn,
        issuer: input.issuer.trim(),
        created_at: now(),
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertHonour(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.honour.create',
          entity: 'honour',
          entityId: row.id,
          after: row,
        });
      });
      return honourView(row);
    },

    async publicity(actor: Actor, q: RecordQuery): Promise<Page<Publicity>> {
      requirePermission(actor, READ);
      const w = window(q, PUBLICITY_SORTS, 'publishedOn');
      const { rows, total } = await repo.listRecords(db, 'cp_publicity', actor.tenantId, q, w);
      return { items: rows.map(publicityView), total, page: w.page, pageSize: w.limit };
    },

    async createPublicity(actor: Actor, input: PublicityCreate): Promise<Publicity> {
      requirePermission(actor, MANAGE);
      await notFuture('body.publishedOn', input.publishedOn);
      const row: CpPublicityTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        outlet: input.outlet.trim(),
        level: input.level,
        published_on: input.publishedOn,
        title: input.title.trim(),
        url: input.url ?? null,
        created_at: now(),
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertPublicity(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.publicity.create',
          entity: 'publicity',
          entityId: row.id,
          after: row,
        });
      });
      return publicityView(row);
    },
  };
}
export type RecordService = ReturnType<typeof createRecordService>;
