import { sql, type Kysely } from 'kysely';

/**
 * 城市之感 (docs/iot.md): the device registry with per-device keys, raw readings and their 1-minute and 1-hour
 * roll-ups, messages refused by the consumer, alarm rules per device type, the per-device rule state between
 * readings, and alarms. Plain tables with time indexes on both databases (partitioning: docs/iot.md, "Retention").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sqlIn('type', [
            'manhole_tilt',
            'water_level',
            'gas_detector',
            'bin_fill',
            'pump_station',
            'site_dust',
            'site_noise',
          ]),
        ),
    )
    .addColumn('model', 'text')
    .addColumn('component_code', 'text')
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('install_date', 'text')
    .addColumn('firmware', 'text')
    .addColumn('battery_pct', 'double precision')
    .addColumn('heartbeat_s', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('key_issued_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('offline_due_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('devices_code', ['tenant_id', 'code'])
    .execute();
  // list sorts (code is the unique index above) and the offline sweep
  await db.schema.createIndex('devices_name').on('devices').columns(['tenant_id', 'name']).execute();
  await db.schema.createIndex('devices_type').on('devices').columns(['tenant_id', 'type', 'code']).execute();
  await db.schema.createIndex('devices_seen').on('devices').columns(['tenant_id', 'last_seen_at']).execute();
  await db.schema.createIndex('devices_installed').on('devices').columns(['tenant_id', 'install_date']).execute();
  await db.schema.createIndex('devices_component').on('devices').columns(['tenant_id', 'component_code']).execute();
  await db.schema.createIndex('devices_offline_due').on('devices').columns(['offline_due_at']).execute();

  // One row per device, metric and device timestamp: a QoS 1 redelivery of the same reading is refused by the key.
  await db.schema
    .createTable('telemetry_readings')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('telemetry_readings_pk', ['device_id', 'metric', 'at'])
    .execute();
  await db.schema.createIndex('telemetry_readings_at').on('telemetry_readings').columns(['at']).execute();
  for (const table of ['telemetry_minutes', 'telemetry_hours']) {
    await db.schema
      .createTable(table)
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('sum', 'double precision', (c) => c.notNull())
      .addColumn('min', 'double precision', (c) => c.notNull())
      .addColumn('max', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['device_id', 'metric', 'bucket'])
      .execute();
    await db.schema.createIndex(`${table}_bucket`).on(table).columns(['bucket']).execute();
  }
  await db.schema
    .createTable('telemetry_rejected')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.references('tenants.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('device_code', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('payload_bytes', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('telemetry_rejected_tenant')
    .on('telemetry_rejected')
    .columns(['tenant_id', 'received_at'])
    .execute();
  await db.schema.createIndex('telemetry_rejected_at').on('telemetry_rejected').columns(['received_at']).execute();

  await db.schema
    .createTable('alarm_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('device_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull().check(sqlIn('op', ['gt', 'lt'])))
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('hysteresis', 'double precision', (c) => c.notNull())
    .addColumn('min_duration_s', 'integer', (c) => c.notNull())
    .addColumn('matter_code', 'text', (c) => c.notNull())
    .addColumn('auto_case', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sqlIn('severity', ['major', 'critical'])))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alarm_rules_type').on('alarm_rules').columns(['tenant_id', 'device_type']).execute();
  await db.schema
    .createTable('alarm_watches')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('alarm_rules.id'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('breach_since', 'text')
    .addColumn('latched', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alarm_watches_pk', ['device_id', 'rule_id'])
    .execute();
  await db.schema
    .createTable('alarms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('device_code', 'text', (c) => c.notNull())
    .addColumn('device_type', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.references('alarm_rules.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['threshold', 'offline'])))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sqlIn('state', ['raised', 'acknowledged', 'case', 'cleared'])),
    )
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('metric', 'text')
    .addColumn('value', 'double precision')
    .addColumn('threshold', 'double precision')
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('case_id', 'text')
    .addColumn('case_no', 'text')
    .addColumn('merged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cleared_at', 'text')
    .addColumn('cleared_by', 'text')
    .addColumn('clear_reason', 'text')
    // `${device}:${rule or 'offline'}` while open, null once cleared: one open alarm per device and rule
    .addColumn('open_key', 'text')
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('alarms_open_key', ['tenant_id', 'open_key'])
    .execute();
  await db.schema.createIndex('alarms_raised').on('alarms').columns(['tenant_id', 'raised_at']).execute();
  await db.schema.createIndex('alarms_state').on('alarms').columns(['tenant_id', 'state', 'raised_at']).execute();
  await db.schema.createIndex('alarms_device').on('alarms').columns(['tenant_id', 'device_id', 'raised_at']).execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
