import { createPeerService } from './fed-peers.ts';
import { createExchange } from './fed-exchange.ts';
import { createInbox } from './fed-inbox.ts';
import { createRequests } from './fed-requests.ts';
import { createOutbox } from './fed-outbox.ts';
import { createReportUp } from './fed-report-up.ts';
import { createFedContext, type FedDeps } from './fed-context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { tenantIds } from '../org/index.ts';
import * as repo from './federation.repository.ts';

/**
 * 全域与跨区域 (docs/federation.md): keys and peers, the signed inbox and outbox, 通报 and 移送, report-up. The
 * scheduler's jobs call `deliver` (outbox, rotated keys, progress of accepted transfers) and `reportUp`.
 */
export function createFederationService(database: Database, clock: Clock, deps: FedDeps & { reportUpJob: boolean }) {
  const ctx = createFedContext(database, clock, deps);
  const outbox = createOutbox(ctx);
  const peers = createPeerService(ctx, outbox);
  const requests = createRequests(ctx, outbox);
  const exchange = createExchange(ctx, outbox, requests);
  const inbox = createInbox(ctx);
  const reportUp = createReportUp(ctx);
  return {
    ...peers,
    ...exchange,
    sendRecognition: (...a: Parameters<typeof requests.sendRecognition>) => requests.sendRecognition(...a),
    sendJointAction: (...a: Parameters<typeof requests.sendJointAction>) => requests.sendJointAction(...a),
    receive: (envelope: Parameters<typeof inbox.receive>[0]) => inbox.receive(envelope),
    reportUpState: (actor: Parameters<typeof reportUp.state>[0]) => reportUp.state(actor),
    runReportUp: (actor: Parameters<typeof reportUp.runNow>[0], from: string | undefined) =>
      reportUp.runNow(actor, from),

    /** The outbox job: retire keys past their overlap, queue progress of accepted transfers, post what is due. */
    async deliver(now: Date) {
      await repo.retireExpiredKeys(database.db, now.toISOString());
      const progress = await outbox.queueProgress();
      return { progress, ...(await outbox.deliverDue(now)) };
    },

    /** The report-up job: every tenant's days after its watermark (only when a drop folder is configured). */
    async reportUp(now: Date) {
      if (!deps.reportUpJob) return { files: 0 };
      let files = 0;
      for (const id of await tenantIds(database.db)) files += (await reportUp.run(id, now)).length;
      return { files };
    },
  };
}
export type FederationService = ReturnType<typeof createFederationService>;
