import { sql, type Kysely } from 'kysely';

/**
 * GB/T 47678.5 gives a component and its anomaly matter the same 5-digit code (01001 供水井盖 / 01001 供水井盖异常,
 * cn-standards.md §2.3), so a catalog code is unique per tenant *and kind* (§9 item 1: 唯一键必须包含 kind). 0002
 * made it unique per tenant only. SQLite cannot drop a table constraint, so the table is rebuilt (portable on both
 * backends; nothing references it by foreign key).
 */
const COLUMNS = sql.raw(
  'id, tenant_id, kind, code, old_code, name, major_code, major_name, pinyin, initials, local, active, created_at, updated_at',
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_entries_v3')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('component', 'matter')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('old_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('major_code', 'text', (c) => c.notNull())
    .addColumn('major_name', 'text', (c) => c.notNull())
    .addColumn('pinyin', 'text', (c) => c.notNull())
    .addColumn('initials', 'text', (c) => c.notNull())
    .addColumn('local', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_entries_tenant_kind_code', ['tenant_id', 'kind', 'code'])
    .execute();
  await sql`insert into catalog_entries_v3 (${COLUMNS}) select ${COLUMNS} from catalog_entries`.execute(db);
  await db.schema.dropTable('catalog_entries').execute();
  await db.schema.alterTable('catalog_entries_v3').renameTo('catalog_entries').execute();
  await db.schema.createIndex('catalog_entries_tenant_kind_major').on('catalog_entries').columns(['tenant_id', 'kind', 'major_code']).execute();
}
