/**
 * The case-timeline half of audit:verify (resilience/audit-verify.ts): one chain per case, walked in case-id order.
 * Besides each chain's own links it checks, per tenant, what the checkpoints recorded: the seal of the legacy
 * (version-1) rows, and how many keyed rows were dated up to each checkpoint's cutoff (the app never deletes
 * timeline rows, so fewer of them now means rows were removed, even whole timelines with their case).
 */
import type { CaseEventsTable } from '../db/schema.ts';
import type { Database } from '../platform/db.ts';
import type { ChainKeys } from '../platform/chain-keys.ts';
import { ChainWalker, LegacySeal } from '../platform/hash-chain.ts';
import { timelineFormat } from '../modules/cases/case-timeline.ts';
import type { Anchor, BrokenLink } from './audit-findings.ts';

function firstBadEvent(
  rows: readonly CaseEventsTable[],
  keys: ChainKeys,
  seal: LegacySeal,
): { row: CaseEventsTable; reason: string } | null {
  const walker = new ChainWalker(timelineFormat, keys, { seal });
  for (const r of rows) {
    const reason = walker.step(r);
    if (reason) return { row: r, reason };
  }
  return null;
}

export async function verifyTimelines(
  database: Database,
  keys: ChainKeys,
  tenantId: string,
  tenantCode: string | null,
  anchors: readonly Anchor[],
  out: BrokenLink[],
) {
  const { db } = database;
  const seal = new LegacySeal();
  const cutoffs = anchors.map((a) => a.entry.timelines.cutoff);
  const keyedUpTo = cutoffs.map(() => 0);
  let brokenCase = false;
  let cases = 0;
  let events = 0;
  let afterId = '';
  for (;;) {
    const batch = await db
      .selectFrom('cases')
      .select(['id', 'case_no', 'status'])
      .where('tenant_id', '=', tenantId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(500)
      .execute();
    if (!batch.length) break;
    const ids = batch.map((c) => c.id);
    const rows = await db
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', 'in', ids)
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    const byCase = new Map<string, CaseEventsTable[]>();
    for (const r of rows) {
      (byCase.get(r.case_id) ?? byCase.set(r.case_id, []).get(r.case_id)!).push(r);
      if (Number(r.hash_version) >= 2)
        cutoffs.forEach((cutoff, i) => {
          if (r.at <= cutoff) keyedUpTo[i]! += 1;
        });
    }
    for (const c of batch) {
      cases += 1;
      const timeline = byCase.get(c.id) ?? [];
      events += timeline.length;
      const bad = firstBadEvent(timeline, keys, seal);
      const base = { table: 'case_events' as const, tenantId, tenantCode, caseId: c.id, caseNo: c.case_no };
      if (bad) {
        brokenCase = true;
        out.push({ ...base, rowId: bad.row.id, seq: Number(bad.row.seq), reason: bad.reason });
      } else if (!timeline.length)
        out.push({ ...base, rowId: null, seq: 1, reason: 'the case has no timeline rows (deleted?)' });
      else {
        const lastStatus = [...timeline].reverse().find((e) => e.to_status !== null)?.to_status;
        if (lastStatus && lastStatus !== c.status) {
          out.push({
            ...base,
            rowId: null,
            seq: timeline.length + 1,
            reason: `the timeline ends in "${lastStatus}" but the case is "${c.status}" (rows at the end deleted?)`,
          });
        }
      }
    }
    afterId = batch[batch.length - 1]!.id;
  }
  const base = { table: 'case_events' as const, tenantId, tenantCode, rowId: null, seq: null };
  // The latest checkpoint short of rows says the most; the seal is only comparable when every case walked to its end.
  const short = anchors
    .map((a, i) => ({ a, now: keyedUpTo[i]! }))
    .filter(({ a, now }) => now < a.entry.timelines.keyedRows)
    .at(-1);
  const first = anchors[0];
  if (short) {
    const t = short.a.entry.timelines;
    out.push({
      ...base,
      checkpoint: short.a.file,
      reason: `checkpoint ${short.a.file} counted ${t.keyedRows} keyed timeline rows dated up to ${t.cutoff}; ${short.now} remain: keyed rows were deleted (whole cases, perhaps) or rewritten in the unkeyed format`,
    });
  } else if (
    first &&
    !brokenCase &&
    (seal.rows !== first.entry.timelines.legacy.rows || seal.digest() !== first.entry.timelines.legacy.digest)
  ) {
    out.push({
      ...base,
      checkpoint: first.file,
      reason: `the ${first.entry.timelines.legacy.rows} legacy (version-1) timeline rows sealed by checkpoint ${first.file} have changed (${seal.rows} version-1 rows now)`,
    });
  }
  return { cases, events };
}
