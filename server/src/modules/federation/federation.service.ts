import type { ReportUpConfigInput } from '../../../../common/contracts/report-up.ts';
import { createPeerService } from './fed-peers.ts';
import { createExchange } from './fed-exchange.ts';
import { createInbox } from './fed-inbox.ts';
import { createRequests } from './fed-requests.ts';
import { createOutbox } from './fed-outbox.ts';
import { createReportAdmin } from './fed-report-admin.ts';
import type { FedKpi } from './fed-report-month.ts';
import { createFedContext, type FedDeps } from './fed-context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { tenantIds } from '../org/index.ts';
import * as repo from './federation.repository.ts';

/**
 * 全域与跨区域 (docs/federation.md): keys and peers, the signed inbox and outbox, 通报 and 移送, report-up. The
 * scheduler's jobs call `deliver` (outbox, rotated keys, progress of accepted transfers) and `reportUp`.
 */
export function createFederationService(
  database: Database,
  clock: Clock,
  deps: FedDeps & { reportUpJob: boolean; kpi: FedKpi },
) {
  const ctx = createFedContext(database, clock, deps);
  const outbox = createOutbox(ctx);
  const peers = createPeerService(ctx, outbox);
  const requests = createRequests(ctx, outbox);
  const exchange = createExchange(ctx, outbox, requests);
  const inbox = createInbox(ctx);
  const reportUp = createReportAdmin(ctx, deps.kpi);
  return {
    ...peers,
    ...exchange,
    sendRecognition: (...a: Parameters<typeof requests.sendRecognition>) => requests.sendRecognition(...a),
    sendJointAction: (...a: Parameters<typeof requests.sendJointAction>) => requests.sendJointAction(...a),
    receive: (envelope: Parameters<typeof inbox.receive>[0]) => inbox.receive(envelope),
    reportUpState: (actor: Parameters<typeof reportUp.overview>[0]) => reportUp.overview(actor),
    runReportUp: (actor: Parameters<typeof reportUp.runNow>[0], from: string | undefined) =>
      reportUp.runNow(actor, from),
    saveReportUpConfig: (actor: Parameters<typeof reportUp.saveConfig>[0], input: ReportUpConfigInput) =>
      reportUp.saveConfig(actor, input),
    testReportUp: (actor: Parameters<typeof reportUp.test>[0]) => reportUp.test(actor),

    /** The outbox job: retire keys past their overlap, queue progress of accepted transfers, post what is due. */
    async deliver(now: Date) {
      await repo.retireExpiredKeys(database.db, now.toISOString());
      const progress = await outbox.queueProgress();
      return { progress, ...(await outbox.deliverDue(now)) };
    },

    /**
     * The report-up job: every tenant's days and closed months after its watermarks, as files when a drop folder is
     * configured, and posted when the tenant set up push.
     */
    async reportUp(now: Date) {
      const total = { files: 0, records: 0, months: 0 };
      for (const id of await tenantIds(database.db)) {
        const r = await reportUp.scheduled(id, now, deps.reportUpJob);
        total.files += r.files;
        total.records += r.records;
        total.months += r.months;
      }
      return total;
    },
  };
}
export type FederationService = ReturnType<typeof createFederationService>;
