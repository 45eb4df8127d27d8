import { INTERNAL_CHANNELS, type CaseChannel } from '../../../../common/domain/case-channels.ts';
import { TERMINAL_STATES, type CaseState } from '../../../../common/domain/case-status.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { enqueueNotice, NOTICE_KINDS } from '../notify/index.ts';
import type { CaseDeps } from './case-deps.ts';
import { NO_CLOCK } from './case-sla.ts';
import * as repo from './case.repository.ts';
import type { timelineWriter } from './case-timeline.ts';

/**
 * The origin's side of a 移送 (docs/federation.md, "The transferred status"). The federation module calls these in
 * the transaction that applies the peer's signed answer, so the case and the message change together:
 *
 * - accepted: an open case waits in `transferred`, keeping the status it had; no ordinary step is allowed from it
 *   and its clocks stand still (the SLA sweep and the overdue lists skip it);
 * - returned: it goes back to that status, its step and handling deadlines moved later by the time it waited;
 * - the peer's case closed: the origin closes too, with the peer's result as the reply the citizen sees.
 *
 * Each change is a timeline event of the system (actor: the peer), not a step of the state machine's table: no
 * person may take it.
 */
export function caseTransfers(deps: CaseDeps, appendEvent: ReturnType<typeof timelineWriter>) {
  async function change(
    tx: Executor,
    c: CasesTable,
    to: CaseState,
    patch: Partial<CasesTable>,
    ev: { action: string; peerName: string; note: string; data: Record<string, unknown>; at: string },
  ): Promise<boolean> {
    const full: Partial<CasesTable> = { ...patch, status: to, updated_at: ev.at };
    if (!(await repo.updateCase(tx, c.tenant_id, c.id, c.version, full))) return false;
    await appendEvent(tx, {
      tenantId: c.tenant_id,
      caseId: c.id,
      at: ev.at,
      actorId: null,
      actorName: `跨区移送 · ${ev.peerName}`,
      actorRole: 'system',
      action: ev.action,
      fromStatus: c.status,
      toStatus: to,
      note: ev.note,
      data: ev.data,
    });
    if (deps.statusWatch) await deps.statusWatch.changed(tx, { ...c, ...full }, to, ev.at);
    return true;
  }

  /** Moves an instant later by the wait, keeping null as null. */
  const later = (iso: string | null | undefined, ms: number) =>
    iso ? new Date(new Date(iso).getTime() + ms).toISOString() : (iso ?? null);

  return {
    /** The peer accepted: an open case waits as transferred. A case closed meanwhile stays as it is. */
    async transferAccepted(
      tx: Executor,
      tenantId: string,
      caseId: string,
      peer: { name: string; caseNo: string | null },
      at: string,
    ): Promise<boolean> {
      const c = await repo.findCase(tx, tenantId, caseId);
      if (!c || c.status === 'transferred' || TERMINAL_STATES.includes(c.status as CaseState)) return false;
      return change(
        tx,
        c,
        'transferred',
        { transfer_prior_status: c.status, transferred_at: at },
        {
          action: 'transfer_accepted',
          peerName: peer.name,
          note: `已移送${peer.name}办理`,
          data: { peer: peer.name, peerCaseNo: peer.caseNo, priorStatus: c.status },
          at,
        },
      );
    },

    /**
     * The peer returned the case (after accepting it, or a reply that arrives late): it goes back to the status it
     * had, and every deadline moves later by the time it waited, so the wait is not counted against anyone.
     */
    async transferReturned(
      tx: Executor,
      tenantId: string,
      caseId: string,
      peer: { name: string; reason: string },
      at: string,
    ): Promise<boolean> {
      const c = await repo.findCase(tx, tenantId, caseId);
      if (!c || c.status !== 'transferred') return false;
      const prior = (c.transfer_prior_status ?? 'reported') as CaseState;
      const waited = Math.max(0, new Date(at).getTime() - new Date(c.transferred_at ?? at).getTime());
      return change(
        tx,
        c,
        prior,
        {
          transfer_prior_status: null,
          transferred_at: null,
          step_started_at: later(c.step_started_at, waited),
          step_warn_at: later(c.step_warn_at, waited),
          step_deadline: later(c.step_deadline, waited),
          handling_deadline: later(c.handling_deadline, waited),
          suspended_until: later(c.suspended_until, waited),
        },
        {
          action: 'transfer_returned',
          peerName: peer.name,
          note: peer.reason,
          data: { peer: peer.name, waitedMs: waited },
          at,
        },
      );
    },

    /** The peer closed its case: the origin closes with the peer's result, and its reporter hears of it. */
    async transferClosed(
      tx: Executor,
      tenantId: string,
      caseId: string,
      peer: { name: string; caseNo: string | null },
      at: string,
    ): Promise<boolean> {
      const c = await repo.findCase(tx, tenantId, caseId);
      if (!c || c.status !== 'transferred') return false;
      const publicReply = `已移送${peer.name}办理，对方已办结${peer.caseNo ? `（案件号 ${peer.caseNo}）` : ''}。`;
      const done = await change(
        tx,
        c,
        'closed',
        { ...NO_CLOCK, close_type: 'normal', closed_at: at, transfer_prior_status: null },
        {
          action: 'transfer_closed',
          peerName: peer.name,
          note: publicReply,
          data: { peer: peer.name, peerCaseNo: peer.caseNo, closeType: 'normal', publicReply },
          at,
        },
      );
      if (done && c.reporter_phone && !INTERNAL_CHANNELS.includes(c.channel as CaseChannel))
        await enqueueNotice(tx, {
          tenantId: c.tenant_id,
          caseId: c.id,
          phone: c.reporter_phone,
          kind: NOTICE_KINDS.closed,
          message: `您反映的问题（案件号${c.case_no}）已办结，欢迎对办理结果进行评价。`,
          createdAt: at,
        });
      return done;
    },
  };
}
export type CaseTransfers = ReturnType<typeof caseTransfers>;
