/**
 * The files of the line (docs/frontage.md): the printed 责任书 (.docx) from the tenant's template, and a month's red
 * and black lists as rows for the exports module (the agreements and inspections are exported from their lists).
 */
import type { ListEntry } from '../../../../common/contracts/frontage.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { Database } from '../../platform/db.ts';
import type { Download } from '../../platform/http.ts';
import type { Actor } from '../auth/index.ts';
import { tenantColumns } from '../org/index.ts';
import { renderAgreementDocx } from './fr-docx.ts';
import type { FrTemplate } from './fr-template.ts';
import { frErrors } from './frontage.errors.ts';
import type { FrontageService } from './frontage.service.ts';

export type ListRow = ListEntry & { list: 'red' | 'black'; month: string };

export function createFrPrint(database: Database, s: FrontageService, template: FrTemplate) {
  const bureauOf = async (tenantId: string) =>
    `${(await tenantColumns(database.db, tenantId, ['name']))?.name ?? ''}城市管理执法局`;
  return {
    ...template,

    async agreementDocx(actor: Actor, id: string): Promise<Download> {
      const agreement = await s.getAgreement(actor, id);
      const body = await renderAgreementDocx({
        bureau: await bureauOf(actor.tenantId),
        agreement,
        template: await template.templateOf(actor.tenantId),
      });
      return {
        filename: `门前三包责任书-${agreement.agreementNo}.docx`,
        fallback: `frontage-${agreement.agreementNo}.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        body,
      };
    },

    /** A month's lists as one page of rows, red first: as published, or as the current rule ranks them. */
    async listRows(actor: Actor, q: { month?: string; page?: number; pageSize?: number }): Promise<Page<ListRow>> {
      // the export route's contract requires the month; a direct caller without one gets the same 400
      if (!q.month) throw frErrors.field('querystring.month', 'required', 'a month YYYY-MM');
      const p = await s.monthLists(actor, q.month);
      const rows: ListRow[] = [
        ...p.red.map((e) => ({ ...e, list: 'red' as const, month: p.month })),
        ...p.black.map((e) => ({ ...e, list: 'black' as const, month: p.month })),
      ];
      const page = q.page ?? 1;
      return { items: page === 1 ? rows : [], total: rows.length, page, pageSize: Math.max(rows.length, 1) };
    },
  };
}
export type FrPrint = ReturnType<typeof createFrPrint>;
