/**
 * Writes a new tenant's organisation for the demo seed and for tests (server/src/seed/): the tenant, regions
 * without polygons, units and accounts with one grant each. Seeds are not audited: no person made the change.
 * Callers pass password hashes (auth's hashPassword), never passwords.
 */
import type { Role } from '../../../../common/domain/roles.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './org.repository.ts';

export interface TenantSeed {
  code: string;
  name: string;
  timezone?: string;
}

export interface UserSeed {
  username: string;
  displayName: string;
  phone: string | null;
  passwordHash: string;
  unitId: string | null;
  role: Role;
  /** the grant is limited to the user's unit (unit roles) rather than the whole tenant */
  unitBound: boolean;
}

export const seededTenantId = (db: Executor, code: string): Promise<string | undefined> =>
  repo.tenantIdByCode(db, code);

/** A tenant with one administrator (grant `admin` on the whole tenant); returns both ids. */
export async function seedTenant(
  db: Executor,
  clock: Clock,
  t: TenantSeed,
  admin: { username: string; displayName: string; passwordHash: string },
) {
  const now = clock.now().toISOString();
  const tenantId = newId();
  await repo.insertTenant(db, {
    id: tenantId,
    code: t.code,
    name: t.name,
    timezone: t.timezone ?? 'Asia/Shanghai',
    created_at: now,
    updated_at: now,
  });
  const adminId = await seedUser(db, tenantId, clock, {
    ...admin,
    phone: null,
    unitId: null,
    role: 'admin',
    unitBound: false,
  });
  return { tenantId, adminId };
}

/** Top-level regions (streets and towns) without polygons, in order; returns their ids in the same order. */
export async function seedTopRegions(
  db: Executor,
  tenantId: string,
  clock: Clock,
  tenantCode: string,
  regions: readonly { code: string; name: string; kind: string }[],
): Promise<string[]> {
  const now = clock.now().toISOString();
  const ids: string[] = [];
  for (const r of regions) {
    const id = newId();
    ids.push(id);
    await repo.insertRegion(db, {
      id,
      tenant_id: tenantId,
      parent_id: null,
      kind: r.kind,
      code: r.code,
      full_code: `${tenantCode}${r.code}`,
      name: r.name,
      path: `/${id}/`,
      synthetic: 1,
      created_at: now,
      updated_at: now,
    });
  }
  return ids;
}

/** Units in order (a parent before its children); returns code → id. */
export async function seedUnits(
  db: Executor,
  tenantId: string,
  clock: Clock,
  units: readonly {
    code: string;
    name: string;
    kind: string;
    parentCode?: string;
    regionId: string | null;
    synthetic: boolean;
  }[],
): Promise<Map<string, string>> {
  const now = clock.now().toISOString();
  const ids = new Map<string, string>();
  for (const u of units) {
    const id = newId();
    ids.set(u.code, id);
    await repo.insertUnit(db, {
      id,
      tenant_id: tenantId,
      parent_id: u.parentCode ? (ids.get(u.parentCode) ?? null) : null,
      region_id: u.regionId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      phone: null,
      active: 1,
      synthetic: u.synthetic ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
  }
  return ids;
}

/** One active account with one grant; returns its id. */
export async function seedUser(db: Executor, tenantId: string, clock: Clock, u: UserSeed): Promise<string> {
  const now = clock.now().toISOString();
  const id = newId();
  await repo.insertUser(db, {
    id,
    tenant_id: tenantId,
    unit_id: u.unitId,
    username: u.username,
    display_name: u.displayName,
    phone: u.phone,
    password_hash: u.passwordHash,
    active: 1,
    must_change_password: 0,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    password_changed_at: now,
    synthetic: 1,
    created_at: now,
    updated_at: now,
  });
  await repo.replaceGrants(db, tenantId, id, [
    {
      id: newId(),
      tenant_id: tenantId,
      user_id: id,
      role: u.role,
      unit_id: u.unitBound ? u.unitId : null,
      region_id: null,
    },
  ]);
  return id;
}

export async function seedUserUnit(
  db: Executor,
  tenantId: string,
  userId: string,
  unitId: string | null,
): Promise<void> {
  await repo.updateUser(db, tenantId, userId, { unit_id: unitId });
}

/** Active units and all regions of a tenant, for seeds that refer to them by code or name (routing rules). */
export async function seededDirectory(db: Executor, tenantId: string) {
  return repo.seedDirectory(db, tenantId);
}

/** Active accounts of a tenant (id, username, display name, unit), for seeds that act as the demo staff. */
export async function seededAccounts(db: Executor, tenantId: string) {
  return repo.seedAccounts(db, tenantId);
}
