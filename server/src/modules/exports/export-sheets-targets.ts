/** The 目标任务 list as exported: the quarterly view (value at each quarter end and its share), status translated. */
import type { TargetView } from '../../../../common/contracts/targets.ts';
import type { SheetSpec } from './export-workbook.ts';

const quarter = (n: number) => ({
  header: `tgQ${n}`,
  width: 10,
  value: (t: TargetView) => t.quarters[n - 1]?.value ?? null,
});
const quarterShare = (n: number) => ({
  header: `tgQ${n}Share`,
  width: 9,
  value: (t: TargetView) => t.quarters[n - 1]?.share ?? null,
});

export const TARGETS_SHEET: SheetSpec<TargetView> = {
  sheet: 'targets',
  file: 'targets',
  columns: [
    { header: 'tgYear', width: 6, value: (t) => t.year },
    { header: 'tgCode', width: 8, value: (t) => t.code },
    { header: 'tgTitle', width: 36, value: (t) => t.title },
    { header: 'tgUnit', width: 16, value: (t) => t.unitName },
    { header: 'tgMeasure', width: 24, value: (t) => t.figureLabel ?? t.measureUnit },
    { header: 'tgComparison', width: 6, value: (t, f) => f.label(`targets.comparison.${t.comparison}`, t.comparison) },
    { header: 'tgTarget', width: 10, value: (t) => t.targetValue },
    { header: 'tgDueOn', width: 12, value: (t) => t.dueOn },
    quarter(1),
    quarterShare(1),
    quarter(2),
    quarterShare(2),
    quarter(3),
    quarterShare(3),
    quarter(4),
    quarterShare(4),
    { header: 'tgValue', width: 10, value: (t) => t.value },
    { header: 'tgShare', width: 9, value: (t) => t.share },
    { header: 'tgStatus', width: 8, value: (t, f) => f.label(`targets.status.${t.status}`, t.status) },
  ],
};
