/**
 * Demo base data of the lines in 大冶市 (docs/assets.md, "Demo city"): the asset types each line needs and a few dozen
 * assets. The counts follow the bureau's 2023 work report where it gives them (2 垃圾转运站 and 14 收集站, 19 泵房,
 * 6 桥涵, the parks it names, 大冶华润燃气, 23.5 km of 易渍水 sections dredged, "7000余吨" of waste handled, taken
 * here as 7012.4 t through the two transfer stations). Everything else is SYNTHETIC and marked so: every code,
 * position, attribute, daily figure and work order. Positions fall in the synthetic demo extent of the city centre.
 */
import { MUCK_PERMIT_TYPE, type AttributeSchema } from '../../../common/domain/assets.ts';
import { addDays } from '../../../common/domain/outdoor-ads.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { seedAssets, type AssetSeed } from '../modules/assets/index.ts';
import { orgGeography } from '../modules/org/index.ts';
import { FIGURE_ASSET_TYPES, PUMP_WORK_KINDS } from './demo-asset-figures.ts';
import { lineEntryAssets } from './demo-line-entries.ts';
import { LINE_REGISTER_TYPES, lineRegisterAssets } from './demo-line-registers.ts';
import { demoMuckPermits } from './demo-vehicles.ts';
import { random } from './demo-random.ts';

const schema = (properties: AttributeSchema['properties'], required: string[] = []): string =>
  JSON.stringify({ type: 'object', properties, ...(required.length ? { required } : {}) });

/** The asset types of the six lines (tenant data: an administrator edits them like any other). */
export const DEMO_ASSET_TYPES: AssetSeed['types'] = [
  {
    code: 'SAN-TRANSFER',
    name_zh: '垃圾转运站',
    name_en: 'Waste transfer station',
    line: 'sanitation',
    geometry_kind: 'point',
    log_unit: 't',
    attribute_schema: schema(
      {
        capacityTpd: {
          type: 'number',
          title: '设计规模',
          titleEn: 'Design capacity',
          minimum: 0,
          maximum: 5000,
          unit: 't/d',
        },
        compactors: { type: 'integer', title: '压缩设备', titleEn: 'Compactors', minimum: 0, maximum: 50, unit: '台' },
        operator: { type: 'string', title: '运营单位', titleEn: 'Operator', maxLength: 60 },
      },
      ['capacityTpd'],
    ),
    synthetic: 1,
  },
  {
    code: 'SAN-COLLECT',
    name_zh: '垃圾收集站',
    name_en: 'Waste collection station',
    line: 'sanitation',
    geometry_kind: 'point',
    log_unit: 't',
    attribute_schema: schema(
      {
        capacityTpd: {
          type: 'number',
          title: '设计规模',
          titleEn: 'Design capacity',
          minimum: 0,
          maximum: 500,
          unit: 't/d',
        },
        bins: { type: 'integer', title: '垃圾桶', titleEn: 'Bins', minimum: 0, maximum: 500, unit: '个' },
      },
      ['capacityTpd'],
    ),
    synthetic: 1,
  },
  {
    code: 'DRN-PUMP',
    name_zh: '排水泵站',
    name_en: 'Pump station',
    line: 'drainage',
    geometry_kind: 'point',
    log_unit: 'h',
    work_kinds: PUMP_WORK_KINDS,
    attribute_schema: schema(
      {
        pumps: { type: 'integer', title: '水泵台数', titleEn: 'Pumps', minimum: 1, maximum: 50, unit: '台' },
        powerKw: {
          type: 'number',
          title: '装机功率',
          titleEn: 'Installed power',
          minimum: 0,
          maximum: 100000,
          unit: 'kW',
        },
        flowM3s: { type: 'number', title: '设计流量', titleEn: 'Design flow', minimum: 0, maximum: 1000, unit: 'm³/s' },
      },
      ['pumps'],
    ),
    synthetic: 1,
  },
  {
    code: 'DRN-FLOOD',
    name_zh: '易涝点',
    name_en: 'Waterlogging point',
    line: 'drainage',
    geometry_kind: 'point',
    log_unit: null,
    attribute_schema: schema(
      {
        thresholdCm: {
          type: 'number',
          title: '警戒积水深度',
          titleEn: 'Alert water depth',
          minimum: 0,
          maximum: 200,
          unit: 'cm',
        },
        level: { type: 'string', title: '风险等级', titleEn: 'Risk level', enum: ['一般', '较重', '严重'] },
        sensor: { type: 'boolean', title: '已装水位计', titleEn: 'Level sensor fitted' },
        // the code of the IoT registry's water_level device the line view reads the live depth from (docs/lines.md)
        deviceCode: { type: 'string', title: '水位计编码', titleEn: 'Level sensor code', maxLength: 40 },
      },
      ['thresholdCm', 'level'],
    ),
    synthetic: 1,
  },
  {
    code: 'DRN-PIPE',
    name_zh: '排水管渠',
    name_en: 'Drain section',
    line: 'drainage',
    geometry_kind: 'line',
    log_unit: 'm',
    attribute_schema: schema({
      diameterMm: { type: 'integer', title: '管径', titleEn: 'Diameter', minimum: 100, maximum: 5000, unit: 'mm' },
      lengthM: { type: 'number', title: '长度', titleEn: 'Length', minimum: 0, maximum: 100000, unit: 'm' },
    }),
    synthetic: 1,
  },
  {
    code: 'MUN-ROAD',
    name_zh: '城市道路',
    name_en: 'Road',
    line: 'municipal',
    geometry_kind: 'line',
    log_unit: null,
    attribute_schema: schema(
      {
        grade: { type: 'string', title: '道路等级', titleEn: 'Grade', enum: ['主干路', '次干路', '支路'] },
        lengthM: { type: 'number', title: '长度', titleEn: 'Length', minimum: 0, maximum: 100000, unit: 'm' },
        widthM: { type: 'number', title: '红线宽度', titleEn: 'Width', minimum: 0, maximum: 200, unit: 'm' },
      },
      ['grade'],
    ),
    synthetic: 1,
  },
  {
    // 桥涵隧道 (the report's "6处桥涵隧道"): drawn along their axis, as roads are, the kind telling them apart
    code: 'MUN-BRIDGE',
    name_zh: '桥涵隧道',
    name_en: 'Bridge, culvert or tunnel',
    line: 'municipal',
    geometry_kind: 'line',
    log_unit: null,
    attribute_schema: schema(
      {
        kind: { type: 'string', title: '类别', titleEn: 'Kind', enum: ['桥梁', '涵洞', '隧道'], figure: true },
        spanM: { type: 'number', title: '总长', titleEn: 'Length', minimum: 0, maximum: 5000, unit: 'm' },
        structure: {
          type: 'string',
          title: '结构形式',
          titleEn: 'Structure',
          enum: ['梁桥', '拱桥', '涵洞', '人行天桥', '明挖隧道', '暗挖隧道'],
        },
        grade: { type: 'string', title: '技术状况', titleEn: 'Condition', enum: ['A', 'B', 'C', 'D', 'E'] },
      },
      ['kind', 'structure'],
    ),
    synthetic: 1,
  },
  {
    code: 'PRK-PARK',
    name_zh: '公园绿地',
    name_en: 'Park',
    line: 'parks',
    geometry_kind: 'polygon',
    log_unit: null,
    attribute_schema: schema(
      {
        kind: { type: 'string', title: '类别', titleEn: 'Kind', enum: ['综合公园', '社区公园', '游园', '带状绿地'] },
        areaM2: { type: 'number', title: '面积', titleEn: 'Area', minimum: 0, maximum: 10000000, unit: 'm²' },
        open24h: { type: 'boolean', title: '全天开放', titleEn: 'Open all day' },
      },
      ['kind', 'areaM2'],
    ),
    synthetic: 1,
  },
  {
    code: 'GAS-ENT',
    name_zh: '燃气企业',
    name_en: 'Gas company',
    line: 'gas',
    geometry_kind: 'point',
    log_unit: null,
    attribute_schema: schema(
      {
        licenceNo: { type: 'string', title: '燃气经营许可证号', titleEn: 'Gas licence no.', maxLength: 40 },
        kind: {
          type: 'string',
          title: '经营类别',
          titleEn: 'Business',
          enum: ['管道燃气', '液化石油气', '压缩/液化天然气'],
        },
        customers: {
          type: 'integer',
          title: '用户数',
          titleEn: 'Customers',
          minimum: 0,
          maximum: 10000000,
          unit: '户',
        },
      },
      ['licenceNo', 'kind'],
    ),
    synthetic: 1,
  },
  {
    code: 'MUCK-SITE',
    name_zh: '渣土消纳场',
    name_en: 'Muck disposal site',
    line: 'muck',
    geometry_kind: 'point',
    log_unit: 't',
    attribute_schema: schema({
      capacityM3: {
        type: 'number',
        title: '设计库容',
        titleEn: 'Design capacity',
        minimum: 0,
        maximum: 100000000,
        unit: 'm³',
      },
    }),
    synthetic: 1,
  },
  {
    // 源头: the construction sites the muck comes from; a site names its 处置核准 by its 核准文号
    code: 'MUCK-WORKSITE',
    name_zh: '建筑工地',
    name_en: 'Construction site',
    line: 'muck',
    geometry_kind: 'point',
    log_unit: null,
    attribute_schema: schema({
      builder: { type: 'string', title: '施工单位', titleEn: 'Builder', maxLength: 60 },
      permitNo: { type: 'string', title: '处置核准文号', titleEn: 'Disposal permit No.', maxLength: 60 },
      stage: {
        type: 'string',
        title: '施工阶段',
        titleEn: 'Stage',
        enum: ['土方开挖', '主体施工', '装饰收尾'],
        figure: true,
      },
      washer: { type: 'boolean', title: '已设冲洗设施', titleEn: 'Wheel washer fitted' },
    }),
    synthetic: 1,
  },
  {
    // the register of 建筑垃圾处置核准: a grant of the approval window adds an entry (docs/assets.md)
    code: MUCK_PERMIT_TYPE.code,
    name_zh: MUCK_PERMIT_TYPE.nameZh,
    name_en: MUCK_PERMIT_TYPE.nameEn,
    line: MUCK_PERMIT_TYPE.line,
    geometry_kind: MUCK_PERMIT_TYPE.geometryKind,
    log_unit: null,
    attribute_schema: JSON.stringify(MUCK_PERMIT_TYPE.attributeSchema),
    synthetic: 0,
  },
  ...FIGURE_ASSET_TYPES,
  ...LINE_REGISTER_TYPES,
];

/**
 * The synthetic assets, daily logs and work orders; `today` in the tenant's time zone, `now` the seed instant.
 * `records: false` leaves out the logs of 2023, which `npm run demo:year` loads through the API instead.
 */
export function demoAssetRecords(
  today: string,
  now: Date,
  units: ReadonlyMap<string, string>,
  records = true,
  townships: readonly string[] = [],
  rainSewerProject: string | null = null,
): Omit<AssetSeed, 'types'> {
  const rnd = random(4202810);
  const pt = () => [Number((114.94 + rnd() * 0.07).toFixed(6)), Number((30.07 + rnd() * 0.05).toFixed(6))] as const;
  const point = () => {
    const [lng, lat] = pt();
    return { geometry: JSON.stringify({ type: 'Point', coordinates: [lng, lat] }), lng, lat };
  };
  const line = () => {
    const [lng, lat] = pt();
    const dx = 0.004 + rnd() * 0.01;
    const coords = [
      [lng, lat],
      [Number((lng + dx / 2).toFixed(6)), Number((lat + 0.001).toFixed(6))],
      [Number((lng + dx).toFixed(6)), Number((lat + 0.0015).toFixed(6))],
    ];
    return {
      geometry: JSON.stringify({ type: 'LineString', coordinates: coords }),
      lng: coords[1]![0]!,
      lat: coords[1]![1]!,
    };
  };
  const square = (size: number) => {
    const [lng, lat] = pt();
    const r = (v: number) => Number(v.toFixed(6));
    const ring = [
      [lng, lat],
      [r(lng + size), lat],
      [r(lng + size), r(lat + size)],
      [lng, r(lat + size)],
      [lng, lat],
    ];
    return {
      geometry: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
      lng: r(lng + size / 2),
      lat: r(lat + size / 2),
    };
  };
  const base = (unit: string) => ({
    status: 'active' as const,
    region_id: null,
    unit_id: units.get(unit) ?? null,
    synthetic: 1,
  });
  const ROADS = ['乾塔路', '七里界路', '金湖大道', '新冶大道', '建设路', '育才路'];
  const assets: AssetSeed['assets'] = [];
  const add = (a: AssetSeed['assets'][number]) => assets.push(a);
  for (let i = 1; i <= 2; i++)
    add({
      type: 'SAN-TRANSFER',
      code: `DY-ZZ-${String(i).padStart(2, '0')}`,
      name: ['城东垃圾转运站', '城西垃圾转运站'][i - 1]!,
      address: `${ROADS[i]}（示例）`,
      attributes: JSON.stringify({ capacityTpd: 150, compactors: 2 + i, operator: '大冶市环卫所（示例）' }),
      ...point(),
      ...base('SANITATION'),
    });
  for (let i = 1; i <= 14; i++)
    add({
      type: 'SAN-COLLECT',
      code: `DY-SJ-${String(i).padStart(2, '0')}`,
      name: `第${i}垃圾收集站`,
      address: `${ROADS[i % ROADS.length]}${10 + i * 7}号附近（示例）`,
      attributes: JSON.stringify({ capacityTpd: 8 + (i % 4) * 2, bins: 12 + i }),
      ...point(),
      ...base('SANITATION'),
    });
  for (let i = 1; i <= 19; i++)
    add({
      type: 'DRN-PUMP',
      code: `DY-BZ-${String(i).padStart(2, '0')}`,
      name: `${i}号排水泵站`,
      address: null,
      attributes: JSON.stringify({
        pumps: 2 + (i % 4),
        powerKw: 110 + i * 15,
        flowM3s: Number((0.5 + i * 0.1).toFixed(1)),
      }),
      ...point(),
      // the pump stations' running and upkeep are outsourced (服务外包): their orders go to the contractor
      ...base(units.has('PUMP-OM') ? 'PUMP-OM' : 'DRAINAGE'),
    });
  const floods = ['新冶大道下穿通道', '金湖大道与建设路口', '乾塔路火车站段', '育才路低洼段', '七里界路菜市场'];
  floods.forEach((name, i) =>
    add({
      type: 'DRN-FLOOD',
      code: `DY-YL-${String(i + 1).padStart(2, '0')}`,
      name: `${name}易涝点`,
      address: `${name}（示例）`,
      attributes: JSON.stringify({
        thresholdCm: [30, 20, 25, 15, 20][i],
        level: ['严重', '较重', '一般', '一般', '较重'][i],
        sensor: true,
        // the demo's level sensors (demo-devices.ts) are DY-JS-01 … in the order of these points
        deviceCode: `DY-JS-${String(i + 1).padStart(2, '0')}`,
      }),
      ...point(),
      ...base('DRAINAGE'),
    }),
  );
  for (let i = 1; i <= 2; i++)
    add({
      type: 'DRN-PIPE',
      code: `DY-GQ-${String(i).padStart(2, '0')}`,
      name: `${ROADS[i + 1]}雨水管渠`,
      address: null,
      attributes: JSON.stringify({ diameterMm: 800 + i * 200, lengthM: 1200 + i * 300 }),
      ...line(),
      ...base('DRAINAGE'),
    });
  ROADS.forEach((road, i) =>
    add({
      type: 'MUN-ROAD',
      code: `DY-DL-${String(i + 1).padStart(2, '0')}`,
      name: road,
      address: null,
      attributes: JSON.stringify({
        grade: i < 3 ? '主干路' : '次干路',
        lengthM: 1500 + i * 420,
        widthM: i < 3 ? 40 : 24,
      }),
      ...line(),
      ...base('MUNICIPAL'),
    }),
  );
  for (let i = 1; i <= 6; i++)
    add({
      type: 'MUN-BRIDGE',
      code: `DY-QL-${String(i).padStart(2, '0')}`,
      name: `${['大冶湖', '尹家湖', '青龙', '东风', '金湖', '港湖'][i - 1]}${i === 5 ? '隧道' : '桥涵'}`,
      address: null,
      attributes: JSON.stringify({
        kind: i === 5 ? '隧道' : i % 3 === 0 ? '涵洞' : '桥梁',
        spanM: 20 + i * 12,
        structure: i === 5 ? '明挖隧道' : i % 3 === 0 ? '涵洞' : '梁桥',
        grade: i === 4 ? 'C' : 'B',
      }),
      ...line(),
      ...base('MUNICIPAL'),
    });
  const parks = [
    ['青龙山公园', '综合公园', 0.006],
    ['尹家湖公园', '综合公园', 0.007],
    ['世纪林公园', '社区公园', 0.004],
  ] as const;
  parks.forEach(([name, kind, size], i) =>
    add({
      type: 'PRK-PARK',
      code: `DY-GY-${String(i + 1).padStart(2, '0')}`,
      name,
      address: null,
      attributes: JSON.stringify({ kind, areaM2: Math.round(size * size * 111_000 * 96_000), open24h: true }),
      ...square(size),
      ...base('PARKS'),
    }),
  );
  add({
    type: 'GAS-ENT',
    code: 'DY-RQ-01',
    name: '大冶华润燃气有限公司',
    address: '（地址为示例）',
    attributes: JSON.stringify({ licenceNo: '鄂202400000（示例）', kind: '管道燃气', customers: 120000 }),
    ...point(),
    ...base('GAS'),
  });
  add({
    type: 'MUCK-SITE',
    code: 'DY-XN-01',
    name: '城南渣土消纳场（示例）',
    address: null,
    attributes: JSON.stringify({ capacityM3: 800000 }),
    ...point(),
    ...base('MUCK'),
  });
  // the demo muck trucks' 处置核准 and 消纳点 (docs/vehicles.md, "Demo and simulation")
  for (const a of demoMuckPermits(today, units.get('MUCK') ?? null)) add(a);
  for (const a of lineRegisterAssets(base)) add(a);
  for (const a of lineEntryAssets(base, townships)) add(a);

  // Daily logs: the transfer stations every day of 2023 (7012.4 t in all) and of this year up to yesterday; the
  // pumps on rainy days; the dredging of 2023 (23.5 km over 47 working days).
  const logs: AssetSeed['logs'] = [];
  const days2023 = Array.from({ length: 365 }, (_, i) => addDays('2023-01-01', i));
  const TOTAL_MILLI = 7_012_400;
  const weights = days2023.flatMap(() => [0.8 + rnd() * 0.4, 0.8 + rnd() * 0.4]);
  const sum = weights.reduce((s, w) => s + w, 0);
  const milli = weights.map((w) => Math.round((w / sum) * TOTAL_MILLI));
  milli[milli.length - 1]! += TOTAL_MILLI - milli.reduce((s, m) => s + m, 0);
  days2023.forEach((d, i) => {
    logs.push({ asset: 'DY-ZZ-01', log_date: d, quantity_milli: milli[i * 2]!, unit: 't', source: 'import' });
    logs.push({ asset: 'DY-ZZ-02', log_date: d, quantity_milli: milli[i * 2 + 1]!, unit: 't', source: 'import' });
  });
  for (let d = '2024-01-01'; d < today && d >= '2024-01-01'; d = addDays(d, 1)) {
    if (d.slice(0, 4) > '2024') break;
    for (const a of ['DY-ZZ-01', 'DY-ZZ-02'])
      logs.push({
        asset: a,
        log_date: d,
        quantity_milli: Math.round((8 + rnd() * 3) * 1000),
        unit: 't',
        source: 'import',
      });
  }
  // the last 30 days, so the log page of a demo started today is not empty
  for (let k = 30; k >= 1; k--) {
    const d = addDays(today, -k);
    if (d >= '2024-01-01' && d <= '2024-12-31') continue;
    for (const a of ['DY-ZZ-01', 'DY-ZZ-02'])
      logs.push({
        asset: a,
        log_date: d,
        quantity_milli: Math.round((8 + rnd() * 3) * 1000),
        unit: 't',
        source: 'import',
      });
  }
  const rainy = days2023.filter((_, i) => i % 6 === 0);
  for (let p = 1; p <= 19; p++)
    for (const d of rainy)
      logs.push({
        asset: `DY-BZ-${String(p).padStart(2, '0')}`,
        log_date: d,
        quantity_milli: Math.round((2 + rnd() * 10) * 1000),
        unit: 'h',
        source: 'form',
      });
  const dredgeDays = days2023.filter((d, i) => d >= '2023-03-01' && i % 5 === 0).slice(0, 47);
  dredgeDays.forEach((d, i) =>
    logs.push({
      asset: i % 2 ? 'DY-GQ-02' : 'DY-GQ-01',
      log_date: d,
      quantity_milli: i === dredgeDays.length - 1 ? 23_500_000 - 500_000 * (dredgeDays.length - 1) : 500_000,
      unit: 'm',
      source: 'form',
    }),
  );

  // Work orders in every state, one finished late and two open past their deadline.
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const wo = (
    n: number,
    asset: string,
    unit: string,
    title: string,
    created: number,
    due: number,
    state: AssetSeed['workOrders'][number]['state'],
    done: number | null,
    quantity: [number, 'm2' | 'm' | 'unit' | 't'] | null,
    costFen: number | null,
  ): AssetSeed['workOrders'][number] => ({
    asset,
    order_no: `YH${at(created).slice(0, 4)}-${String(90000 + n)}`,
    case_id: null,
    case_no: null,
    title,
    unit_id: units.get(unit) ?? '',
    state,
    due_at: at(due),
    quantity_milli: quantity ? quantity[0] * 1000 : null,
    quantity_unit: quantity ? quantity[1] : null,
    cost_fen: costFen,
    before_photo_ids: '[]',
    after_photo_ids: '[]',
    note: '示例数据',
    started_at: state === 'open' ? null : at(created + 1),
    done_at: done === null ? null : at(done),
    accepted_at: state === 'accepted' ? at((done ?? created) + 1) : null,
    accepted_by: null,
    created_at: at(created),
    updated_at: at(done ?? created),
  });
  const workOrders = [
    wo(1, 'DY-ZZ-01', 'SANITATION', '压缩设备液压系统检修', -40, -30, 'accepted', -33, [2, 'unit'], 860000),
    wo(2, 'DY-BZ-03', 'DRAINAGE', '2号水泵更换密封件', -25, -18, 'accepted', -15, [1, 'unit'], 320000),
    wo(3, 'DY-DL-02', 'MUNICIPAL', '人行道破损板块更换', -20, -10, 'done', -12, [186.5, 'm2'], 1250000),
    wo(4, 'DY-GQ-01', 'DRAINAGE', '汛前管渠清淤', -12, -2, 'in_progress', null, [800, 'm'], null),
    wo(5, 'DY-QL-04', 'MUNICIPAL', '桥面伸缩缝维修', -9, 5, 'in_progress', null, null, null),
    wo(6, 'DY-GY-01', 'PARKS', '园路铺装修补、补植绿篱', -6, 8, 'open', null, [120, 'm2'], null),
    wo(7, 'DY-SJ-03', 'SANITATION', '收集站地面冲洗设施维修', -15, -5, 'open', null, null, null),
    wo(8, 'DY-YL-01', 'DRAINAGE', '水位计校准', -3, 7, 'open', null, [1, 'unit'], null),
  ];
  // the first three 雨污混接 points' remediation under the 雨污分流 project: one accepted, one in hand, one opened,
  // as their 整改状态 says (demo-line-entries.ts)
  if (rainSewerProject) {
    const title = '雨污混接点改造（分流）';
    workOrders.push(
      ...[
        wo(21, 'DY-QX-0001', 'DRAINAGE', title, -50, -40, 'accepted', -45, [1, 'unit'], 1860000),
        wo(22, 'DY-QX-0002', 'DRAINAGE', title, -10, 20, 'in_progress', null, null, null),
        wo(23, 'DY-QX-0003', 'DRAINAGE', title, -3, 30, 'open', null, null, null),
      ].map((o) => ({ ...o, project_id: rainSewerProject })),
    );
  }
  return {
    assets,
    logs: records ? logs : logs.filter((l) => !l.log_date.startsWith('2023-')),
    workOrders: workOrders.filter((o) => o.unit_id),
  };
}

export async function seedDemoAssets(
  tx: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  units: ReadonlyMap<string, string>,
  timeZone = 'Asia/Shanghai',
  records = true,
  rainSewerProject: string | null = null,
): Promise<Map<string, string>> {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(clock.now());
  // the top-level regions in code order, as the year demo names its townships' 农村环卫 entries
  const townships = (await orgGeography.allRegions(tx, tenantId))
    .filter((r) => r.parent_id === null)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => r.name);
  return seedAssets(tx, tenantId, clock, by, {
    types: DEMO_ASSET_TYPES,
    ...demoAssetRecords(today, clock.now(), units, records, townships, rainSewerProject),
  });
}
