/**
 * The registers of the six lines that the bureau keeps besides its stations and networks (docs/assets.md, "Demo
 * city"): 清扫保洁区域 with their grade and daily hours, movable bins, 垃圾分类 demonstration communities and 湾组
 * with their participation rate, street trees and 古树名木, and street lamps. Types are tenant data; every asset
 * here, its code, position and attribute, is SYNTHETIC. The 16 hours of the main roads follow the work report's
 * "主次干道16小时保洁"; the rest is made up.
 */
import type { AttributeSchema } from '../../../common/domain/assets.ts';
import type { AssetSeed } from '../modules/assets/index.ts';
import { random } from './demo-random.ts';

type TypeSeed = AssetSeed['types'][number];
type AssetRow = AssetSeed['assets'][number];

const type = (
  code: string,
  nameZh: string,
  nameEn: string,
  line: TypeSeed['line'],
  geometry: TypeSeed['geometry_kind'],
  properties: AttributeSchema['properties'],
  required: string[] = [],
): TypeSeed => ({
  code,
  name_zh: nameZh,
  name_en: nameEn,
  line,
  geometry_kind: geometry,
  log_unit: null,
  attribute_schema: JSON.stringify({ type: 'object', properties, ...(required.length ? { required } : {}) }),
  work_kinds: '[]',
  synthetic: 1,
});

export const LINE_REGISTER_TYPES: AssetSeed['types'] = [
  type(
    'SAN-ZONE',
    '清扫保洁区域',
    'Street cleaning zone',
    'sanitation',
    'line',
    {
      grade: { type: 'string', title: '保洁等级', titleEn: 'Grade', enum: ['一级', '二级', '三级'], figure: true },
      hoursPerDay: {
        type: 'integer',
        title: '每日保洁时长',
        titleEn: 'Cleaning hours a day',
        minimum: 1,
        maximum: 24,
        unit: 'h',
      },
      cyclesPerDay: {
        type: 'integer',
        title: '每日机扫洒水遍数',
        titleEn: 'Sweeping and sprinkling cycles a day',
        minimum: 0,
        maximum: 24,
      },
      contractor: { type: 'string', title: '作业单位', titleEn: 'Contractor', maxLength: 60 },
    },
    ['grade', 'hoursPerDay'],
  ),
  type('SAN-BIN', '垃圾桶', 'Waste bin', 'sanitation', 'point', {
    kind: { type: 'string', title: '类别', titleEn: 'Kind', enum: ['移动式', '固定式', '分类桶组'], figure: true },
    capacityL: { type: 'integer', title: '容量', titleEn: 'Capacity', minimum: 0, maximum: 20000, unit: 'L' },
  }),
  type(
    'SAN-SORT',
    '垃圾分类示范点',
    'Waste sorting pilot',
    'sanitation',
    'polygon',
    {
      kind: { type: 'string', title: '类别', titleEn: 'Kind', enum: ['示范小区', '示范湾组'], figure: true },
      households: { type: 'integer', title: '户数', titleEn: 'Households', minimum: 0, maximum: 100000 },
      participationPct: {
        type: 'number',
        title: '参与率',
        titleEn: 'Participation',
        minimum: 0,
        maximum: 100,
        unit: '%',
      },
    },
    ['kind'],
  ),
  type('PRK-TREE', '行道树与古树名木', 'Street tree and heritage tree', 'parks', 'point', {
    species: { type: 'string', title: '树种', titleEn: 'Species', maxLength: 40 },
    girthCm: { type: 'integer', title: '胸围', titleEn: 'Girth', minimum: 0, maximum: 2000, unit: 'cm' },
    ageYears: { type: 'integer', title: '树龄', titleEn: 'Age', minimum: 0, maximum: 5000, unit: '年' },
    heritage: {
      type: 'string',
      title: '古树名木等级',
      titleEn: 'Heritage grade',
      enum: ['非古树', '一级古树', '二级古树', '三级古树', '名木'],
      figure: true,
    },
  }),
  type('MUN-LAMP', '路灯', 'Street lamp', 'municipal', 'point', {
    lampType: { type: 'string', title: '光源', titleEn: 'Light source', enum: ['LED', '高压钠灯'], figure: true },
    powerW: { type: 'integer', title: '功率', titleEn: 'Power', minimum: 0, maximum: 2000, unit: 'W' },
    poleHeightM: { type: 'number', title: '灯杆高度', titleEn: 'Pole height', minimum: 0, maximum: 40, unit: 'm' },
  }),
];

const MAIN_ROADS = ['新冶大道', '金湖大道', '乾塔路', '罗桥大道'];
const OTHER_ROADS = ['建设路', '育才路', '七里界路', '湛月路', '东风路', '新街'];
const TREES = ['香樟', '法国梧桐', '银杏', '桂花', '栾树'];

/** The synthetic assets of `LINE_REGISTER_TYPES`; `base(unit)` gives status, unit and the synthetic mark. */
export function lineRegisterAssets(
  base: (
    unit: string,
  ) => Omit<AssetRow, 'type' | 'code' | 'name' | 'address' | 'attributes' | 'geometry' | 'lng' | 'lat'>,
): AssetRow[] {
  const rnd = random(4202816);
  const r6 = (v: number) => Number(v.toFixed(6));
  const pt = (): [number, number] => [r6(114.94 + rnd() * 0.07), r6(30.07 + rnd() * 0.05)];
  const point = () => {
    const [lng, lat] = pt();
    return { geometry: JSON.stringify({ type: 'Point', coordinates: [lng, lat] }), lng, lat };
  };
  const segment = () => {
    const [lng, lat] = pt();
    const dx = 0.006 + rnd() * 0.01;
    const coords = [
      [lng, lat],
      [r6(lng + dx), r6(lat + 0.002)],
    ];
    return {
      geometry: JSON.stringify({ type: 'LineString', coordinates: coords }),
      lng: r6(lng + dx / 2),
      lat: r6(lat + 0.001),
    };
  };
  const block = (size: number) => {
    const [lng, lat] = pt();
    const ring = [
      [lng, lat],
      [r6(lng + size), lat],
      [r6(lng + size), r6(lat + size)],
      [lng, r6(lat + size)],
      [lng, lat],
    ];
    return {
      geometry: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
      lng: r6(lng + size / 2),
      lat: r6(lat + size / 2),
    };
  };
  const code = (prefix: string, i: number) => `${prefix}-${String(i).padStart(3, '0')}`;
  const out: AssetRow[] = [];

  [...MAIN_ROADS, ...OTHER_ROADS].forEach((road, i) => {
    const main = i < MAIN_ROADS.length;
    out.push({
      type: 'SAN-ZONE',
      code: code('DY-BJ', i + 1),
      name: `${road}保洁区域`,
      address: `${road}（示例）`,
      attributes: JSON.stringify({
        grade: main ? '一级' : i < 7 ? '二级' : '三级',
        hoursPerDay: main ? 16 : 12,
        cyclesPerDay: main ? 8 : 4,
        contractor: '城区环卫作业公司（示例）',
      }),
      ...segment(),
      ...base('SANITATION'),
    });
  });
  for (let i = 1; i <= 24; i++)
    out.push({
      type: 'SAN-BIN',
      code: code('DY-LT', i),
      name: `${OTHER_ROADS[i % OTHER_ROADS.length]}垃圾桶${i}`,
      address: null,
      attributes: JSON.stringify({
        kind: i % 4 === 0 ? '分类桶组' : i % 3 === 0 ? '固定式' : '移动式',
        capacityL: i % 4 === 0 ? 960 : 240,
      }),
      ...point(),
      ...base('SANITATION'),
    });
  const pilots = [
    ['金湖花园小区', '示范小区', 1260, 82.5],
    ['东岳社区丽景苑', '示范小区', 840, 76.0],
    ['罗桥街道汪仁湾', '示范湾组', 96, 91.7],
    ['东风路街道下陆湾', '示范湾组', 74, 68.9],
  ] as const;
  pilots.forEach(([name, kind, households, pct], i) =>
    out.push({
      type: 'SAN-SORT',
      code: code('DY-FL', i + 1),
      name: `${name}（示例）`,
      address: null,
      attributes: JSON.stringify({ kind, households, participationPct: pct }),
      ...block(0.003),
      ...base('SANITATION'),
    }),
  );
  for (let i = 1; i <= 20; i++) {
    const heritage = i === 1 ? '一级古树' : i <= 3 ? '二级古树' : i === 4 ? '名木' : '非古树';
    out.push({
      type: 'PRK-TREE',
      code: code('DY-SM', i),
      name:
        heritage === '非古树' ? `${TREES[i % TREES.length]}行道树${i}` : `${TREES[i % TREES.length]}（${heritage}）`,
      address: null,
      attributes: JSON.stringify({
        species: TREES[i % TREES.length],
        girthCm: heritage === '非古树' ? 60 + Math.round(rnd() * 60) : 280 + Math.round(rnd() * 200),
        ageYears: heritage === '一级古树' ? 520 : heritage === '二级古树' ? 320 : heritage === '名木' ? 80 : 15,
        heritage,
      }),
      ...point(),
      ...base('PARKS'),
    });
  }
  for (let i = 1; i <= 30; i++)
    out.push({
      type: 'MUN-LAMP',
      code: code('DY-LD', i),
      name: `${MAIN_ROADS[i % MAIN_ROADS.length]}路灯${i}`,
      address: null,
      attributes: JSON.stringify({
        lampType: i % 5 === 0 ? '高压钠灯' : 'LED',
        powerW: i % 5 === 0 ? 250 : 120,
        poleHeightM: 10,
      }),
      ...point(),
      ...base('MUNICIPAL'),
    });
  return out;
}
