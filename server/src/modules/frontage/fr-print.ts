/** The files of the line: the printed 责任书 (.docx) and the agreements list as CSV (docs/frontage.md). */
import type { AgreementQuery } from '../../../../common/contracts/frontage.ts';
import { MAX_PAGE_SIZE } from '../../../../common/domain/paging.ts';
import type { Database } from '../../platform/db.ts';
import type { Download } from '../../platform/http.ts';
import { translate, type Locale } from '../../platform/messages.ts';
import type { Actor } from '../auth/index.ts';
import { tenantColumns } from '../org/index.ts';
import { renderAgreementDocx } from './fr-docx.ts';
import type { FrontageService } from './frontage.service.ts';

const EXPORT_ROWS = 10_000;
const CSV_COLUMNS = [
  'agreementNo',
  'shopName',
  'creditCode',
  'operatorName',
  'operatorPhone',
  'region',
  'address',
  'scope',
  'periodFrom',
  'periodTo',
  'signedOn',
  'status',
  'inspections',
  'lastScore',
] as const;

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading =+-@ is defused for spreadsheets. */
const csvField = (v: string | number | null) => {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function createFrPrint(database: Database, s: FrontageService) {
  return {
    async agreementDocx(actor: Actor, id: string): Promise<Download> {
      const agreement = await s.getAgreement(actor, id);
      const tenant = await tenantColumns(database.db, actor.tenantId, ['name']);
      const body = await renderAgreementDocx({ bureau: `${tenant?.name ?? ''}城市管理执法局`, agreement });
      return {
        filename: `门前三包责任书-${agreement.agreementNo}.docx`,
        fallback: `frontage-${agreement.agreementNo}.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        body,
      };
    },

    /** Every agreement the list query matches (up to 10,000), phones masked as in the list. */
    async agreementsCsv(actor: Actor, q: AgreementQuery, locale: Locale): Promise<Download> {
      const label = (key: string) => translate(locale, `frontage.${key}`) ?? key;
      const lines = [CSV_COLUMNS.map((c) => csvField(label(`field.${c}`))).join(',')];
      for (let page = 1; (page - 1) * MAX_PAGE_SIZE < EXPORT_ROWS; page++) {
        const { items, total } = await s.listAgreements(actor, { ...q, page, pageSize: MAX_PAGE_SIZE });
        for (const a of items)
          lines.push(
            [
              a.agreementNo,
              a.shopName,
              a.creditCode,
              a.operatorName,
              a.operatorPhone,
              a.regionName,
              a.address,
              a.scope,
              a.periodFrom,
              a.periodTo,
              a.signedOn,
              label(`agreementStatus.${a.status}`),
              a.inspections,
              a.lastScore,
            ]
              .map(csvField)
              .join(','),
          );
        if (page * MAX_PAGE_SIZE >= total) break;
      }
      return {
        filename: '门前三包责任书.csv',
        fallback: 'frontage-agreements.csv',
        contentType: 'text/csv; charset=utf-8',
        body: `\uFEFF${lines.join('\r\n')}\r\n`,
      };
    },
  };
}
export type FrPrint = ReturnType<typeof createFrPrint>;
