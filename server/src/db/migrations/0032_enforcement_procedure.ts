import { sql, type Kysely } from 'kysely';

/**
 * The rest of the ordinary procedure (docs/enforcement.md): the 执法证 register (an officer named on a step must hold
 * a valid certificate), the 首违不罚 / 轻微免罚 list, deadline warnings and 督办 raised by the sweep (one row per case,
 * clock, due date and level, so the sweep is idempotent), and on the case: the leniency proposal or repeat flag,
 * the hearing and 陈述申辩 outcomes, an approved deferral or instalment plan, the court-enforcement application and
 * the 复议 / 诉讼 outcomes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enforcement_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('cert_no', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('enforcement_certificates_range', sql`valid_to >= valid_from`)
    .execute();
  await db.schema
    .createIndex('enforcement_certificates_no')
    .on('enforcement_certificates')
    .columns(['tenant_id', 'cert_no'])
    .unique()
    .execute();
  await db.schema
    .createIndex('enforcement_certificates_user')
    .on('enforcement_certificates')
    .columns(['user_id', 'valid_to'])
    .execute();

  await db.schema
    .createTable('enforcement_leniency')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('violation_code', 'text', (c) => c.notNull())
    // first_offence = 首违不罚 (first time within the window); minor = 轻微免罚
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('first_offence', 'minor')`))
    .addColumn('circumstances', 'text', (c) => c.notNull())
    // an earlier case of the same party within this many days makes it a repeat
    .addColumn('window_days', 'integer', (c) => c.notNull().check(sql`window_days between 1 and 3660`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_leniency_code')
    .on('enforcement_leniency')
    .columns(['tenant_id', 'violation_code'])
    .unique()
    .execute();

  await db.schema
    .createTable('enforcement_warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('enforcement_cases.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    // statement | hearing | service | decision | payment
    .addColumn('clock', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('yellow', 'red', 'supervise')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_warnings_once')
    .on('enforcement_warnings')
    .columns(['case_id', 'clock', 'due', 'level'])
    .unique()
    .execute();
  await db.schema
    .createIndex('enforcement_warnings_tenant')
    .on('enforcement_warnings')
    .columns(['tenant_id', 'at'])
    .execute();

  const cols: [string, 'text' | 'integer' | 'bigint'][] = [
    // first_offence | minor | repeat: what the leniency list says about this case when it was opened
    ['leniency', 'text'],
    ['prior_case_id', 'text'],
    ['hearing_requested_on', 'text'],
    ['hearing_held_on', 'text'],
    ['hearing_outcome', 'text'],
    ['statement_outcome', 'text'],
    // JSON { kind, instalments: [{ dueOn, amountFen }], reason, requestedBy, requestedOn }
    ['payment_plan', 'text'],
    // requested | approved | rejected
    ['payment_plan_status', 'text'],
    ['court_applied_on', 'text'],
    ['court_ref', 'text'],
    ['reconsideration_outcome', 'text'],
    ['litigation_outcome', 'text'],
  ];
  for (const [name, type] of cols) await db.schema.alterTable('enforcement_cases').addColumn(name, type).execute();
  await db.schema
    .createIndex('enforcement_cases_unit')
    .on('enforcement_cases')
    .columns(['tenant_id', 'unit_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('enforcement_cases_stage')
    .on('enforcement_cases')
    .columns(['stage', 'tenant_id'])
    .execute();
}
