/**
 * Demo records for 查违控违 and 户外广告 in 大冶市. The 2023 totals follow the bureau's 2023 work report (docs/demo-city.md):
 * 33 reports from complaints, petitions and the hotline plus 12 leaders' instructions, 25 停工通知书, 23
 * 交办函/督办函, 188 demolition actions of the bureau over 46,574 m², and its help to townships ("20余起, 约20000㎡",
 * taken here as 22 actions over 20,000 m²); 774 outdoor signs removed: 18 wall, 12 high-altitude, 6 road-name, 730
 * light boxes, 8 groups of awnings. So the yearly report reproduces those sentences from records. Everything else
 * is synthetic: how the totals split over townships, months, structures and records, every address, position,
 * owner, permit and inspection. Positions fall in the synthetic demo extent of the city centre.
 */
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { hasIllegalConstruction, seedIllegalConstruction, type IcSeed } from '../modules/illegal-construction/index.ts';
import { hasOutdoorAds, seedOutdoorAds, type OaSeed } from '../modules/outdoor-ads/index.ts';
import type { AdType } from '../../../common/domain/outdoor-ads.ts';
import { addDays } from '../../../common/domain/outdoor-ads.ts';
import { random } from './demo-random.ts';

const ROADS = [
  '乾塔路',
  '七里界路',
  '伍桥路',
  '金湖大道',
  '高铁大道',
  '冯汉祝路',
  '岳家咀路',
  '新冶大道',
  '码头路',
  '建设路',
  '育才路',
  '北门路',
];
const UNITS = ['城管执法大队', '自然资源和规划局', '住建局', '公安局', '供电公司', '乡镇（街道）拆违队'];
const SHOPS = ['便民超市', '家电城', '餐馆', '药房', '五金店', '通讯营业厅', '茶楼', '培训学校'];

const dayOf = (year: number, index: number, count: number) => {
  // spread `count` events evenly over the year, index 0 in January
  const day = Math.floor((index * 364) / count);
  return addDays(`${year}-01-01`, day);
};

export function demoLineRecords(today: string, townships: readonly string[]): { ic: IcSeed; oa: OaSeed } {
  const rnd = random(420281);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const place = () => ({
    lng: Number((114.93 + rnd() * 0.09).toFixed(6)),
    lat: Number((30.06 + rnd() * 0.07).toFixed(6)),
  });
  const address = () => `${pick(ROADS)}${1 + Math.floor(rnd() * 300)}号附近`;
  const town = (i: number) => townships[i % townships.length] as string;

  /** `count` areas (hundredths of a m²) that sum to exactly `total` */
  const split = (count: number, total: number) => {
    const weights = Array.from({ length: count }, () => 0.2 + rnd());
    const sum = weights.reduce((s, w) => s + w, 0);
    const areas = weights.map((w) => Math.max(100, Math.round((w / sum) * total)));
    areas[count - 1] = (areas[count - 1] as number) + total - areas.reduce((s, a) => s + a, 0);
    return areas;
  };
  // 2023: 188 actions of the bureau over 46,574 m², and 22 assisting townships over 20,000 m²
  const BUREAU = 188;
  const areas = [...split(BUREAU, 46_574_00), ...split(22, 20_000_00)];
  const ACTIONS = areas.length;

  const sources = ['complaint', 'petition', 'hotline', 'patrol', 'instruction'] as const;
  const reports: IcSeed['reports'] = [];
  // 45 sites of 2023 (12 of them leaders' instructions): 0–24 got a stop-work notice (0–14 then demolished, 15–19
  // legalised, 20–24 still stopped); 25–36 were demolished without a notice; 37–44 are still open
  for (let i = 0; i < 45; i++) {
    const reportedOn = dayOf(2023, i, 47);
    const status =
      i < 15 || (i >= 25 && i < 37) ? 'demolished' : i < 20 ? 'legalised' : i < 25 ? 'stopped' : 'reported';
    reports.push({
      key: `r${i}`,
      source: i % 4 === 3 || i === 44 ? 'instruction' : (sources[i % 3] ?? 'complaint'),
      status,
      region_id: town(i),
      unit_id: null,
      address: address(),
      ...place(),
      description: `${pick(['私自加盖', '违规搭建', '擅自扩建', '屋顶违建'])}${pick(['砖混房屋', '彩钢棚', '钢架棚', '附属用房'])}（演示数据）`,
      party_name: null,
      area_hm2: Math.round((20 + rnd() * 400) * 100),
      reported_on: reportedOn,
      status_on: status === 'reported' ? reportedOn : addDays(reportedOn, 3 + Math.floor(rnd() * 20)),
    });
  }
  // a few recent reports, so the current lists are not only history
  for (let i = 0; i < 6; i++) {
    const reportedOn = addDays(today, -(i * 9 + 2));
    reports.push({
      key: `recent${i}`,
      source: sources[i % 5] ?? 'patrol',
      status: 'reported',
      region_id: town(i + 3),
      unit_id: null,
      address: address(),
      ...place(),
      description: `${pick(['正在施工的违建', '新搭建彩钢棚', '屋顶加层'])}（演示数据）`,
      party_name: null,
      area_hm2: null,
      reported_on: reportedOn,
      status_on: reportedOn,
    });
  }
  const byKey = new Map(reports.map((r) => [r.key, r]));
  const notices: IcSeed['notices'] = Array.from({ length: 25 }, (_, i) => ({
    reportKey: `r${i}`,
    notice_no: `大城管停字〔2023〕第${i + 1}号`,
    issued_on: addDays(byKey.get(`r${i}`)!.reported_on, 1),
    enforcement_case_id: null,
    note: null,
  }));
  const letters: IcSeed['letters'] = Array.from({ length: 23 }, (_, i) => {
    const issued = dayOf(2023, i, 24);
    const kind = i % 3 === 2 ? 'supervise' : 'assign';
    const replied = i < 20;
    return {
      reportKey: i < 8 ? `r${37 + i}` : null,
      kind,
      letter_no: `大城管${kind === 'assign' ? '交' : '督'}字〔2023〕第${i + 1}号`,
      region_id: i < 8 ? byKey.get(`r${37 + i}`)!.region_id : town(i),
      subject: kind === 'assign' ? '交办辖区违法建设线索，请依法查处' : '督办辖区违法建设整改进度',
      issued_on: issued,
      deadline: addDays(issued, 15),
      replied_on: replied ? addDays(issued, 7 + (i % 6)) : null,
      reply: replied ? '已组织核查，违建已拆除（演示数据）' : null,
    };
  });
  const demolitions: IcSeed['demolitions'] = areas.map((area, i) => {
    // the first 27 actions of the bureau are the demolished sites above (reports 0–14 and 25–36)
    const reportKey = i < 15 ? `r${i}` : i < 27 ? `r${i + 10}` : null;
    const site = reportKey ? byKey.get(reportKey)! : null;
    const lead = i < BUREAU ? 'bureau' : 'assist';
    return {
      reportKey,
      demolished_on: site ? site.status_on : dayOf(2023, i, ACTIONS),
      region_id: site ? site.region_id : town(i * 7),
      address: site ? site.address : address(),
      lng: site ? site.lng : place().lng,
      lat: site ? site.lat : place().lat,
      area_hm2: area,
      structure: pick(['brick_concrete', 'steel', 'simple', 'simple', 'other'] as const),
      led_by: lead,
      units: lead === 'bureau' ? `${UNITS[0]}、${pick(UNITS.slice(1, 4))}` : `${UNITS[5]}、${UNITS[0]}`,
      people: 8 + Math.floor(rnd() * 40),
      note: null,
    };
  });

  // the inventory: dates around today, so reminders and the sweep show something
  const types: AdType[] = ['shop_sign', 'light_box', 'wall', 'high', 'pole', 'awning', 'road_sign', 'other'];
  const year = today.slice(0, 4);
  const ads: OaSeed['ads'] = Array.from({ length: 80 }, (_, i) => {
    const adType = types[i % types.length] as AdType;
    const permitted = adType !== 'road_sign' && i % 7 !== 0;
    const permitTo = permitted ? addDays(today, -40 + ((i * 37) % 800)) : null;
    const inspected = i % 4 !== 3;
    const inspectedOn = inspected ? addDays(today, -((i * 13) % 240) - 1) : null;
    const result = !inspected ? null : i % 9 === 0 ? 'hazard' : i % 17 === 0 ? 'fail' : 'pass';
    const size =
      adType === 'high' || adType === 'pole' ? 40 + rnd() * 160 : adType === 'wall' ? 20 + rnd() * 120 : 1 + rnd() * 12;
    return {
      ad_type: adType,
      status: 'active',
      region_id: town(i),
      unit_id: null,
      address: address(),
      ...place(),
      geometry: null,
      size_hm2: Math.round(size * 100),
      content: adType === 'road_sign' ? null : `${pick(SHOPS)}（演示）`,
      owner_name: `${pick(['大冶', '黄石', '湖北'])}${pick(SHOPS)}（演示）`,
      owner_phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`,
      permit_no: permitted ? `大城管广字〔${year}〕第${i + 1}号` : null,
      permit_from: permitted ? addDays(permitTo!, -730) : null,
      permit_to: permitTo,
      last_inspected_on: inspectedOn,
      last_result: result,
      next_inspection_on: inspectedOn ? addDays(inspectedOn, 180) : null,
      inspections: inspectedOn
        ? [{ inspected_on: inspectedOn, result: result ?? 'pass', inspector: '执法队员（演示）', note: null }]
        : [],
    };
  });
  // 2023 removals: 18 wall, 12 high-altitude, 6 road-name, 730 light boxes, 8 groups of awnings
  const batches: [AdType, number, number][] = [
    ['wall', 6, 3],
    ['high', 12, 1],
    ['road_sign', 2, 3],
    ['light_box', 73, 10],
    ['awning', 4, 2],
  ];
  const removals: OaSeed['removals'] = batches.flatMap(([adType, records, each], b) =>
    Array.from({ length: records }, (_, i) => ({
      ad_type: adType,
      quantity: each,
      removed_on: dayOf(2023, i, records),
      mode: (adType === 'light_box' ? i % 4 === 0 : i % 2 === 0) ? ('enforced' as const) : ('voluntary' as const),
      region_id: town(i + b),
      unit_id: null,
      address: address(),
      enforcement_case_id: null,
      note: '演示数据',
    })),
  );
  return { ic: { reports, notices, letters, demolitions }, oa: { ads, removals } };
}

/** Seeds both registers into a tenant that has none of their records. */
export async function seedDemoLines(
  tx: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  townships: readonly string[],
  timeZone = 'Asia/Shanghai',
): Promise<void> {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(clock.now());
  const { ic, oa } = demoLineRecords(today, townships);
  if (!(await hasIllegalConstruction(tx, tenantId))) await seedIllegalConstruction(tx, tenantId, clock, by, ic);
  if (!(await hasOutdoorAds(tx, tenantId))) await seedOutdoorAds(tx, tenantId, clock, by, oa);
}
