import type { PublicCaseSummary, PublicPhoto } from '../../../../common/contracts/case-public.ts';
import { isPublicChannel, publicCoordinate, publicNote, publicText } from '../../../../common/domain/public-output.ts';
import type { CaseEventsTable, CasesTable, PublicCasesTable } from '../../db/schema.ts';
import { compiledStatement } from '../../platform/compiled-statements.ts';
import type { Executor } from '../../platform/db.ts';
import { catalogReadModel } from '../catalog/index.ts';
import { orgReadModel } from '../org/index.ts';
import { inTransaction } from './case-grams.ts';
import { expectedAtOf, publicParts, reopenUntil, type PublicListQuery } from './case-public-view.ts';

/*
 * The public read model (docs/decisions/0011-public-reads-and-search.md): one `public_cases` row per non-voided case,
 * built by the public-output rule (common/domain/public-output.ts, docs/security.md "Public output") in the
 * transaction of every case change, so a public list reads rows instead of assembling them. What depends on the
 * tenant's settings or the clock is applied when read: which channels are public (a parent of a hidden channel is
 * not named), the reopen window, and the names of the matter and the unit.
 */

/** The stored part of a public row: only what the public-output rule lets through, already masked and rounded. */
interface PublicCaseBody {
  description: string;
  address: string | null;
  lng: number;
  lat: number;
  gridCode: string | null;
  parent: { no: string; channel: string } | null;
  expectedAt: string | null;
  satisfaction: PublicCaseSummary['satisfaction'];
  statusNotes: string | null;
  photos: PublicPhoto[];
}

const REFRESH_CHUNK = 500;

/**
 * Brings the public rows of these cases up to date inside the caller's transaction: a voided case has none, any
 * other case exactly one. Called by the case timeline writer after every change, and by bulk loads.
 */
export async function refreshPublicCases(tx: Executor, tenantId: string, caseIds: readonly string[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += REFRESH_CHUNK) {
    const ids = caseIds.slice(i, i + REFRESH_CHUNK);
    const cases = await tx
      .selectFrom('cases')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute();
    const voided = cases.filter((c) => c.status === 'voided').map((c) => c.id);
    const live = cases.filter((c) => c.status !== 'voided');
    if (voided.length) await tx.deleteFrom('public_cases').where('case_id', 'in', voided).execute();
    if (!live.length) continue;
    const { parentOf, photosOf, lastNote } = await publicParts(tx, tenantId, live);
    const rows = live.map((c) => publicRowOf(c, { parentOf, photosOf, lastNote }));
    if (rows.length === 1) await upsertOne.execute(tx, rows[0] as PublicCasesTable);
    else await upsertRows(tx, rows).execute();
  }
}

const upsertRows = (tx: Executor, rows: PublicCasesTable[]) =>
  tx
    .insertInto('public_cases')
    .values(rows)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        unit_id: eb.ref('excluded.unit_id'),
        matter_code: eb.ref('excluded.matter_code'),
        updated_at: eb.ref('excluded.updated_at'),
        closed_at: eb.ref('excluded.closed_at'),
        body_json: eb.ref('excluded.body_json'),
      })),
    );
// One case changes per step: its upsert is compiled once (platform/compiled-statements.ts).
const upsertOne = compiledStatement((tx, row: PublicCasesTable) => upsertRows(tx, [row]));

/**
 * The public row of a case created in this transaction, from what was written instead of read back: the row, and
 * its first event (the only one it has, so the latest note is that event's if it carries one). Only for a case
 * without photos or parent; anything else goes through refreshPublicCases.
 */
export async function writeNewPublicCase(tx: Executor, c: CasesTable, first: CaseEventsTable): Promise<void> {
  if (c.status === 'voided' || c.parent_id !== null) return refreshPublicCases(tx, c.tenant_id, [c.id]);
  const note = publicNote(first);
  const lastNote = new Map(note === null ? [] : [[c.id, note]]);
  await upsertOne.execute(tx, publicRowOf(c, { parentOf: new Map(), photosOf: new Map(), lastNote }));
}

function publicRowOf(c: CasesTable, parts: Awaited<ReturnType<typeof publicParts>>): PublicCasesTable {
  const body: PublicCaseBody = {
    description: publicText(c.description),
    address: publicText(c.address),
    lng: publicCoordinate(c.lng),
    lat: publicCoordinate(c.lat),
    gridCode: c.grid_code,
    parent: c.parent_id ? (parts.parentOf.get(c.parent_id) ?? null) : null,
    expectedAt: expectedAtOf(c),
    satisfaction: (c.satisfaction ?? null) as PublicCaseSummary['satisfaction'],
    statusNotes: parts.lastNote.get(c.id) ?? null,
    photos: parts.photosOf.get(c.id) ?? [],
  };
  return {
    case_id: c.id,
    tenant_id: c.tenant_id,
    case_no: c.case_no,
    channel: c.channel,
    status: c.status,
    matter_code: c.matter_code,
    unit_id: c.unit_id,
    reported_at: c.reported_at,
    updated_at: c.updated_at,
    closed_at: c.closed_at,
    body_json: JSON.stringify(body),
  };
}

/**
 * Fills the public rows of cases that have none (after migration 0030 on an existing database, after a bulk load),
 * in chunks, each in its own transaction on SQLite's single connection. Answers how many rows it wrote.
 */
export async function backfillPublicCases(db: Executor, chunk = 2000): Promise<number> {
  let done = 0;
  // Walks the cases once in id order: each chunk starts after the last, so a large table is not scanned again
  // from its start for every chunk.
  let after = '';
  for (;;) {
    const missing = await db
      .selectFrom('cases as c')
      .select(['c.id', 'c.tenant_id'])
      .where('c.id', '>', after)
      .where('c.status', '!=', 'voided')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('public_cases as p').select('p.case_id').whereRef('p.case_id', '=', 'c.id'))),
      )
      .orderBy('c.id')
      .limit(chunk)
      .execute();
    if (!missing.length) return done;
    after = missing[missing.length - 1]!.id;
    const byTenant = new Map<string, string[]>();
    for (const m of missing) byTenant.set(m.tenant_id, [...(byTenant.get(m.tenant_id) ?? []), m.id]);
    await inTransaction(db, async (tx) => {
      for (const [tenantId, ids] of byTenant) await refreshPublicCases(tx, tenantId, ids);
    });
    done += missing.length;
  }
}

/**
 * A page of public rows (Open311 GET requests, get by number): the filters of PublicListQuery over the public
 * rows' own indexes, names joined in the same statement, newest first unless asked otherwise.
 */
export async function readPublicCases(
  db: Executor,
  tenantId: string,
  channels: readonly string[],
  q: PublicListQuery,
  reopenDays: number,
  now: Date,
): Promise<PublicCaseSummary[]> {
  const visible = channels.filter((ch) => isPublicChannel(ch, channels));
  if (visible.length === 0) return [];
  let base = db.selectFrom('public_cases as p').where('p.tenant_id', '=', tenantId).where('p.channel', 'in', visible);
  if (q.ids?.length) base = base.where('p.case_id', 'in', q.ids);
  if (q.caseNos?.length) base = base.where('p.case_no', 'in', q.caseNos);
  if (q.matterCodes?.length) base = base.where('p.matter_code', 'in', q.matterCodes);
  if (q.open === true) base = base.where('p.status', '!=', 'closed');
  if (q.open === false) base = base.where('p.status', '=', 'closed');
  if (q.from) base = base.where('p.reported_at', '>=', q.from);
  if (q.to) base = base.where('p.reported_at', '<=', q.to);
  if (q.updatedFrom) base = base.where('p.updated_at', '>=', q.updatedFrom);
  if (q.updatedTo) base = base.where('p.updated_at', '<=', q.updatedTo);
  if (q.bbox) {
    // the public row keeps only the rounded point; the box is matched on the case's own indexed position
    const { minLng, maxLng, minLat, maxLat } = q.bbox;
    base = base.where('p.case_id', 'in', (eb) =>
      eb
        .selectFrom('cases as c')
        .select('c.id')
        .where('c.tenant_id', '=', tenantId)
        .where('c.lng', '>=', minLng)
        .where('c.lng', '<=', maxLng)
        .where('c.lat', '>=', minLat)
        .where('c.lat', '<=', maxLat),
    );
  }
  const [col, dir] =
    q.order === 'reported_asc'
      ? (['p.reported_at', 'asc'] as const)
      : q.order === 'updated_desc'
        ? (['p.updated_at', 'desc'] as const)
        : (['p.reported_at', 'desc'] as const);
  const rows = await base
    .$call((b) => catalogReadModel.leftJoinMatters(b, 'k', { tenant_id: 'p.tenant_id', code: 'p.matter_code' }))
    .$call((b) => orgReadModel.leftJoinUnits(b, 'u', { id: 'p.unit_id' }))
    .selectAll('p')
    .select(['k.name as matter_name', 'u.name as unit_name'])
    .orderBy(col, dir)
    .orderBy('p.case_id', dir)
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const nowIso = now.toISOString();
  return rows.map((r) => {
    const b = JSON.parse(r.body_json) as PublicCaseBody;
    const until = reopenUntil(r, reopenDays);
    return {
      id: r.case_id,
      caseNo: r.case_no,
      status: r.status,
      open: r.status !== 'closed',
      channel: r.channel,
      matterCode: r.matter_code,
      matterName: r.matter_name ?? null,
      description: b.description,
      address: b.address,
      lng: b.lng,
      lat: b.lat,
      gridCode: b.gridCode,
      // a parent of a non-public channel is not named: its number would lead nowhere but to a guess
      parentCaseNo: b.parent && isPublicChannel(b.parent.channel, channels) ? b.parent.no : null,
      reportedAt: r.reported_at,
      updatedAt: r.updated_at,
      closedAt: r.closed_at,
      expectedAt: b.expectedAt,
      unitName: r.unit_id ? (r.unit_name ?? null) : null,
      satisfaction: b.satisfaction,
      reopenUntil: until && until > nowIso ? until : null,
      statusNotes: b.statusNotes,
      photos: b.photos,
    };
  });
}
