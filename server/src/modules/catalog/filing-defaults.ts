/**
 * Default 立结案标准 (filing condition → handling limit → closing condition → default unit kind) for the matters
 * Daye's 2023 work report deals with (docs/demo-city.md: 出店/占道经营, 查违控违, 户外广告, 环境卫生, 园林绿化, 市政设施与井盖,
 * 排水渍水, 渣土, 油烟噪音, 燃气, 空中线缆, 夜市, 文明祭祀). Administrators edit them; these only seed a new tenant.
 *
 * basis 'reference': limit and wording from the 运城 2021 standard table (docs/standards.md, "Time limits"; old
 * 4-digit code cited per block, mapped to GB/T 47678.5 by docs/standards.md, "Old to new codes"; 「小时」= 工作时,
 * 「天」= 工作日). Where our copy of a 运城 row is cut short (…), the ending is ours and the comment says so.
 * basis 'plausible': no 运城 row; values are ours, in line with its typical pattern (urgent 1–4 紧急工作时,
 * ordinary 2–4 工作时 or 1–5 工作日, engineering 5–15 工作日). Check them with the bureau before relying on them.
 */
import type { HandlingLimit } from '../../../../common/domain/catalog.ts';
import type { UnitKind } from '../../../../common/domain/org.ts';
import { parseLimitText } from './standards-sheet.ts';

/** Unit kinds a filing condition may default to; the service maps a kind to the tenant's real unit. */
export const FILING_UNIT_KINDS = [
  'sanitation',
  'parks',
  'municipal',
  'drainage',
  'gas',
  'enforcement',
  'street',
  'utility',
] as const satisfies readonly UnitKind[];
export type FilingUnitKind = (typeof FILING_UNIT_KINDS)[number];

export type FilingBasis = 'reference' | 'plausible';

export interface FilingDefault {
  /** 5-digit GB/T 47678.5 matter code. */
  matterCode: string;
  condition: string;
  handlingLimit: HandlingLimit;
  closingCondition: string;
  defaultUnitKind: FilingUnitKind;
  basis: FilingBasis;
}

type Row = [
  matterCode: string,
  condition: string,
  limit: string,
  closing: string,
  unit: FilingUnitKind,
  basis: 'ref' | 'ours',
];

// prettier-ignore
const ROWS: readonly Row[] = [
  // 01001 供水井盖异常 ← 0101 上水井盖. 4th row: the 运城 text ends at「井框与…」, the ending is ours.
  ['01001', '缺失、移位、开裂，存在安全隐患的', '2紧急工作时', '恢复', 'utility', 'ref'],
  ['01001', '破损超过25cm²', '4小时', '更换或修复', 'utility', 'ref'],
  ['01001', '弹跳产生声响，翻盖明显影响安全', '2天', '更换或修复', 'utility', 'ref'],
  ['01001', '井盖周边路面150cm×150cm范围内出现深陷、凸起或破损，井框与路面不平', '5天', '修复', 'utility', 'ref'],
  // 01002 污水井盖异常, 01003 雨水井盖异常: no 运城 row; same as 0101 上水井盖's first row (清理窨井、更换井盖 in the 2023 work report).
  ['01002', '缺失、移位、开裂，存在安全隐患的', '2紧急工作时', '恢复', 'drainage', 'ours'],
  ['01003', '缺失、移位、开裂，存在安全隐患的', '2紧急工作时', '恢复', 'drainage', 'ours'],
  // 01004 雨水箅子异常 ← 0104 雨水箅子. 3rd row: ending after「井框与…」is ours.
  ['01004', '缺失、移位、开裂，存在安全隐患的', '2紧急工作时', '恢复', 'drainage', 'ref'],
  ['01004', '破损超过25cm²', '4小时', '更换或修复', 'drainage', 'ref'],
  ['01004', '井盖周边路面150cm×150cm范围内出现深陷、凸起或破损，井框与路面不平', '5天', '修复', 'drainage', 'ref'],
  ['01004', '堵塞面积达1/3以上', '1天', '疏通', 'drainage', 'ref'],
  // 道路积水 ← 0506 道路积水 (运城 values). GB/T 47678.5 has no 积水 matter (0506 has no counterpart); filed
  // under 01004 雨水箅子异常 as the closest drainage matter until part 6 (监测事件) or a local extension takes it.
  ['01004', '道路积水面积大于100m²且深度超过15cm等影响安全或通行', '2紧急工作时', '消除积水，恢复通行', 'drainage', 'ref'],
  // 01011 燃气井盖异常: no 运城 row; a gas cover out of place is a safety hazard, so the urgent template
  // (燃气安全 in the 2023 work report).
  ['01011', '缺失、移位、开裂，存在安全隐患的', '2紧急工作时', '恢复并消除安全隐患', 'gas', 'ours'],
  // 01037 路灯异常 ← 0137 路灯.
  ['01037', '倾斜、倒地、折断', '1天', '更换、修复或拆除', 'municipal', 'ref'],
  ['01037', '破损、缺失、电线裸露', '1天', '更换或修复', 'municipal', 'ref'],
  ['01037', '单盏不亮', '2天', '更换或修复', 'municipal', 'ref'],
  ['01037', '严重锈蚀', '2天', '清洁、修复', 'municipal', 'ref'],
  ['01037', '未按规定时间启闭', '2小时', '纠正', 'municipal', 'ref'],
  // 03005 垃圾箱异常 ← 0305 垃圾箱（果皮箱、桶）.
  ['03005', '垃圾箱（果皮箱、桶）箱体倾斜、倾倒，箱门未关闭', '1天', '恢复', 'sanitation', 'ref'],
  ['03005', '垃圾箱（果皮箱、桶）箱体变形、破损、缺失、严重锈蚀', '3天', '修复', 'sanitation', 'ref'],
  ['03005', '垃圾箱（果皮箱、桶）外观不洁', '1天', '清洁', 'sanitation', 'ref'],
  ['03005', '垃圾箱（果皮箱、桶）未按规定位置摆放', '4小时', '恢复', 'sanitation', 'ref'],
  // 03006 户外广告异常 ← 0306 户外广告 (the sign as a component; 违规设置 is 07003 below).
  ['03006', '倾斜、倾倒', '1天', '恢复', 'enforcement', 'ref'],
  ['03006', '破损、缺失、变形、严重锈蚀', '2天', '修复', 'enforcement', 'ref'],
  ['03006', '废弃', '3天', '拆除', 'enforcement', 'ref'],
  // 04002 行道树异常 ← 0402 行道树.
  ['04002', '倒伏、倾斜、断枝', '1天', '清理或采取保护性措施', 'parks', 'ref'],
  ['04002', '缺失', '15天', '补种', 'parks', 'ref'],
  ['04002', '枯死', '2天', '清理', 'parks', 'ref'],
  ['04002', '修剪不及时影响人车通行', '2天', '修剪', 'parks', 'ref'],
  // 04013 绿地异常: no 运城 row (2023 work report: 缺株断档、黄土裸露); planting is engineering work.
  ['04013', '绿地缺株断档、黄土裸露', '5工作日', '补植、覆绿', 'parks', 'ours'],
  // 06001 私搭乱建 ← event 0101. 「2紧急工作日」is stored as 48 紧急工作时 (standards-sheet.ts parseLimitText).
  ['06001', '违法搭建的建筑物、构筑物和其他设施（正在建设）', '2紧急工作日', '制止、恢复', 'enforcement', 'ref'],
  ['06001', '违法搭建的建筑物、构筑物和其他设施（已形成）', '15天', '按法定程序实施、拆除', 'enforcement', 'ref'],
  // 06010 暴露垃圾 ← 0110 暴露生活垃圾.
  ['06010', '公共场所未倒入垃圾容器的生活垃圾', '4小时', '清理', 'sanitation', 'ref'],
  // 06011 积存垃圾渣土 ← 0111.
  ['06011', '长时间堆积的建筑垃圾、装修垃圾、废弃渣土、混合垃圾等废弃物', '5天', '查处、清除', 'sanitation', 'ref'],
  // 06012 道路不洁 ← 0112; the 运城 text is cut after「积灰等」, we stop there.
  ['06012', '路面存在果皮、纸屑、烟蒂、树叶等散落垃圾或者路面存在油污、积灰等', '2小时', '清理', 'sanitation', 'ref'],
  // 06013 道路破损 ← 0113 (人行道、盲道维修 in the 2023 work report).
  ['06013', '破损达0.5m²以上（含）', '5天', '修复', 'municipal', 'ref'],
  // 06014 道路遗撒（洒） ← 0114 道路遗撒 (渣土车沿途抛撒 in the 2023 work report).
  ['06014', '运输车辆发生的遗撒现象', '4小时', '清理', 'sanitation', 'ref'],
  // 06017 绿地脏乱: no 运城 row; cleaning like 暴露垃圾 but on green land, a working day.
  ['06017', '绿地内有垃圾、杂物或杂草丛生', '1工作日', '清理', 'parks', 'ours'],
  // 06020 焚烧垃圾、树叶: no 运城 row (2023 work report: 青龙堤焚烧包袱); urgent, fire.
  ['06020', '露天焚烧垃圾、树叶、祭祀用品等', '2紧急工作时', '扑灭、制止', 'enforcement', 'ours'],
  // 06027 油烟污染, 06028 噪声扰民: no 运城 row (2023 work report: 油烟噪音信访 184 起). 噪声 modelled on 0301 施工扰民.
  ['06027', '餐饮服务经营者未安装油烟净化设施或未正常使用，油烟直排影响周边居民', '3工作日', '整改到位', 'enforcement', 'ours'],
  ['06028', '商业经营活动使用高音广播喇叭或者采用其他发出噪声的方法招揽顾客，干扰周边生活', '2紧急工作时', '制止', 'enforcement', 'ours'],
  // 06036 乱堆杂物 ← 0136 乱堆物堆料; the 运城 text is cut after「堆放不整…」, the ending is ours.
  ['06036', '未经许可在公共场所堆放物料，或经许可临时占路堆放的物料堆放不整齐', '1天', '清除、整改', 'street', 'ref'],
  // 06042 垃圾站（箱）满溢 (垃圾满溢): no 运城 row; same urgency as 0110 暴露垃圾.
  ['06042', '垃圾站、垃圾箱（桶）内垃圾满溢，散落地面', '4工作时', '清运、清理', 'sanitation', 'ours'],
  // 06051 盲道缺损: no 运城 row; repair like 0113 道路破损 (2023 work report: 盲道维修).
  ['06051', '盲道砖缺失、破损或被占用，盲道不连续', '5工作日', '修复', 'municipal', 'ours'],
  // 07001 非法小广告 ← 0201.
  ['07001', '公共场所内、公共设施上非法张贴、喷涂、手写各类小广告及乱涂乱画', '1天', '清除', 'sanitation', 'ref'],
  // 07003 违规户外广告 ← 0203; 1st row: the 运城 text is cut after「户外广告设…」, completed as 设施.
  ['07003', '违规设置以灯箱、霓虹灯、电子显示装置、展示牌等为载体形式的户外广告设施', '1天', '拆除', 'enforcement', 'ref'],
  ['07003', '违规设立的立柱、墙体、楼体、第五立面（楼顶）广告', '5天', '拆除', 'enforcement', 'ref'],
  // 07006 违规牌匾标识: no 运城 row (2023 work report: 不规范广告牌匾拆除 774 块).
  ['07006', '未经许可或未按设置规范设置牌匾标识', '5工作日', '整改或拆除', 'enforcement', 'ours'],
  // 08001 施工扰民 ← 0301.
  ['08001', '施工噪音扰民', '2紧急工作时', '制止', 'enforcement', 'ref'],
  ['08001', '未经许可或未按许可要求时间进行施工', '2紧急工作时', '制止', 'enforcement', 'ref'],
  // 08004 工地扬尘 ← 0304.
  ['08004', '施工过程中未采取有效维护等防尘措施造成扬尘现象', '2小时', '制止、查处、整改', 'enforcement', 'ref'],
  // 08011 渣土运输车辆未安装密闭装置, 08012 施工工地车轮夹带: no 运城 row (2023 work report: 渣土全过程监管、车辆带泥上路).
  ['08011', '渣土运输车辆未安装密闭装置或未密闭运输', '2紧急工作时', '制止、查处', 'enforcement', 'ours'],
  ['08012', '车辆驶出工地未冲洗，车轮带泥上路', '2工作时', '制止、冲洗路面', 'enforcement', 'ours'],
  // 09001 无照经营游商 ← 0401; 09005 店外经营 ← 0405; 09006 占道经营 ← 0406.
  ['09001', '在城市公共场所流动经营摊贩', '2紧急工作时', '取缔', 'enforcement', 'ref'],
  ['09005', '超出门窗外摆放经营物品，或有跨门占道经营行为', '2紧急工作时', '取缔', 'street', 'ref'],
  ['09006', '违法占用城市道路、桥梁、广场等公共场所进行营利性买卖商品或服务的行为', '2紧急工作时', '取缔', 'enforcement', 'ref'],
  // 09002 早（夜）市管理问题: no 运城 row (2023 work report: 恒达夜市).
  ['09002', '早（夜）市摊点超出划定区域或时段经营，或散市后未清理场地', '1工作日', '整改、清理', 'enforcement', 'ours'],
  // 09009 机动车乱停放: no 运城 row; modelled on 0410 非机动车乱停放.
  ['09009', '在人行道、绿地等非停车泊位乱停放机动车，影响通行', '2工作时', '规范停放或依法处理', 'enforcement', 'ours'],
  // 09010 非机动车乱停放 ← 0410; the 运城 text is cut after「影响…」, the ending is ours.
  ['09010', '在未经许可、未合法设置停车泊位的地点停放非机动车辆或未有序停放，影响通行或市容', '2小时', '整改、规范停放', 'street', 'ref'],
  // 09022 占道促销宣传: no 运城 row (2023 work report: 商场占道促销须经允许).
  ['09022', '未经许可占用道路、广场开展促销宣传活动', '2紧急工作时', '制止、清除', 'street', 'ours'],
  // 10002 架空线缆脱落 ← old 0508, no 运城 row (2023 work report: 空中线缆整治); a hanging cable endangers passers-by.
  ['10002', '架空线缆脱落、垂落，影响通行安全', '2紧急工作时', '消除安全隐患', 'utility', 'ours'],
];

function toDefault([matterCode, condition, limitText, closingCondition, unit, basis]: Row): FilingDefault {
  const handlingLimit = parseLimitText(limitText);
  if (!handlingLimit) throw new Error(`filing default ${matterCode}: bad limit ${limitText}`);
  return Object.freeze({
    matterCode,
    condition,
    handlingLimit: Object.freeze(handlingLimit),
    closingCondition,
    defaultUnitKind: unit,
    basis: basis === 'ref' ? 'reference' : 'plausible',
  });
}

export const FILING_DEFAULTS: readonly FilingDefault[] = Object.freeze(ROWS.map(toDefault));

/** The default conditions of one matter, in sheet order (most urgent first where the source orders them so). */
export function filingDefaultsFor(matterCode: string): FilingDefault[] {
  return FILING_DEFAULTS.filter((d) => d.matterCode === matterCode).map((d) => ({
    ...d,
    handlingLimit: { ...d.handlingLimit },
  }));
}
