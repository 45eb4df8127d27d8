/** The 专项行动 records as exported (docs/campaigns.md): the publicity log and the honours, labels translated. */
import type { Honour, Publicity } from '../../../../common/contracts/campaigns.ts';
import type { SheetSpec } from './export-workbook.ts';

export const PUBLICITY_SHEET: SheetSpec<Publicity> = {
  sheet: 'publicity',
  file: 'publicity',
  columns: [
    { header: 'cpPublishedOn', width: 12, value: (r) => r.publishedOn },
    { header: 'cpOutlet', width: 16, value: (r) => r.outlet },
    { header: 'cpLevel', width: 8, value: (r, f) => f.label(`campaigns.level.${r.level}`, r.level) },
    { header: 'cpTitle', width: 40, value: (r) => r.title },
    { header: 'cpUrl', width: 30, value: (r) => r.url },
  ],
};

export const HONOURS_SHEET: SheetSpec<Honour> = {
  sheet: 'honours',
  file: 'honours',
  columns: [
    { header: 'cpAwardedOn', width: 12, value: (r) => r.awardedOn },
    { header: 'cpHonour', width: 40, value: (r) => r.name },
    { header: 'cpLevel', width: 8, value: (r, f) => f.label(`campaigns.level.${r.level}`, r.level) },
    { header: 'cpIssuer', width: 24, value: (r) => r.issuer },
  ],
};
