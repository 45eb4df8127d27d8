/**
 * The asset types behind the line figures of the bureau's 2023 work report (docs/assets.md, "Figures"; the records
 * themselves come from `npm run demo:year`, scripts/demo-year/loaders): vehicles, townships' 奖补资金, flowers
 * and lawns, sidewalks and accessible facilities, 易渍水 sections, manholes with their two kinds of work, sewage
 * plants, the drainage survey's defect points, and the 渣土 sources, patrols, sprinklers and washing. Their
 * assets are SYNTHETIC.
 */
import type { AttributeSchema, WorkKind } from '../../../common/domain/assets.ts';
import type { AssetSeed } from '../modules/assets/index.ts';

type TypeSeed = AssetSeed['types'][number];

const schema = (properties: AttributeSchema['properties'], required: string[] = []): string =>
  JSON.stringify({ type: 'object', properties, ...(required.length ? { required } : {}) });
const kinds = (...k: WorkKind[]) => JSON.stringify(k);

const type = (
  code: string,
  nameZh: string,
  nameEn: string,
  line: TypeSeed['line'],
  geometry: TypeSeed['geometry_kind'],
  logUnit: TypeSeed['log_unit'],
  properties: AttributeSchema['properties'] = {},
  workKinds = '[]',
): TypeSeed => ({
  code,
  name_zh: nameZh,
  name_en: nameEn,
  line,
  geometry_kind: geometry,
  log_unit: logUnit,
  attribute_schema: schema(properties),
  work_kinds: workKinds,
  synthetic: 1,
});

const plate = { type: 'string', title: '车牌号', titleEn: 'Plate', maxLength: 12 } as const;
const state = (values: string[]) =>
  ({ type: 'string', title: '整改状态', titleEn: 'Remediation', enum: values, figure: true }) as const;

/** The work kinds of the 泵房 (the report's maintenance spending) and of the manholes (the two counts it gives). */
export const PUMP_WORK_KINDS = kinds({ code: 'overhaul', nameZh: '泵房维修改造', nameEn: 'pump house overhaul' });
export const MANHOLE_WORK_KINDS = kinds(
  { code: 'clean-cover', nameZh: '窨井清理和井盖更换', nameEn: 'manhole cleaning and cover replacement' },
  { code: 'five-proof', nameZh: '“五防”宽边承插井更换', nameEn: 'five-proof wide-rim manhole replacement' },
);

export const FIGURE_ASSET_TYPES: AssetSeed['types'] = [
  type('SAN-SPRINKLER', '洒水雾化车', 'Sprinkler and mist vehicle', 'sanitation', 'point', null, { plate }),
  // a township's 农村环卫 as one entry: the 奖补资金 paid to it is its log in 元 (docs/assets.md, "Figures")
  // the three assessments' scores and the subsidy awarded are attributes; the payments stay the yuan log
  type('SAN-RURAL', '乡镇农村环卫', 'Township rural sanitation', 'sanitation', 'point', 'yuan', {
    grade: { type: 'string', title: '考核等次', titleEn: 'Assessment', enum: ['优秀', '良好', '合格', '不合格'] },
    score1: { type: 'number', title: '第一次考核得分', titleEn: 'First assessment score', minimum: 0, maximum: 100 },
    score2: { type: 'number', title: '第二次考核得分', titleEn: 'Second assessment score', minimum: 0, maximum: 100 },
    score3: { type: 'number', title: '第三次考核得分', titleEn: 'Third assessment score', minimum: 0, maximum: 100 },
    subsidyYuan: {
      type: 'number',
      title: '核定奖补资金',
      titleEn: 'Subsidy awarded',
      minimum: 0,
      maximum: 100000000,
      unit: '元',
    },
  }),
  type('PRK-FLOWER', '花坛花境', 'Flower bed', 'parks', 'point', 'pot'),
  type('PRK-LAWN', '草坪绿地', 'Lawn', 'parks', 'point', 'm2'),
  type('MUN-SIDEWALK', '人行道和盲道', 'Sidewalk and tactile paving', 'municipal', 'line', 'm2'),
  type('MUN-ACCESS', '无障碍设施', 'Accessible facility', 'municipal', 'point', null, {
    kind: {
      type: 'string',
      title: '设施类别',
      titleEn: 'Kind',
      enum: ['缘石坡道', '无障碍坡道', '扶手', '无障碍卫生间', '无障碍停车位'],
      figure: true,
    },
  }),
  type('DRN-WATERLOG', '易渍水路段', 'Waterlogging-prone section', 'drainage', 'line', 'm'),
  type(
    'DRN-MANHOLE',
    '检查井',
    'Manhole',
    'drainage',
    'point',
    null,
    {
      use: { type: 'string', title: '井类别', titleEn: 'Use', enum: ['雨水', '污水', '合流'] },
      cover: { type: 'string', title: '井盖', titleEn: 'Cover', enum: ['普通井盖', '“五防”宽边承插井'] },
    },
    MANHOLE_WORK_KINDS,
  ),
  type('DRN-WWTP', '污水处理厂', 'Sewage treatment plant', 'drainage', 'point', null, {
    capacityTpd: { type: 'number', title: '设计规模', titleEn: 'Capacity', minimum: 0, maximum: 1e6, unit: 'm³/d' },
  }),
  type('DRN-DEFECT', '管网排查缺陷点', 'Sewer survey defect', 'drainage', 'point', null, {
    kind: {
      type: 'string',
      title: '缺陷类别',
      titleEn: 'Defect',
      enum: ['雨污混接', '结构性缺陷'],
      figure: true,
    },
    state: state(['待整改', '整改中', '已整改']),
  }),
  type('MUCK-SOURCE', '渣土污染源头', 'Muck pollution source', 'muck', 'point', null, {
    state: state(['已查处', '已整改']),
  }),
  type('MUCK-PATROL', '渣土执勤点', 'Muck patrol post', 'muck', 'point', 'person'),
  type('MUCK-SPRINKLER', '渣土洒水车', 'Muck road sprinkler', 'muck', 'point', 'trip', { plate }),
  type('MUCK-WASH', '渣土冲洗路段', 'Muck road washing section', 'muck', 'line', 'm2'),
];
