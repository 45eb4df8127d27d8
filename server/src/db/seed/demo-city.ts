import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from '../../modules/auth/index.ts';
import { seedCatalog, seedNationalCatalog } from '../../modules/catalog/index.ts';
import { HOLIDAY_SEED_YEARS, holidaySeedRows } from '../../../../common/domain/work-calendar-seed.ts';
import { ADMIN_PASSWORD, DAYE, DAYE_STREETS, DAYE_UNITS, DAYE_USERS, DEMO_PASSWORD } from './daye-org.ts';
import { seedDemoGeography } from './demo-geography.ts';
import { seedDemoRouting } from './demo-routing.ts';

export interface TenantSeed {
  code: string;
  name: string;
  timezone?: string;
}

/** Creates a tenant with one admin account; used by the demo seed and by multi-tenant tests. */
export async function createTenant(db: Executor, clock: Clock, t: TenantSeed, admin = { username: 'admin', password: ADMIN_PASSWORD }) {
  const now = clock.now().toISOString();
  const tenantId = newId();
  await db.insertInto('tenants').values({ id: tenantId, code: t.code, name: t.name, timezone: t.timezone ?? 'Asia/Shanghai', created_at: now, updated_at: now }).execute();
  const adminId = newId();
  await db.insertInto('users').values({
    id: adminId, tenant_id: tenantId, unit_id: null, username: admin.username, display_name: '系统管理员', phone: null,
    password_hash: await hashPassword(admin.password), active: 1, must_change_password: 0, failed_logins: 0,
    locked_until: null, last_login_at: null, password_changed_at: now, synthetic: 1, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('user_grants').values({ id: newId(), tenant_id: tenantId, user_id: adminId, role: 'admin', unit_id: null, region_id: null }).execute();
  // Every city starts with the national catalog; its 立结案标准 need its own units, so they come later or by import.
  await seedNationalCatalog(db, tenantId, clock);
  // 法定节假日 and 调休 of every year the data package knows; admins edit them afterwards (work calendar module).
  const holidays = holidaySeedRows(Math.min(...HOLIDAY_SEED_YEARS), Math.max(...HOLIDAY_SEED_YEARS));
  if (holidays.length) await db.insertInto('calendar_days').values(holidays.map((d) => ({ tenant_id: tenantId, ...d }))).execute();
  return { tenantId, adminId };
}

/** Seeds 大冶市 into an empty database: regions, units, one user per role. Does nothing when the tenant exists. */
export async function seedDemoCity(db: Db, clock: Clock): Promise<boolean> {
  if (await db.selectFrom('tenants').select('id').where('code', '=', DAYE.code).executeTakeFirst()) return false;
  await db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    const { tenantId, adminId } = await createTenant(tx, clock, DAYE);
    const regionIds = new Map<string, string>();
    for (const s of DAYE_STREETS) {
      const id = newId();
      regionIds.set(s.name, id);
      await tx.insertInto('regions').values({
        id, tenant_id: tenantId, parent_id: null, kind: s.kind, code: s.code, full_code: `${DAYE.code}${s.code}`, name: s.name,
        path: `/${id}/`, synthetic: 1, created_at: now, updated_at: now,
      }).execute();
    }
    const unitIds = new Map<string, string>();
    for (const u of DAYE_UNITS) {
      const id = newId();
      unitIds.set(u.code, id);
      await tx.insertInto('units').values({
        id, tenant_id: tenantId, parent_id: u.parent ? unitIds.get(u.parent) ?? null : null,
        region_id: u.street ? regionIds.get(u.street) ?? null : null, code: u.code, name: u.name, kind: u.kind, phone: null,
        active: 1, synthetic: u.synthetic ? 1 : 0, created_at: now, updated_at: now,
      }).execute();
    }
    // Default 立结案标准 go to the unit of each kind; 'street' stays empty (routed by location), and so does 'utility':
    // the demo city has no water or telecom company, and 华润燃气 should not get 供水井盖 cases.
    const unitCodes = { sanitation: 'SANITATION', parks: 'PARKS', municipal: 'MUNICIPAL', drainage: 'DRAINAGE', gas: 'GAS', enforcement: 'ENFORCE' };
    const unitByKind = Object.entries(unitCodes).flatMap(([kind, code]) => (unitIds.get(code) ? [[kind, unitIds.get(code) as string] as const] : []));
    await seedCatalog(tx, tenantId, clock, new Map(unitByKind));
    // Synthetic boundary, street and community polygons, ~6k grids and the component census (after the catalog: classes).
    await seedDemoGeography(tx, tenantId, clock);
    await seedDemoRouting(tx, tenantId, clock);
    const demoHash = await hashPassword(DEMO_PASSWORD);
    for (const u of DAYE_USERS) {
      const unitId = unitIds.get(u.unit) ?? null;
      if (u.username === 'admin') {
        await tx.updateTable('users').set({ unit_id: unitId }).where('id', '=', adminId).execute();
        continue;
      }
      const id = newId();
      await tx.insertInto('users').values({
        id, tenant_id: tenantId, unit_id: unitId, username: u.username, display_name: u.displayName, phone: '13800000000',
        password_hash: demoHash, active: 1, must_change_password: 0, failed_logins: 0, locked_until: null,
        last_login_at: null, password_changed_at: now, synthetic: 1, created_at: now, updated_at: now,
      }).execute();
      const unitBound = u.role === 'unitHandler' || u.role === 'unitManager';
      await tx.insertInto('user_grants').values({ id: newId(), tenant_id: tenantId, user_id: id, role: u.role, unit_id: unitBound ? unitId : null, region_id: null }).execute();
    }
  });
  return true;
}
