/**
 * 城管体验岗 (docs/frontage.md, "城管体验岗"): citizens sign up on the citizen page with a name and a phone number
 * (one sign-up per number), staff confirm them, plan shifts and record each shift as served or missed; the hours
 * served are the served shifts' lengths. The phone number is masked in every staff answer and never public.
 */
import type {
  Shift,
  ShiftCreate,
  ShiftQuery,
  ShiftRecord,
  Volunteer,
  VolunteerQuery,
  VolunteerSignUp,
} from '../../../../common/contracts/frontage.ts';
import { minutesBetween, type VolunteerStatus } from '../../../../common/domain/frontage.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { FrShiftsTable, FrVolunteersTable } from '../../db/schema-frontage.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { MANAGE, READ, shiftView, volunteerView, type FrContext } from './fr-context.ts';
import { frErrors } from './frontage.errors.ts';
import * as repo from './frontage.repository.ts';

const VOLUNTEER_SORTS = { createdAt: 'created_at', volunteerNo: 'volunteer_no', minutesServed: 'minutes' } as const;
const SHIFT_SORTS = { startsAt: 'starts_at' } as const;

export function createFrVolunteers(ctx: FrContext) {
  const { db, audit, now, township, regionNamesOf } = ctx;

  const ONE = { limit: 1, offset: 0, order: 'desc' } as const;

  async function getShift(actor: Actor, id: string): Promise<Shift> {
    const row = (await repo.listShifts(db, actor.tenantId, { id }, { ...ONE, sort: 'starts_at' })).rows[0];
    if (!row) throw notFound('frontage_shift');
    return shiftView(row, await regionNamesOf([row]));
  }

  return {
    /** A citizen signs up (no sign-in); the answer carries only the sign-up number. */
    async signUp(tenantId: string, input: VolunteerSignUp): Promise<{ volunteerNo: string }> {
      const phone = input.phone.trim();
      if (await repo.volunteerByPhone(db, tenantId, phone)) throw frErrors.duplicateVolunteer();
      try {
        return await db.transaction().execute(async (tx) => {
          const at = now();
          const year = ctx.today().slice(0, 4);
          const seq = await nextSequence(tx, tenantId, `frontage-volunteer-${year}`);
          const row: FrVolunteersTable = {
            id: newId(),
            tenant_id: tenantId,
            volunteer_no: `TYG${year}-${String(seq).padStart(4, '0')}`,
            name: input.name.trim(),
            phone,
            note: input.note?.trim() || null,
            status: 'applied',
            created_at: at,
            updated_at: at,
          };
          await repo.insertVolunteer(tx, row);
          return { volunteerNo: row.volunteer_no };
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw frErrors.duplicateVolunteer();
        throw e;
      }
    },

    async listVolunteers(actor: Actor, q: VolunteerQuery): Promise<Page<Volunteer>> {
      requirePermission(actor, READ);
      const w = listWindow(q, VOLUNTEER_SORTS, 'createdAt');
      const { rows, total } = await repo.listVolunteers(
        db,
        actor.tenantId,
        { q: q.q, status: q.status },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      return { items: rows.map(volunteerView), total, page: w.page, pageSize: w.limit };
    },

    /** Confirm (active), or mark withdrawn; a withdrawn volunteer may be confirmed again. */
    async setVolunteerStatus(actor: Actor, id: string, status: VolunteerStatus): Promise<Volunteer> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        const row = await repo.findVolunteer(tx, actor.tenantId, id);
        if (!row) throw notFound('frontage_volunteer');
        if (row.status === status) return;
        await repo.setVolunteerStatus(tx, actor.tenantId, id, status, now());
        await audit.record(tx, actor, actor.tenantId, {
          action: 'frontage.volunteer.status',
          entity: 'frontage_volunteer',
          entityId: id,
          before: { volunteerNo: row.volunteer_no, name: row.name, status: row.status },
          after: { volunteerNo: row.volunteer_no, name: row.name, status },
        });
      });
      const { rows } = await repo.listVolunteers(db, actor.tenantId, { id }, { ...ONE, sort: 'created_at' });
      return volunteerView(rows[0]!);
    },

    async listShifts(actor: Actor, q: ShiftQuery): Promise<Page<Shift>> {
      requirePermission(actor, READ);
      const w = listWindow(q, SHIFT_SORTS, 'startsAt');
      const { rows, total } = await repo.listShifts(
        db,
        actor.tenantId,
        { q: q.q, volunteerId: q.volunteerId, status: q.status },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      const regions = await regionNamesOf(rows);
      return { items: rows.map((r) => shiftView(r, regions)), total, page: w.page, pageSize: w.limit };
    },

    /** 排班: a confirmed volunteer, a place, a start and an end after it (at most 12 hours). */
    async createShift(actor: Actor, input: ShiftCreate): Promise<Shift> {
      requirePermission(actor, MANAGE);
      const startsAt = new Date(input.startsAt).toISOString();
      const endsAt = new Date(input.endsAt).toISOString();
      if (endsAt <= startsAt) throw frErrors.field('body.endsAt', 'order', 'the shift must end after it starts');
      if (minutesBetween(startsAt, endsAt) > 12 * 60)
        throw frErrors.field('body.endsAt', 'max', 'a shift lasts at most 12 hours');
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const volunteer = await repo.findVolunteer(tx, actor.tenantId, input.volunteerId);
        if (!volunteer) throw frErrors.field('body.volunteerId', 'exists', 'no such volunteer');
        if (volunteer.status !== 'active') throw frErrors.volunteerInactive();
        const region = input.regionId ? await township(tx, actor, input.regionId) : null;
        const at = now();
        const row: FrShiftsTable = {
          id,
          tenant_id: actor.tenantId,
          volunteer_id: volunteer.id,
          region_id: region?.id ?? null,
          place: input.place.trim(),
          starts_at: startsAt,
          ends_at: endsAt,
          status: 'scheduled',
          minutes_served: 0,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        };
        await repo.insertShift(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'frontage.shift.create',
          entity: 'frontage_volunteer',
          entityId: volunteer.id,
          after: { ...row, volunteerNo: volunteer.volunteer_no },
        });
      });
      return getShift(actor, id);
    },

    /** 记录到岗: served (the shift's length counts as hours served) or absent; once, after the shift has ended. */
    async recordShift(actor: Actor, id: string, input: ShiftRecord): Promise<Shift> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        const shift = await repo.findShift(tx, actor.tenantId, id);
        if (!shift) throw notFound('frontage_shift');
        if (shift.status !== 'scheduled') throw frErrors.shiftRecorded();
        if (input.status === 'served' && shift.ends_at > now()) throw frErrors.shiftNotOver();
        const minutes = input.status === 'served' ? minutesBetween(shift.starts_at, shift.ends_at) : 0;
        const done = await repo.recordShift(tx, actor.tenantId, id, {
          status: input.status,
          minutes_served: minutes,
          updated_at: now(),
        });
        if (Number(done.numUpdatedRows) !== 1) throw frErrors.shiftRecorded();
        await audit.record(tx, actor, actor.tenantId, {
          action: 'frontage.shift.record',
          entity: 'frontage_volunteer',
          entityId: shift.volunteer_id,
          before: { shiftId: id, status: shift.status },
          after: { shiftId: id, status: input.status, minutesServed: minutes },
        });
      });
      return getShift(actor, id);
    },
  };
}
