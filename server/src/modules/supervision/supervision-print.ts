import type { Download } from '../../platform/http.ts';
import type { Database } from '../../platform/db.ts';
import type { Actor } from '../auth/index.ts';
import { tenantColumns } from '../org/index.ts';
import { renderOrderDocx } from './supervision-docx.ts';
import type { SupervisionService } from './supervision.service.ts';

/** The printed 督办单: the order under its visibility rule, with the case's description and address. */
export function createSupervisionPrint(
  database: Database,
  s: SupervisionService,
  cases: { get(actor: Actor, id: string): Promise<{ description: string; address: string | null }> },
) {
  return {
    async docx(actor: Actor, id: string): Promise<Download> {
      const order = await s.get(actor, id);
      // The order's reader may lack the case's scope (a target unit reading an order on a case it no longer holds):
      // the case text is then left out rather than refusing the order.
      const c = await cases.get(actor, order.caseId).catch(() => null);
      const tenant = await tenantColumns(database.db, actor.tenantId, ['name', 'timezone']);
      const body = await renderOrderDocx({
        authority: tenant?.name ?? '',
        timeZone: tenant?.timezone ?? 'Asia/Shanghai',
        order,
        caseDescription: c?.description ?? '',
        caseAddress: c?.address ?? null,
      });
      return {
        filename: `督办单-${order.orderNo}.docx`,
        fallback: `supervision-${order.orderNo}.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        body,
      };
    },
  };
}
export type SupervisionPrint = ReturnType<typeof createSupervisionPrint>;
