import { sql, type Kysely } from 'kysely';

/**
 * Enforcement cases (行政处罚, docs/enforcement.md): the case with its party and clocks, its officers, every step as
 * an event row, evidence with SHA-256, payments, and the tenant's legal bases with discretion bands. A party's ID
 * number is stored only encrypted (AES-256-GCM), beside a keyed index for the repeat-offence lookup and a masked
 * form for lists. Amounts are fen in bigint (a 违法建设 fine can pass int4's 21 million yuan). 文号 are drawn from the platform's `sequences` table (one row per type and year).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enforcement_legal_bases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('violation_code', 'text', (c) => c.notNull())
    .addColumn('violation_name', 'text', (c) => c.notNull())
    .addColumn('law', 'text', (c) => c.notNull())
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('provision_text', 'text', (c) => c.notNull())
    // 1 = a starter row to be confirmed by the bureau's 法制 staff
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_legal_bases_tenant')
    .on('enforcement_legal_bases')
    .columns(['tenant_id', 'violation_code'])
    .execute();

  await db.schema
    .createTable('enforcement_bands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('basis_id', 'text', (c) => c.notNull().references('enforcement_legal_bases.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('slight', 'general', 'serious', 'severe')`))
    .addColumn('min_fen', 'bigint', (c) => c.notNull().check(sql`min_fen >= 0`))
    .addColumn('max_fen', 'bigint', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addCheckConstraint('enforcement_bands_range', sql`max_fen >= min_fen`)
    .execute();
  await db.schema
    .createIndex('enforcement_bands_basis')
    .on('enforcement_bands')
    .columns(['basis_id', 'level'])
    .unique()
    .execute();

  await db.schema
    .createTable('enforcement_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull().check(sql`procedure in ('ordinary', 'summary')`))
    .addColumn('source', 'text', (c) => c.notNull())
    // the 数字城管 case this one was opened from (source = city_case)
    .addColumn('source_case_id', 'text', (c) => c.references('cases.id'))
    // a hotline order number, the 批示 document, the transferring authority
    .addColumn('source_ref', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discussion', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('violation_code', 'text', (c) => c.notNull())
    .addColumn('basis_id', 'text', (c) => c.references('enforcement_legal_bases.id'))
    .addColumn('band_id', 'text', (c) => c.references('enforcement_bands.id'))
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('violation_on', 'text', (c) => c.notNull())
    .addColumn('party_kind', 'text', (c) => c.notNull().check(sql`party_kind in ('person', 'organisation')`))
    .addColumn('party_name', 'text', (c) => c.notNull())
    // person: the ID number as AES-256-GCM ciphertext (key id, iv, tag, data), a keyed index, the masked form
    .addColumn('party_id_cipher', 'text')
    .addColumn('party_id_index', 'text')
    .addColumn('party_id_masked', 'text')
    // organisation: the 统一社会信用代码 (public by law, not encrypted)
    .addColumn('party_credit_code', 'text')
    .addColumn('proposed_fine_fen', 'bigint')
    .addColumn('decision_kind', 'text')
    .addColumn('fine_fen', 'bigint', (c) => c.check(sql`fine_fen is null or fine_fen >= 0`))
    .addColumn('band_exception_reason', 'text')
    .addColumn('band_exception_by', 'text')
    .addColumn('decision_no', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('filed_on', 'text')
    .addColumn('decision_due', 'text')
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hearing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('statement_due', 'text')
    .addColumn('hearing_due', 'text')
    .addColumn('service_due', 'text')
    .addColumn('served_on', 'text')
    .addColumn('payment_due', 'text')
    .addColumn('paid_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('archived_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_cases_no')
    .on('enforcement_cases')
    .columns(['tenant_id', 'case_no'])
    .unique()
    .execute();
  await db.schema
    .createIndex('enforcement_cases_decision_no')
    .on('enforcement_cases')
    .columns(['tenant_id', 'decision_no'])
    .unique()
    .execute();
  await db.schema
    .createIndex('enforcement_cases_list')
    .on('enforcement_cases')
    .columns(['tenant_id', 'stage', 'created_at'])
    .execute();
  await db.schema
    .createIndex('enforcement_cases_created')
    .on('enforcement_cases')
    .columns(['tenant_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('enforcement_cases_source_case')
    .on('enforcement_cases')
    .columns(['source_case_id'])
    .execute();
  await db.schema
    .createIndex('enforcement_cases_party_id')
    .on('enforcement_cases')
    .columns(['tenant_id', 'party_id_index'])
    .execute();
  await db.schema
    .createIndex('enforcement_cases_party_code')
    .on('enforcement_cases')
    .columns(['tenant_id', 'party_credit_code'])
    .execute();

  await db.schema
    .createTable('enforcement_officers')
    .addColumn('case_id', 'text', (c) => c.notNull().references('enforcement_cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('cert_no', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_officers_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('enforcement_officers_user').on('enforcement_officers').columns(['user_id']).execute();

  await db.schema
    .createTable('enforcement_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('enforcement_cases.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // JSON: [{ userId, name, certNo }] of the officers who carried the step out
    .addColumn('officers', 'text')
    // JSON: the action's own facts (step kind, amounts, dates)
    .addColumn('data', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enforcement_events_case').on('enforcement_events').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('enforcement_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('enforcement_cases.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('enforcement_events.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_evidence_case')
    .on('enforcement_evidence')
    .columns(['case_id', 'collected_at'])
    .execute();

  await db.schema
    .createTable('enforcement_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('enforcement_cases.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('bank', 'non_tax')`))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_payments_case')
    .on('enforcement_payments')
    .columns(['case_id', 'paid_on'])
    .execute();
}
