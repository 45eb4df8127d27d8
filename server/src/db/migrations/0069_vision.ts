import { sql, type Kysely } from 'kysely';

/**
 * 城市之眼 (docs/vision.md): cameras and drones with their webhook secrets, the tenant's class settings (matter and
 * threshold), drone missions, and the events sources report, each kept once per source and event id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vision_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['camera', 'drone'])))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('heading', 'double precision')
    .addColumn('street_id', 'text')
    .addColumn('address', 'text')
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('secret_hint', 'text', (c) => c.notNull())
    .addColumn('secret_issued_at', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vision_sources_code', ['tenant_id', 'code'])
    .execute();

  await db.schema
    .createTable('vision_classes')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('matter_code', 'text', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vision_classes_pk', ['tenant_id', 'class'])
    .execute();

  await db.schema
    .createTable('vision_missions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('vision_sources.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('operator_name', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vision_missions_started')
    .on('vision_missions')
    .columns(['tenant_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('vision_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('vision_sources.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('mission_id', 'text', (c) => c.references('vision_missions.id'))
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('heading', 'double precision')
    .addColumn('image_url', 'text')
    .addColumn('photo_id', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['logged', 'pending', 'merged', 'confirmed', 'rejected'])),
    )
    .addColumn('case_id', 'text')
    .addColumn('case_no', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vision_events_source_event', ['source_id', 'event_id'])
    .execute();
  // the review desk, the false-positive rates per source and class, a case's events, a mission's events
  await db.schema
    .createIndex('vision_events_status')
    .on('vision_events')
    .columns(['tenant_id', 'status', 'received_at'])
    .execute();
  await db.schema
    .createIndex('vision_events_source_class')
    .on('vision_events')
    .columns(['tenant_id', 'source_id', 'class', 'at'])
    .execute();
  await db.schema.createIndex('vision_events_case').on('vision_events').columns(['tenant_id', 'case_id']).execute();
  await db.schema
    .createIndex('vision_events_mission')
    .on('vision_events')
    .columns(['tenant_id', 'mission_id'])
    .execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
