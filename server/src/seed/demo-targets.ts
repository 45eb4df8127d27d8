/**
 * 目标任务 of the demo city: items of the bureau's 2024 工作计划 (大冶市城市管理执法局《2023年工作总结和2024年工作计划》)
 * as targets (docs/targets.md, "Demo"). The items are the plan's; the target values, due dates and progress reports
 * are synthetic, set near the 2023 results the same report gives.
 */
import { DEFAULT_TIME_ZONE, zonedDate } from '../../../common/domain/zoned-time.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { seedTargets, type TargetSeed } from '../modules/targets/index.ts';

export function demoTargets(unit: (code: string) => string): TargetSeed[] {
  const base = { year: 2024, titleEn: null, notes: null, reports: [] };
  return [
    {
      ...base,
      code: 'T01',
      title: '查违控违：全年拆除违法建设面积不少于4万平方米',
      titleEn: 'Illegal construction: demolish at least 40,000 m² in the year',
      unitId: unit('ENFORCE'),
      kind: 'figure',
      figureKey: 'illegalConstruction.bureauAreaM2',
      comparison: 'gte',
      measureUnit: null,
      targetValue: 40000,
      dueOn: '2024-12-31',
    },
    {
      ...base,
      code: 'T02',
      title: '户外广告整治：拆除不规范广告牌匾不少于600块',
      titleEn: 'Outdoor advertising: remove at least 600 non-compliant signs',
      unitId: unit('ENFORCE'),
      kind: 'figure',
      figureKey: 'outdoorAds.removed',
      comparison: 'gte',
      measureUnit: null,
      targetValue: 600,
      dueOn: '2024-12-31',
    },
    {
      ...base,
      code: 'T03',
      title: '数字城管：问题结案率不低于95%',
      titleEn: 'Digital city management: close at least 95% of problems',
      unitId: unit('COMMAND'),
      kind: 'figure',
      figureKey: 'overview.closeRate',
      comparison: 'gte',
      measureUnit: null,
      targetValue: 95,
      dueOn: '2024-12-31',
    },
    {
      ...base,
      code: 'T04',
      title: '行政审批事项办结率100%',
      titleEn: 'Administrative approvals: 100% concluded',
      unitId: unit('OFFICE'),
      kind: 'figure',
      figureKey: 'approvals.closedRate',
      comparison: 'gte',
      measureUnit: null,
      targetValue: 100,
      dueOn: '2024-12-31',
    },
    {
      ...base,
      code: 'T05',
      title: '建成具有城市之眼、城市之感的数字城管平台',
      titleEn: 'Build the digital city-management platform',
      unitId: unit('COMMAND'),
      kind: 'manual',
      figureKey: null,
      comparison: 'gte',
      measureUnit: '项',
      targetValue: 1,
      dueOn: '2024-12-31',
      notes: '以平台通过验收为完成（示例数据）',
    },
    {
      ...base,
      code: 'T06',
      title: '创建垃圾分类示范小区和示范湾组10个',
      titleEn: 'Create 10 waste-sorting model communities and villages',
      unitId: unit('SANITATION'),
      kind: 'manual',
      figureKey: null,
      comparison: 'gte',
      measureUnit: '个',
      targetValue: 10,
      dueOn: '2024-12-31',
      reports: [{ value: 2, reportedOn: '2024-02-28', note: '东岳路街道、金湖街道各创建1个示范小区（示例数据）' }],
    },
    {
      ...base,
      code: 'T07',
      title: '中心城区雨污分流排水改造完成7条道路',
      titleEn: 'Separate storm and foul drainage on 7 central streets',
      unitId: unit('DRAINAGE'),
      kind: 'manual',
      figureKey: null,
      comparison: 'gte',
      measureUnit: '条',
      targetValue: 7,
      dueOn: '2024-10-31',
      reports: [{ value: 1, reportedOn: '2024-03-05', note: '墈头街改造完工（示例数据）' }],
    },
  ];
}

export async function seedDemoTargets(
  db: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  unitIds: Map<string, string>,
) {
  const unit = (code: string) => unitIds.get(code) ?? unitIds.get('BUREAU') ?? '';
  // the plan's year is the demo's current year, so its figure targets read that year's records, not an old year's zeros
  const today = zonedDate(clock.now(), DEFAULT_TIME_ZONE);
  const year = Number(today.slice(0, 4));
  const moved = (day: string) => `${year}${day.slice(4)}`;
  await seedTargets(
    db,
    tenantId,
    clock,
    by,
    demoTargets(unit).map((t) => ({
      ...t,
      year,
      dueOn: moved(t.dueOn),
      // a progress report is never dated after the demo's today
      reports: t.reports.map((r) => ({ ...r, reportedOn: [moved(r.reportedOn), today].sort()[0] as string })),
    })),
  );
}
