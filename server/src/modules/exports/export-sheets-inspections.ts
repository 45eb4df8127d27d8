/** The 巡检计划 and 服务外包合同 lists as exported: the console's columns, kinds and lines translated. */
import type { Contract, InspectionPlan } from '../../../../common/contracts/inspections.ts';
import type { SheetSpec } from './export-workbook.ts';

export const INSPECTION_PLANS_SHEET: SheetSpec<InspectionPlan> = {
  sheet: 'inspectionPlans',
  file: 'inspection-plans',
  columns: [
    { header: 'ipName', width: 24, value: (p) => p.name },
    { header: 'ipType', width: 18, value: (p, f) => (f.locale === 'en' ? p.typeNameEn : p.typeNameZh) },
    {
      header: 'ipSchedule',
      width: 12,
      value: (p, f) => f.label(`inspections.schedule.${p.scheduleKind}`, p.scheduleKind),
    },
    {
      header: 'ipWhen',
      width: 20,
      value: (p) => p.schedule.weekday ?? p.schedule.day ?? (p.schedule.dates ?? []).join(', '),
    },
    { header: 'ipItems', width: 40, value: (p) => p.checklist.map((i) => i.label).join(' / ') },
    { header: 'ipUnit', width: 18, value: (p) => p.unitName },
    { header: 'ipInspector', width: 12, value: (p) => p.inspectorName },
    { header: 'ipActive', width: 8, value: (p, f) => f.yesNo(p.active) },
    { header: 'ipUpdatedAt', width: 20, value: (p, f) => f.instant(p.updatedAt) },
  ],
};

export const CONTRACTS_SHEET: SheetSpec<Contract> = {
  sheet: 'contracts',
  file: 'contracts',
  columns: [
    { header: 'ctNo', width: 16, value: (c) => c.contractNo },
    { header: 'ctName', width: 28, value: (c) => c.name },
    { header: 'ctContractor', width: 20, value: (c) => c.unitName },
    { header: 'ctLine', width: 10, value: (c, f) => f.label(`lineViews.group.${c.line}`, c.line) },
    { header: 'ctAreas', width: 30, value: (c) => c.regionNames.join('、') },
    { header: 'ctStartsOn', width: 12, value: (c) => c.startsOn },
    { header: 'ctEndsOn', width: 12, value: (c) => c.endsOn },
    { header: 'ctBaseScore', width: 8, value: (c) => c.baseScore },
    { header: 'ctRules', width: 8, value: (c) => c.rules.length },
  ],
};
