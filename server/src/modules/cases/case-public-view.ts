import type { PublicCaseSummary, PublicCaseView, PublicPhoto } from '../../../../common/contracts/case-public.ts';
import { TERMINAL_STATES, type CaseState } from '../../../../common/domain/case-status.ts';
import {
  PUBLIC_NOTE_ACTIONS,
  PUBLIC_REPLY_ACTIONS,
  isPublicChannel,
  isPublicEvent,
  publicCoordinate,
  publicNote,
  publicText,
} from '../../../../common/domain/public-output.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { orgNames } from '../org/index.ts';
import { publicPhotosOfCases } from '../photos/index.ts';
import * as repo from './case.repository.ts';

/*
 * The server side of the public-output rule (common/domain/public-output.ts, docs/security.md "Public output"):
 * every public route reads cases through these functions, which take the tenant's public channels and return
 * only what the rule allows.
 */

export interface PublicListQuery {
  ids?: readonly string[];
  caseNos?: readonly string[];
  matterCodes?: readonly string[];
  open?: boolean;
  from?: string;
  to?: string;
  updatedFrom?: string;
  updatedTo?: string;
  order?: 'reported_desc' | 'reported_asc' | 'updated_desc';
  /** only cases inside this box (WGS84), for the nearby check */
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  limit: number;
  offset: number;
}

const isOpen = (status: string) => !TERMINAL_STATES.includes(status as CaseState);

export function reopenUntil(c: Pick<CasesTable, 'status' | 'closed_at'>, reopenDays: number): string | null {
  if (c.status !== 'closed' || !c.closed_at || reopenDays <= 0) return null;
  return new Date(Date.parse(c.closed_at) + reopenDays * 86_400_000).toISOString();
}

/**
 * What a public row needs beyond the case itself, for many cases at once (no N+1): each parent's number and channel,
 * the public photos, and the latest note written for the reporter (an internal closing note never counts).
 */
export async function publicParts(db: Executor, tenantId: string, rows: readonly CasesTable[]) {
  const ids = rows.map((r) => r.id);
  const parentIds = [...new Set(rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])))];
  const [parents, photos, notes] = await Promise.all([
    parentIds.length
      ? db
          .selectFrom('cases')
          .select(['id', 'case_no', 'channel'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', parentIds)
          .execute()
      : [],
    publicPhotosOfCases(db, tenantId, ids),
    db
      .selectFrom('case_events')
      .select(['case_id', 'action', 'note', 'data_json', 'seq'])
      .where('case_id', 'in', ids)
      .where('action', 'in', [...PUBLIC_NOTE_ACTIONS, ...PUBLIC_REPLY_ACTIONS])
      .orderBy('seq')
      .execute(),
  ]);
  const lastNote = new Map<string, string>();
  for (const n of notes) {
    const text = publicNote(n);
    if (text !== null) lastNote.set(n.case_id, text);
  }
  const photosOf = new Map<string, PublicPhoto[]>();
  for (const p of photos) {
    const list = photosOf.get(p.case_id!) ?? [];
    list.push({
      id: p.id,
      phase: p.phase,
      url: `/api/public/photos/${p.id}`,
      thumbUrl: `/api/public/photos/${p.id}/thumb`,
    });
    photosOf.set(p.case_id!, list);
  }
  return { parentOf: new Map(parents.map((p) => [p.id, { no: p.case_no, channel: p.channel }])), photosOf, lastNote };
}

/** Only the handling deadline promises the public anything (see publicSummaries). */
export const expectedAtOf = (c: Pick<CasesTable, 'status' | 'handling_deadline'>) =>
  isOpen(c.status) ? c.handling_deadline : null;

/**
 * Public summaries of many cases with batched lookups (matter names, unit names, parents, photos, notes; no N+1).
 * Rows of channels outside `channels` are dropped: callers select by channel already, this keeps the rule local.
 */
export async function publicSummaries(
  db: Executor,
  tenantId: string,
  all: readonly CasesTable[],
  channels: readonly string[],
  reopenDays: number,
  now: Date,
): Promise<PublicCaseSummary[]> {
  const rows = all.filter((r) => isPublicChannel(r.channel, channels));
  if (rows.length === 0) return [];
  const unitIds = [...new Set(rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))];
  const [matters, unitName, parts] = await Promise.all([
    repo.matterNames(
      db,
      tenantId,
      rows.map((r) => r.matter_code),
    ),
    orgNames.unitNames(db, unitIds),
    publicParts(db, tenantId, rows),
  ]);
  const { parentOf, photosOf, lastNote } = parts;
  // a parent of a non-public channel is not named: its number would lead nowhere but to a guess
  const parentNo = (id: string) => {
    const p = parentOf.get(id);
    return p && isPublicChannel(p.channel, channels) ? p.no : null;
  };
  return rows.map((c) => {
    const until = reopenUntil(c, reopenDays);
    return {
      id: c.id,
      caseNo: c.case_no,
      status: c.status,
      open: isOpen(c.status),
      channel: c.channel,
      matterCode: c.matter_code,
      matterName: matters.get(c.matter_code) ?? null,
      description: publicText(c.description),
      address: publicText(c.address),
      lng: publicCoordinate(c.lng),
      lat: publicCoordinate(c.lat),
      gridCode: c.grid_code,
      parentCaseNo: c.parent_id ? parentNo(c.parent_id) : null,
      reportedAt: c.reported_at,
      updatedAt: c.updated_at,
      closedAt: c.closed_at,
      // Only the handling deadline promises the public anything; before filing the only clock is the 15-minute
      // acceptance step, which is not a date by which the problem will be solved.
      expectedAt: expectedAtOf(c),
      unitName: c.unit_id ? (unitName.get(c.unit_id) ?? null) : null,
      satisfaction: (c.satisfaction ?? null) as PublicCaseSummary['satisfaction'],
      reopenUntil: until && until > now.toISOString() ? until : null,
      statusNotes: lastNote.get(c.id) ?? null,
      photos: photosOf.get(c.id) ?? [],
    };
  });
}

/**
 * One case with its public timeline: status changes and reporter-facing events, never who did them; null when its
 * channel is not public (the caller answers the same 404 as for a missing case).
 */
export async function publicView(
  db: Executor,
  c: CasesTable,
  channels: readonly string[],
  reopenDays: number,
  now: Date,
): Promise<PublicCaseView | null> {
  const [summary] = await publicSummaries(db, c.tenant_id, [c], channels, reopenDays, now);
  if (!summary) return null;
  const events = await db
    .selectFrom('case_events')
    .select(['at', 'action', 'from_status', 'to_status', 'note', 'data_json'])
    .where('case_id', '=', c.id)
    .orderBy('seq')
    .execute();
  const timeline = events
    .filter(isPublicEvent)
    .map((e) => ({ at: e.at, action: e.action, status: e.to_status, note: publicNote(e) }));
  return { ...summary, timeline };
}
