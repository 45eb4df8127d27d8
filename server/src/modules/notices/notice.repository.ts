import type { Executor } from '../../platform/db.ts';
import type { StaffNoticesTable } from '../../db/schema-notices.ts';

/** Kysely queries for staff_notices and staff_notice_reads; every one is tenant-scoped. */

/** The most notices one staff list considers: a bureau publishes a handful a week, never hundreds at once. */
export const WINDOW_CAP = 200;

/**
 * Notices inside their window at `now` for a unit set (a notice for no unit, or for one of `unitIds`), newest first,
 * with whether `userId` read them. The role half of the audience is checked by the service (roles are a JSON list).
 */
export async function visibleAt(db: Executor, tenantId: string, userId: string, unitIds: string[], now: string) {
  return db
    .selectFrom('staff_notices as n')
    .leftJoin('staff_notice_reads as r', (j) => j.onRef('r.notice_id', '=', 'n.id').on('r.user_id', '=', userId))
    .selectAll('n')
    .select('r.read_at')
    .where('n.tenant_id', '=', tenantId)
    .where('n.publish_from', '<=', now)
    .where((eb) => eb.or([eb('n.publish_until', 'is', null), eb('n.publish_until', '>', now)]))
    .where((eb) =>
      unitIds.length > 0
        ? eb.or([eb('n.audience_unit_id', 'is', null), eb('n.audience_unit_id', 'in', unitIds)])
        : eb('n.audience_unit_id', 'is', null),
    )
    .orderBy('n.publish_from', 'desc')
    .orderBy('n.id', 'desc')
    .limit(WINDOW_CAP)
    .execute();
}

export async function findNotice(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('staff_notices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function pageOfNotices(db: Executor, tenantId: string, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('staff_notices as n')
      .selectAll('n')
      .select((eb) =>
        eb
          .selectFrom('staff_notice_reads as r')
          .select((e) => e.fn.countAll<number>().as('c'))
          .whereRef('r.notice_id', '=', 'n.id')
          .as('read_count'),
      )
      .where('n.tenant_id', '=', tenantId)
      .orderBy('n.publish_from', 'desc')
      .orderBy('n.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('staff_notices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertNotice(db: Executor, row: StaffNoticesTable) {
  await db.insertInto('staff_notices').values(row).execute();
}

export async function updateNotice(db: Executor, tenantId: string, id: string, patch: Partial<StaffNoticesTable>) {
  await db.updateTable('staff_notices').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteNotice(db: Executor, tenantId: string, id: string) {
  await db.deleteFrom('staff_notice_reads').where('tenant_id', '=', tenantId).where('notice_id', '=', id).execute();
  await db.deleteFrom('staff_notices').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Marks read once: a second call keeps the first time. */
export async function markRead(db: Executor, tenantId: string, noticeId: string, userId: string, at: string) {
  await db
    .insertInto('staff_notice_reads')
    .values({ notice_id: noticeId, user_id: userId, tenant_id: tenantId, read_at: at })
    .onConflict((oc) => oc.columns(['notice_id', 'user_id']).doNothing())
    .execute();
}
