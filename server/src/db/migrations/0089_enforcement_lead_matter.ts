import type { Kysely } from 'kysely';

/**
 * A lead's matter as a template code with parameters beside the stored text, so the 线索研判 list shows it in the
 * reader's language, and the city case a finding belongs to (a camera event's case) for the link back
 * (docs/enforcement-leads.md, "What a lead holds"). Muck-truck leads referred before carry their kind and plate in
 * the vehicle lead they came from: those are filled in here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['matter_code', 'matter_params', 'origin_case_id', 'origin_case_no'])
    await db.schema.alterTable('enforcement_leads').addColumn(column, 'text').execute();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migration works below the typed schema
  const any = db as Kysely<any>;
  const rows = (await any
    .selectFrom('enforcement_leads as l')
    .innerJoin('vehicle_leads as vl', (j) => j.onRef('vl.id', '=', 'l.source_id').onRef('vl.tenant_id', '=', 'l.tenant_id'))
    .innerJoin('vehicles as v', 'v.id', 'vl.vehicle_id')
    .select(['l.id', 'vl.kind', 'v.plate'])
    .where('l.source', '=', 'vehicles')
    .execute()) as { id: string; kind: string; plate: string }[];
  for (const r of rows)
    await any
      .updateTable('enforcement_leads')
      .set({ matter_code: 'muck_truck', matter_params: JSON.stringify({ kind: r.kind, plate: r.plate }) })
      .where('id', '=', r.id)
      .execute();
}
