/**
 * Demo 巡检 and 服务外包考核 (docs/inspections.md): a weekly pump-station round due today for every 排水泵站, the two
 * rounds before it done (four failed items, each with the 养护工单 it opened for the pump stations' contractor), a
 * weekly round of the collection stations, the pre-flood-season check of the waterlogging points, and two service
 * contracts of this year. All SYNTHETIC: plans, results, orders and contract numbers.
 */
import type { ChecklistItem } from '../../../common/domain/inspections.ts';
import { addDays } from '../../../common/domain/outdoor-ads.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { seedInspections, type InspectionSeed } from '../modules/assets/index.ts';
import { demoWorksiteCodes } from './demo-vehicles.ts';

export const PUMP_PLAN = '泵站每周巡检';
export const PUMP_CHECKLIST: ChecklistItem[] = [
  {
    key: 'power',
    label: '配电柜及供电正常',
    labelEn: 'Switchgear and power supply normal',
    kind: 'check',
    onFail: 'work_order',
    workDays: 2,
  },
  {
    key: 'pumps',
    label: '水泵试运行正常',
    labelEn: 'Pumps run normally on test',
    kind: 'check',
    onFail: 'work_order',
    workDays: 3,
  },
  {
    key: 'sump',
    label: '前池水位',
    labelEn: 'Sump water level',
    kind: 'number',
    min: 0,
    max: 3.5,
    unit: 'm',
    onFail: 'work_order',
    workDays: 1,
  },
  { key: 'grille', label: '格栅无堵塞', labelEn: 'Screens clear', kind: 'check', onFail: 'work_order', workDays: 3 },
  { key: 'remark', label: '其他情况', labelEn: 'Other remarks', kind: 'text', onFail: 'none' },
];
const COLLECT_CHECKLIST: ChecklistItem[] = [
  {
    key: 'clean',
    label: '站内地面清洁',
    labelEn: 'Station floor clean',
    kind: 'check',
    onFail: 'work_order',
    workDays: 1,
  },
  {
    key: 'deodor',
    label: '除臭设备运行正常',
    labelEn: 'Deodorisers working',
    kind: 'check',
    onFail: 'work_order',
    workDays: 3,
  },
  { key: 'bins', label: '垃圾桶完好', labelEn: 'Bins intact', kind: 'check', onFail: 'none' },
];
const FLOOD_CHECKLIST: ChecklistItem[] = [
  {
    key: 'gauge',
    label: '水位标尺清晰',
    labelEn: 'Depth gauge legible',
    kind: 'check',
    onFail: 'work_order',
    workDays: 5,
  },
  {
    key: 'inlets',
    label: '雨水口已清掏',
    labelEn: 'Gullies cleaned',
    kind: 'check',
    onFail: 'work_order',
    workDays: 3,
  },
  {
    key: 'signs',
    label: '警示标志齐全',
    labelEn: 'Warning signs in place',
    kind: 'check',
    onFail: 'work_order',
    workDays: 3,
    photoRequired: true,
  },
];

/** 源头巡查: the 渣土 line's round of the construction sites the muck leaves from. */
export const SOURCE_PLAN = '渣土源头巡查';
const SOURCE_CHECKLIST: ChecklistItem[] = [
  {
    key: 'washer',
    label: '出入口冲洗设施正常使用',
    labelEn: 'Wheel washer at the gate in use',
    kind: 'check',
    onFail: 'work_order',
    workDays: 2,
  },
  {
    key: 'covered',
    label: '出场车辆密闭、无带泥上路',
    labelEn: 'Trucks leave covered, no mud on the road',
    kind: 'check',
    onFail: 'work_order',
    workDays: 1,
    photoRequired: true,
  },
  { key: 'permit', label: '处置核准在有效期内', labelEn: 'Disposal permit valid', kind: 'check', onFail: 'none' },
];

/** ISO weekday (1 = Monday … 7) of a calendar date. */
const weekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const pad = (n: number) => String(n).padStart(2, '0');

/** The demo's plans, inspections and contracts around `today` (the tenant's local date). */
export function demoInspections(
  today: string,
  units: ReadonlyMap<string, string>,
  streetIds: readonly string[],
  worksites: readonly string[] = [],
): InspectionSeed {
  const at = (days: number, hour = 10) =>
    new Date(Date.parse(`${addDays(today, days)}T${pad(hour)}:00:00+08:00`)).toISOString();
  const year = today.slice(0, 4);
  const contractor = units.get('PUMP-OM') ?? units.get('DRAINAGE') ?? '';
  let n = 0;
  const order = (
    title: string,
    unit: string,
    days: number,
    due: number,
    state: 'open' | 'in_progress' | 'done' | 'accepted',
    done: number | null,
  ) => ({
    order_no: `YH${year}-${90100 + ++n}`,
    case_id: null,
    case_no: null,
    title,
    unit_id: unit,
    state,
    due_at: at(days + due, 18),
    quantity_milli: state === 'done' || state === 'accepted' ? 1000 : null,
    quantity_unit: state === 'done' || state === 'accepted' ? ('unit' as const) : null,
    cost_fen: state === 'done' || state === 'accepted' ? 48000 : null,
    before_photo_ids: '[]',
    after_photo_ids: '[]',
    note: '示例数据',
    started_at: state === 'open' ? null : at(days + 1, 9),
    done_at: done === null ? null : at(days + done, 16),
    accepted_at: state === 'accepted' ? at(days + (done ?? 0) + 1, 11) : null,
    accepted_by: null,
    created_at: at(days, 11),
    updated_at: at(days + (done ?? 0), 16),
  });
  const pumps = Array.from({ length: 19 }, (_, i) => `DY-BZ-${pad(i + 1)}`);
  const pass = (sump = 1.2) => [
    { key: 'power', ok: true },
    { key: 'pumps', ok: true },
    { key: 'sump', value: sump },
    { key: 'grille', ok: true },
  ];
  const failures: Record<string, Record<string, InspectionSeed['inspections'][number]['results']>> = {
    '-14': {
      'DY-BZ-05': [
        { key: 'power', ok: true },
        {
          key: 'pumps',
          ok: false,
          text: '1号泵无法启动',
          order: order('5号泵站1号水泵无法启动', contractor, -14, 3, 'accepted', 2),
        },
        { key: 'sump', value: 1.4 },
        { key: 'grille', ok: true },
      ],
      'DY-BZ-09': [
        { key: 'power', ok: true },
        { key: 'pumps', ok: true },
        { key: 'sump', value: 3.9, order: order('9号泵站前池水位偏高', contractor, -14, 1, 'done', 3) },
        { key: 'grille', ok: true },
      ],
    },
    '-7': {
      'DY-BZ-02': [
        {
          key: 'power',
          ok: false,
          text: '配电柜指示灯不亮',
          order: order('2号泵站配电柜指示灯故障', contractor, -7, 2, 'in_progress', null),
        },
        { key: 'pumps', ok: true },
        { key: 'sump', value: 0.8 },
        { key: 'grille', ok: true },
      ],
      'DY-BZ-14': [
        { key: 'power', ok: true },
        { key: 'pumps', ok: true },
        { key: 'sump', value: 2.1 },
        {
          key: 'grille',
          ok: false,
          text: '格栅缠绕塑料袋',
          order: order('14号泵站格栅清理', contractor, -7, 9, 'open', null),
        },
      ],
    },
  };
  const inspections: InspectionSeed['inspections'] = [];
  for (const days of [-14, -7])
    for (const asset of pumps)
      inspections.push({
        plan: PUMP_PLAN,
        asset,
        dueDate: addDays(today, days),
        doneAt: at(days, 9 + (Number(asset.slice(-2)) % 8)),
        results:
          failures[String(days)]?.[asset] ?? pass(Number((0.8 + (Number(asset.slice(-2)) % 5) * 0.3).toFixed(1))),
      });
  for (const asset of pumps) inspections.push({ plan: PUMP_PLAN, asset, dueDate: today, doneAt: null, results: [] });
  const stations = Array.from({ length: 14 }, (_, i) => `DY-SJ-${pad(i + 1)}`);
  const sanitation = units.get('SANITATION') ?? '';
  for (const asset of stations) {
    const failed = asset === 'DY-SJ-03';
    inspections.push({
      plan: '垃圾收集站每周巡检',
      asset,
      dueDate: addDays(today, -2),
      doneAt: at(-2, 15),
      results: [
        { key: 'clean', ok: true },
        failed
          ? { key: 'deodor', ok: false, order: order('3号收集站除臭设备故障', sanitation, -2, 5, 'open', null) }
          : { key: 'deodor', ok: true },
        { key: 'bins', ok: true },
      ],
    });
    inspections.push({ plan: '垃圾收集站每周巡检', asset, dueDate: addDays(today, 5), doneAt: null, results: [] });
  }
  // 源头巡查: last week's round done (one site's gate washer broken), this week's due in three days
  const muck = units.get('MUCK') ?? '';
  worksites.forEach((asset, i) => {
    inspections.push({
      plan: SOURCE_PLAN,
      asset,
      dueDate: addDays(today, -4),
      doneAt: at(-4, 9 + (i % 6)),
      results: [
        i === 1
          ? {
              key: 'washer',
              ok: false,
              text: '冲洗设备故障',
              order: order('工地出入口冲洗设备维修', muck, -4, 2, 'open', null),
            }
          : { key: 'washer', ok: true },
        { key: 'covered', ok: true },
        { key: 'permit', ok: true },
      ],
    });
    inspections.push({ plan: SOURCE_PLAN, asset, dueDate: addDays(today, 3), doneAt: null, results: [] });
  });
  const april = `${year}-04-01`;
  if (april < today)
    for (let i = 1; i <= 5; i++)
      inspections.push({
        plan: '易涝点汛前检查',
        asset: `DY-YL-${pad(i)}`,
        dueDate: april,
        doneAt: new Date(Date.parse(`${april}T10:00:00+08:00`)).toISOString(),
        results: [
          { key: 'gauge', ok: true },
          { key: 'inlets', ok: true },
          { key: 'signs', ok: true },
        ],
      });
  return {
    plans: [
      {
        name: PUMP_PLAN,
        type: 'DRN-PUMP',
        checklist: PUMP_CHECKLIST,
        scheduleKind: 'weekly',
        schedule: { weekday: weekday(today) },
        unitId: units.get('DRAINAGE') ?? null,
      },
      {
        name: '垃圾收集站每周巡检',
        type: 'SAN-COLLECT',
        checklist: COLLECT_CHECKLIST,
        scheduleKind: 'weekly',
        schedule: { weekday: weekday(addDays(today, -2)) },
        unitId: sanitation || null,
      },
      ...(worksites.length
        ? [
            {
              name: SOURCE_PLAN,
              type: 'MUCK-WORKSITE',
              checklist: SOURCE_CHECKLIST,
              scheduleKind: 'weekly' as const,
              schedule: { weekday: weekday(addDays(today, 3)) },
              unitId: muck || null,
            },
          ]
        : []),
      {
        name: '易涝点汛前检查',
        type: 'DRN-FLOOD',
        checklist: FLOOD_CHECKLIST,
        scheduleKind: 'flood',
        schedule: { dates: ['04-01', '05-15'] },
        unitId: units.get('DRAINAGE') ?? null,
      },
    ],
    inspections: inspections.filter((i) => i.results.every((r) => !r.order || r.order.unit_id)),
    contracts: [
      {
        contractNo: `DYPS-YW-${year}`,
        name: '城区排水泵站运行维护服务合同（示例）',
        unitId: contractor,
        line: 'drainage',
        regionIds: [...streetIds],
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        rules: [
          { kind: 'overdue_case', points: 2 },
          { kind: 'failed_item', points: 1 },
          { kind: 'overdue_work_order', points: 3 },
        ],
      },
      ...(units.get('CLEANING')
        ? [
            {
              contractNo: `DYBJ-${year}-01`,
              name: '城区道路保洁服务合同（示例）',
              unitId: units.get('CLEANING')!,
              line: 'sanitation' as const,
              regionIds: streetIds.slice(0, 2),
              startsOn: `${year}-01-01`,
              endsOn: `${year}-12-31`,
              rules: [
                { kind: 'overdue_case' as const, points: 1 },
                { kind: 'overdue_work_order' as const, points: 2 },
              ],
            },
          ]
        : []),
    ],
  };
}

export async function seedDemoInspections(
  tx: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  inspector: string,
  units: ReadonlyMap<string, string>,
  streetIds: readonly string[],
  today: string,
) {
  const plan = demoInspections(today, units, streetIds, demoWorksiteCodes());
  await seedInspections(tx, tenantId, clock, by, inspector, plan);
}
