import type { MyNotices, Notice, NoticeInput, NoticeManageQuery } from '../../../../common/contracts/notices.ts';
import { pageWindow, type Page } from '../../../../common/domain/paging.ts';
import type { StaffNoticesTable } from '../../db/schema-notices.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgNames } from '../org/index.ts';
import { noticeErrors } from './notice.errors.ts';
import * as repo from './notice.repository.ts';

/** The most notices the 工作台 lists: the newest; the unread count covers the whole window. */
const MY_LIMIT = 20;

const rolesOf = (row: Pick<StaffNoticesTable, 'audience_roles'>): string[] =>
  row.audience_roles ? (JSON.parse(row.audience_roles) as string[]) : [];

/**
 * The audience rule of notices, in one place: a notice reaches a user when it names none of the roles or one the
 * user holds, and no unit or one of the user's units (their own or a grant's).
 */
export function reaches(actor: Pick<Actor, 'grants' | 'unitId'>, row: StaffNoticesTable): boolean {
  const roles = rolesOf(row);
  if (roles.length > 0 && !actor.grants.some((g) => roles.includes(g.role))) return false;
  return row.audience_unit_id === null || unitsOf(actor).includes(row.audience_unit_id);
}

function unitsOf(actor: Pick<Actor, 'grants' | 'unitId'>): string[] {
  const ids = new Set<string>();
  if (actor.unitId) ids.add(actor.unitId);
  for (const g of actor.grants) if (g.unitId) ids.add(g.unitId);
  return [...ids];
}

/** Staff notices: written with notice.manage (administrators, leaders), read by their audience in their window. */
export function createNoticeService(database: Database, clock: Clock, audit: AuditService) {
  const { db } = database;

  async function view(rows: (StaffNoticesTable & { read_at?: string | null; read_count?: number | null })[]) {
    const [units, users] = await Promise.all([
      orgNames.unitNames(db, [...new Set(rows.flatMap((r) => (r.audience_unit_id ? [r.audience_unit_id] : [])))]),
      orgNames.userNames(db, [...new Set(rows.map((r) => r.created_by))]),
    ]);
    return rows.map((r): Notice => ({
      id: r.id,
      title: r.title,
      body: r.body,
      roles: rolesOf(r),
      unitId: r.audience_unit_id,
      unitName: r.audience_unit_id ? (units.get(r.audience_unit_id) ?? null) : null,
      publishFrom: r.publish_from,
      publishUntil: r.publish_until,
      createdByName: users.get(r.created_by) ?? null,
      createdAt: r.created_at,
      read: !!r.read_at,
      ...(r.read_count !== undefined ? { readCount: Number(r.read_count ?? 0) } : {}),
    }));
  }

  async function validated(actor: Actor, input: NoticeInput, now: Date) {
    const from = input.publishFrom ?? now.toISOString();
    const until = input.publishUntil ?? null;
    if (until !== null && Date.parse(until) <= Date.parse(from))
      throw noticeErrors.field('body.publishUntil', 'after', 'the end of the window must be after its start');
    if (input.unitId && !(await orgNames.activeUnitNames(db, actor.tenantId)).has(input.unitId))
      throw noticeErrors.field('body.unitId', 'exists', 'unknown or inactive unit');
    return {
      title: input.title.trim(),
      body: input.body.trim(),
      audience_roles: input.roles?.length ? JSON.stringify(input.roles) : null,
      audience_unit_id: input.unitId ?? null,
      publish_from: new Date(from).toISOString(),
      publish_until: until === null ? null : new Date(until).toISOString(),
    };
  }

  async function owned(actor: Actor, id: string) {
    const row = await repo.findNotice(db, actor.tenantId, id);
    if (!row) throw notFound('notice');
    return row;
  }

  return {
    /** The caller's notices now: audience and window applied, newest first, with the unread count. */
    async mine(actor: Actor): Promise<MyNotices> {
      requirePermission(actor, 'org.read');
      const rows = (
        await repo.visibleAt(db, actor.tenantId, actor.userId, unitsOf(actor), clock.now().toISOString())
      ).filter((r) => reaches(actor, r));
      return { items: await view(rows.slice(0, MY_LIMIT)), unread: rows.filter((r) => !r.read_at).length };
    },

    async markRead(actor: Actor, id: string): Promise<MyNotices> {
      requirePermission(actor, 'org.read');
      const now = clock.now();
      const row = await repo.findNotice(db, actor.tenantId, id);
      const live =
        row && row.publish_from <= now.toISOString() && (!row.publish_until || row.publish_until > now.toISOString());
      // A notice outside the caller's audience or window is the same 404 as a missing one.
      if (!row || !live || !reaches(actor, row)) throw notFound('notice');
      await repo.markRead(db, actor.tenantId, id, actor.userId, now.toISOString());
      return this.mine(actor);
    },

    async list(actor: Actor, query: NoticeManageQuery): Promise<Page<Notice>> {
      requirePermission(actor, 'notice.manage');
      const { limit, offset } = pageWindow(query.page, query.pageSize);
      const { rows, total } = await repo.pageOfNotices(db, actor.tenantId, limit, offset);
      return { items: await view(rows), total, page: query.page ?? 1, pageSize: limit };
    },

    async create(actor: Actor, input: NoticeInput): Promise<Notice> {
      requirePermission(actor, 'notice.manage');
      const now = clock.now();
      const row: StaffNoticesTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        ...(await validated(actor, input, now)),
        created_by: actor.userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertNotice(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'notice.create',
          entity: 'notice',
          entityId: row.id,
          after: { title: row.title, roles: row.audience_roles, unitId: row.audience_unit_id },
        });
      });
      return (await view([{ ...row, read_count: 0 }]))[0]!;
    },

    async update(actor: Actor, id: string, input: NoticeInput): Promise<Notice> {
      requirePermission(actor, 'notice.manage');
      const before = await owned(actor, id);
      const now = clock.now();
      const patch = { ...(await validated(actor, input, now)), updated_at: now.toISOString() };
      await db.transaction().execute(async (tx) => {
        await repo.updateNotice(tx, actor.tenantId, id, patch);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'notice.update',
          entity: 'notice',
          entityId: id,
          before: { title: before.title, publishFrom: before.publish_from, publishUntil: before.publish_until },
          after: { title: patch.title, publishFrom: patch.publish_from, publishUntil: patch.publish_until },
        });
      });
      return (await view([{ ...before, ...patch }]))[0]!;
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requirePermission(actor, 'notice.manage');
      const before = await owned(actor, id);
      await db.transaction().execute(async (tx) => {
        await repo.deleteNotice(tx, actor.tenantId, id);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'notice.delete',
          entity: 'notice',
          entityId: id,
          before: { title: before.title },
        });
      });
    },
  };
}
export type NoticeService = ReturnType<typeof createNoticeService>;
