import { sql, type Kysely } from 'kysely';

/**
 * 人大代表建议 and 政协委员提案 (docs/proposals.md): the items assigned to the bureau (主办 or 协办) with their reply
 * and its approval, the proposer's rating, and the tasks given to the bureau's own units with their last days.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('proposal_no', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().check(sql`body in ('npc', 'cppcc')`))
    .addColumn('session', 'text')
    .addColumn('proposer', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('handling_role', 'text', (c) => c.notNull().check(sql`handling_role in ('lead', 'co')`))
    .addColumn('lead_agency', 'text')
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('registered', 'handling', 'replied', 'closed')`),
    )
    .addColumn('reply_status', 'text', (c) =>
      c.check(sql`reply_status is null or reply_status in ('draft', 'submitted', 'approved', 'returned')`),
    )
    .addColumn('reply_text', 'text')
    .addColumn('reply_drafted_by', 'text', (c) => c.references('users.id'))
    .addColumn('reply_drafted_by_name', 'text')
    .addColumn('reply_submitted_at', 'text')
    .addColumn('reply_decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('reply_decided_by_name', 'text')
    .addColumn('reply_decided_at', 'text')
    .addColumn('reply_decision_note', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('satisfaction', 'text', (c) =>
      c.check(sql`satisfaction is null or satisfaction in ('satisfied', 'basically', 'dissatisfied')`),
    )
    .addColumn('satisfaction_note', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('proposals_no', ['tenant_id', 'body', 'proposal_no'])
    .execute();
  await db.schema.createIndex('proposals_list').on('proposals').columns(['tenant_id', 'assigned_on']).execute();
  await db.schema.createIndex('proposals_due').on('proposals').columns(['tenant_id', 'status', 'due_on']).execute();

  await db.schema
    .createTable('proposal_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('requirement', 'text')
    .addColumn('assigned_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done')`))
    .addColumn('result', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('done_by_name', 'text')
    .addColumn('done_at', 'text')
    .addUniqueConstraint('proposal_tasks_unit', ['proposal_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('proposal_tasks_unit_due')
    .on('proposal_tasks')
    .columns(['tenant_id', 'unit_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('proposal_tasks_due')
    .on('proposal_tasks')
    .columns(['tenant_id', 'status', 'due_on'])
    .execute();
}

