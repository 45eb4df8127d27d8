import { sql, type Kysely } from 'kysely';

/**
 * 夜市摊位分配 (docs/night-market.md): markets and their stalls, allocation rounds with an application window,
 * eligibility rules as data and the verifiable public lottery (commitment, public value, draw), the merchants'
 * applications (ID numbers encrypted, a keyed index for the one-application-per-ID rule), the stall-fee and deposit
 * ledger in fen and violation points.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('nm_markets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('nm_markets_name', ['tenant_id', 'name'])
    .execute();

  await db.schema
    .createTable('nm_stalls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('market_id', 'text', (c) => c.notNull().references('nm_markets.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('width_cm', 'integer', (c) => c.notNull().check(sql`width_cm > 0`))
    .addColumn('depth_cm', 'integer', (c) => c.notNull().check(sql`depth_cm > 0`))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('nm_stalls_code', ['market_id', 'code'])
    .execute();
  await db.schema.createIndex('nm_stalls_list').on('nm_stalls').columns(['tenant_id', 'market_id', 'code']).execute();

  await db.schema
    .createTable('nm_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('market_id', 'text', (c) => c.notNull().references('nm_markets.id'))
    .addColumn('round_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('apply_from', 'text', (c) => c.notNull())
    .addColumn('apply_to', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('stall_fee_fen', 'integer', (c) => c.notNull().check(sql`stall_fee_fen >= 0`))
    .addColumn('deposit_fen', 'integer', (c) => c.notNull().check(sql`deposit_fen >= 0`))
    .addColumn('point_threshold', 'integer', (c) => c.notNull().check(sql`point_threshold > 0`))
    .addColumn('commitment', 'text')
    .addColumn('public_value_source', 'text')
    .addColumn('committed_at', 'text')
    .addColumn('committed_by', 'text', (c) => c.references('users.id'))
    /** the application numbers that take part, fixed when the commitment is published (JSON array, ascending) */
    .addColumn('entrants', 'text')
    .addColumn('public_value', 'text')
    .addColumn('public_value_at', 'text')
    .addColumn('secret', 'text')
    .addColumn('seed', 'text')
    .addColumn('drawn_order', 'text')
    .addColumn('drawn_at', 'text')
    .addColumn('drawn_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('nm_rounds_no', ['tenant_id', 'round_no'])
    .execute();
  await db.schema.createIndex('nm_rounds_list').on('nm_rounds').columns(['tenant_id', 'apply_from']).execute();

  await db.schema
    .createTable('nm_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('nm_rounds.id'))
    .addColumn('application_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('id_cipher', 'text', (c) => c.notNull())
    .addColumn('id_index', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('goods', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['submitted', 'eligible', 'ineligible', 'won', 'waiting', 'revoked'])),
    )
    .addColumn('checks', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('draw_position', 'integer')
    .addColumn('stall_id', 'text', (c) => c.references('nm_stalls.id'))
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('nm_applications_no', ['tenant_id', 'application_no'])
    // one application per ID number per round (docs/night-market.md, "Eligibility")
    .addUniqueConstraint('nm_applications_one_per_id', ['round_id', 'id_index'])
    .execute();
  await db.schema
    .createIndex('nm_applications_list')
    .on('nm_applications')
    .columns(['tenant_id', 'round_id', 'status', 'application_no'])
    .execute();

  await db.schema
    .createTable('nm_ledger')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('nm_rounds.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('nm_applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['fee', 'deposit', 'refund', 'forfeit'])))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nm_ledger_list').on('nm_ledger').columns(['tenant_id', 'round_id', 'on_date']).execute();
  await db.schema.createIndex('nm_ledger_holder').on('nm_ledger').columns(['application_id']).execute();

  await db.schema
    .createTable('nm_violations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('nm_rounds.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('nm_applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points > 0`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('nm_violations_list')
    .on('nm_violations')
    .columns(['tenant_id', 'round_id', 'on_date'])
    .execute();
  await db.schema.createIndex('nm_violations_holder').on('nm_violations').columns(['application_id']).execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
