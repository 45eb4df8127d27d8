import type {
  GrantInput,
  ResetPasswordBody,
  User,
  UserCreate,
  UserQuery,
  UserUpdate,
} from '../../../../common/contracts/org.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import { UNIT_BOUND_ROLES } from '../../../../common/domain/roles.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, toBool, type Database, type Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { orgErrors } from './org.errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import type { Locale } from '../../platform/messages.ts';
import {
  assertPasswordPolicy,
  blockedUsernames,
  deleteAccountThrottles,
  deleteUserSessions,
  hashPassword,
  requirePermission,
  scopeOf,
  type Actor,
} from '../auth/index.ts';

import { grantsWithNames } from './accounts.ts';
import * as repo from './org.repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.userWithUnit>>>;
type GrantRow = Awaited<ReturnType<typeof grantsWithNames>>[number];

/** Users and their grants. Phones are masked in lists (brief: personal data); the detail view shows them in full. */
export function createUserService(database: Database, clock: Clock, audit: AuditService) {
  const { db } = database;

  /** `blocked`: usernames some address is currently throttled from signing in as (the 已锁定 tag; unlock clears it). */
  const view = (u: UserRow, grants: GrantRow[], mask: boolean, blocked: ReadonlySet<string>): User => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    phone: mask ? maskPhone(u.phone) : u.phone,
    unitId: u.unit_id,
    unitName: u.unit_name,
    active: toBool(u.active),
    locked: blocked.has(u.username),
    synthetic: toBool(u.synthetic),
    grants: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({
        role: g.role,
        unitId: g.unit_id,
        unitName: g.unit_name,
        regionId: g.region_id,
        regionName: g.region_name,
      })),
    lastLoginAt: u.last_login_at,
    updatedAt: u.updated_at,
  });

  /** Users a unit-scoped reader may see: only their own units' people (same 404 for the rest). */
  function visibleUnits(actor: Actor): string[] | null {
    const scope = scopeOf(actor, 'user.read');
    return scope.all ? null : scope.unitIds;
  }

  async function load(actor: Actor, id: string): Promise<UserRow> {
    const row = await repo.userWithUnit(db, actor.tenantId, id);
    const units = visibleUnits(actor);
    if (!row || (units && (!row.unit_id || !units.includes(row.unit_id)))) throw notFound('user');
    return row;
  }

  async function get(actor: Actor, id: string): Promise<User> {
    requirePermission(actor, 'user.read');
    const row = await load(actor, id);
    const blocked = await blockedUsernames(db, actor.tenantId, [row.username], clock.now().toISOString());
    return view(row, await grantsWithNames(db, actor.tenantId, [id]), false, blocked);
  }

  async function checkGrants(
    tx: Executor,
    actor: Actor,
    grants: readonly GrantInput[],
    userUnitId: string | null | undefined,
  ) {
    const unitIds = [
      ...new Set([...grants.flatMap((g) => (g.unitId ? [g.unitId] : [])), ...(userUnitId ? [userUnitId] : [])]),
    ];
    const regionIds = [...new Set(grants.flatMap((g) => (g.regionId ? [g.regionId] : [])))];
    const [units, regions] = await Promise.all([
      repo.unitsByIds(tx, actor.tenantId, unitIds),
      repo.regionsByIds(tx, actor.tenantId, regionIds),
    ]);
    const knownUnits = new Set(units.map((u) => u.id));
    const knownRegions = new Set(regions.map((r) => r.id));
    if (userUnitId && !knownUnits.has(userUnitId)) throw orgErrors.unknownUnit('body.unitId');
    grants.forEach((g, i) => {
      if (g.unitId && !knownUnits.has(g.unitId)) throw orgErrors.unknownUnit(`body.grants.${i}.unitId`);
      if (g.regionId && !knownRegions.has(g.regionId)) throw orgErrors.unknownRegion(`body.grants.${i}.regionId`);
      if (UNIT_BOUND_ROLES.includes(g.role) && !g.unitId) {
        throw orgErrors.grantNeedsUnit(`body.grants.${i}.unitId`, g.role);
      }
    });
  }

  const grantRows = (actor: Actor, userId: string, grants: readonly GrantInput[]) =>
    grants.map((g) => ({
      id: newId(),
      tenant_id: actor.tenantId,
      user_id: userId,
      role: g.role,
      unit_id: g.unitId ?? null,
      region_id: g.regionId ?? null,
    }));

  return {
    get,

    async list(actor: Actor, query: UserQuery): Promise<Page<User>> {
      requirePermission(actor, 'user.read');
      const w = listWindow(
        query,
        { username: 'username', displayName: 'display_name', updatedAt: 'updated_at', lastLoginAt: 'last_login_at' },
        'username',
      );
      const { rows, total } = await repo.listUsers(db, actor.tenantId, { ...query, unitIds: visibleUnits(actor) }, w);
      const grants = await grantsWithNames(
        db,
        actor.tenantId,
        rows.map((r) => r.id),
      );
      const blocked = await blockedUsernames(
        db,
        actor.tenantId,
        rows.map((r) => r.username),
        clock.now().toISOString(),
      );
      return { items: rows.map((r) => view(r, grants, true, blocked)), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: UserCreate, locale: Locale = 'zh-CN'): Promise<User> {
      requirePermission(actor, 'user.manage');
      assertPasswordPolicy(input.password, input.username, 'body.password', locale);
      const now = clock.now().toISOString();
      const id = newId();
      const row = {
        id,
        tenant_id: actor.tenantId,
        unit_id: input.unitId ?? null,
        username: input.username,
        display_name: input.displayName.trim(),
        phone: input.phone ?? null,
        password_hash: await hashPassword(input.password),
        active: 1,
        // An administrator chose this password: the user replaces it at first sign-in.
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: now,
        synthetic: 0,
        created_at: now,
        updated_at: now,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await checkGrants(tx, actor, input.grants, input.unitId);
          await repo.insertUser(tx, row);
          await repo.replaceGrants(tx, actor.tenantId, id, grantRows(actor, id, input.grants));
          await audit.record(tx, actor, actor.tenantId, {
            action: 'user.create',
            entity: 'user',
            entityId: id,
            after: { ...row, grants: input.grants },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw orgErrors.duplicateUsername(input.username);
        throw err;
      }
      return get(actor, id);
    },

    async update(actor: Actor, id: string, patch: UserUpdate): Promise<User> {
      requirePermission(actor, 'user.manage');
      const before = await load(actor, id);
      if (
        id === actor.userId &&
        (patch.active === false ||
          (patch.grants && !patch.grants.some((g) => g.role === 'admin' && !g.unitId && !g.regionId)))
      ) {
        throw orgErrors.selfLockout(patch.active === false ? 'body.active' : 'body.grants');
      }
      const changes = {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        updated_at: clock.now().toISOString(),
      };
      const beforeGrants = await grantsWithNames(db, actor.tenantId, [id]);
      await db.transaction().execute(async (tx) => {
        if (patch.grants)
          await checkGrants(tx, actor, patch.grants, patch.unitId === undefined ? before.unit_id : patch.unitId);
        else if (patch.unitId) await checkGrants(tx, actor, [], patch.unitId);
        await repo.updateUser(tx, actor.tenantId, id, changes);
        if (patch.grants) await repo.replaceGrants(tx, actor.tenantId, id, grantRows(actor, id, patch.grants));
        if (patch.active === false) await deleteUserSessions(tx, id);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'user.update',
          entity: 'user',
          entityId: id,
          before: {
            ...before,
            grants: beforeGrants.map((g) => ({ role: g.role, unitId: g.unit_id, regionId: g.region_id })),
          },
          after: { ...before, ...changes, ...(patch.grants ? { grants: patch.grants } : {}) },
        });
      });
      return get(actor, id);
    },

    async resetPassword(actor: Actor, id: string, input: ResetPasswordBody, locale: Locale = 'zh-CN'): Promise<void> {
      requirePermission(actor, 'user.manage');
      const target = await load(actor, id);
      assertPasswordPolicy(input.password, target.username, 'body.password', locale);
      const hashed = await hashPassword(input.password);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await repo.updateUser(tx, actor.tenantId, id, {
          password_hash: hashed,
          must_change_password: 1,
          password_changed_at: now,
          failed_logins: 0,
          locked_until: null,
          updated_at: now,
        });
        await deleteUserSessions(tx, id);
        await deleteAccountThrottles(tx, actor.tenantId, target.username);
        await audit.record(tx, actor, actor.tenantId, { action: 'user.password_reset', entity: 'user', entityId: id });
      });
    },

    async unlock(actor: Actor, id: string): Promise<User> {
      requirePermission(actor, 'user.manage');
      const before = await load(actor, id);
      const now = clock.now().toISOString();
      const wasLocked = (await blockedUsernames(db, actor.tenantId, [before.username], now)).has(before.username);
      await db.transaction().execute(async (tx) => {
        await repo.updateUser(tx, actor.tenantId, id, { failed_logins: 0, locked_until: null, updated_at: now });
        // Lifts every address's sign-in throttle for this account (auth/login-throttle.ts).
        await deleteAccountThrottles(tx, actor.tenantId, before.username);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'user.unlock',
          entity: 'user',
          entityId: id,
          before: { locked: wasLocked },
          after: { locked: false },
        });
      });
      return get(actor, id);
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
