import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

/**
 * The small sensor network the batch tests of devices, alarms and telemetry share, written straight into the tables
 * so that each test exercises only its own repository on both databases.
 */

/** The instant every fixture row is stamped with; `iotAt(s)` is `s` seconds after it. */
export const IOT_T0 = '2026-03-01T00:00:00.000Z';
export const iotAt = (s: number) => new Date(Date.parse(IOT_T0) + s * 1000).toISOString();

/** Tenant `t1` (420281 大冶市) and its water-level devices `d1`–`d3` (codes D1–D3, heartbeat 300 s, battery 50 %). */
export const IOT_TENANT = 't1';
export const IOT_DEVICES = ['d1', 'd2', 'd3'] as const;
/** With `rule`: the active rule `r1` of tenant t1, water_cm above 15 with hysteresis 2, a major alarm, no case. */
export const IOT_RULE = 'r1';

/** A migrated test database holding the tenant, the devices and, when asked, the rule. */
export async function createIotFixture(options: { rule?: boolean } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const { db } = database;
  const t = IOT_T0;
  await sql`insert into tenants (id, code, name, timezone, created_at, updated_at)
    values (${IOT_TENANT}, '420281', '大冶市', 'Asia/Shanghai', ${t}, ${t})`.execute(db);
  for (const d of IOT_DEVICES)
    await sql`insert into devices (id, tenant_id, code, name, type, lng, lat, heartbeat_s, key_sealed,
      key_fingerprint, key_issued_at, created_at, updated_at, battery_pct)
      values (${d}, ${IOT_TENANT}, ${d.toUpperCase()}, '积水', 'water_level', 114.9, 30.1, 300, 'x', 'x', ${t}, ${t},
        ${t}, 50)`.execute(db);
  if (options.rule)
    await sql`insert into alarm_rules (id, tenant_id, device_type, name, metric, op, threshold, hysteresis,
      min_duration_s, matter_code, auto_case, severity, active, version, created_at, updated_at)
      values (${IOT_RULE}, ${IOT_TENANT}, 'water_level', '积水', 'water_cm', 'gt', 15, 2, 0, '01004', 0, 'major', 1, 1,
        ${t}, ${t})`.execute(db);
  return database;
}

/** A reading of tenant t1 taken `s` seconds after IOT_T0 and received a second later (the consumer's shape). */
export const iotReading = (deviceId: string, s: number, value: number, metric = 'water_cm') => ({
  tenantId: IOT_TENANT,
  deviceId,
  metric,
  at: iotAt(s),
  value,
  receivedAt: iotAt(s + 1),
});
