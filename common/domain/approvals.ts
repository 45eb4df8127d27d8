/**
 * 行政审批 (docs/approvals.md): the vocabulary of the approval window, the state machine of an application and the
 * default application types a new city starts from. Types are tenant data; these are only the seed.
 */

/** 受理 → 审查 → 决定 → 办结; 补正 pauses the promised-time clock until the materials arrive. */
export const APPLICATION_STATUSES = ['accepted', 'reviewing', 'correction', 'decided', 'closed'] as const;
export type ApprovalStatus = (typeof APPLICATION_STATUSES)[number];

export const DECISIONS = ['grant', 'deny'] as const;
export type ApprovalDecisionKind = (typeof DECISIONS)[number];

export const CONSULTATION_CHANNELS = ['walk_in', 'phone'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

export const APPROVAL_ACTIONS = ['review', 'correct', 'resume', 'decide', 'close'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** Which statuses each action starts from; anything else is a 409 naming the status. */
const FROM: Record<ApprovalAction, readonly ApprovalStatus[]> = {
  review: ['accepted'],
  correct: ['accepted', 'reviewing'],
  resume: ['correction'],
  decide: ['accepted', 'reviewing'],
  close: ['decided'],
};
export const canDo = (action: ApprovalAction, status: ApprovalStatus): boolean => FROM[action].includes(status);

export interface MaterialItem {
  code: string;
  name: string;
  required: boolean;
}

export interface ApprovalTypeSeed {
  code: string;
  name: string;
  /** the English name the console shows while the tenant keeps the seeded Chinese one */
  nameEn: string;
  /** 承诺时限 in working days of the work calendar */
  promisedDays: number;
  /** 法定时限 in working days (行政许可法 第四十二条: 20 days unless a law says otherwise) */
  statutoryDays: number;
  materials: MaterialItem[];
}

const m = (code: string, name: string, required = true): MaterialItem => ({ code, name, required });
const APPLY = m('application_form', '申请表');
const ID = m('applicant_id', '申请人身份证明（营业执照或身份证）');

/** The approval items the bureau's window handles, with their checklists (docs/approvals.md, "Types"). */
export const DEFAULT_APPROVAL_TYPES: readonly ApprovalTypeSeed[] = [
  {
    code: 'outdoor_ad',
    name: '户外广告设置',
    nameEn: 'Outdoor advertising',
    promisedDays: 5,
    statutoryDays: 20,
    materials: [
      APPLY,
      ID,
      m('design_drawing', '设计效果图及尺寸说明'),
      m('site_consent', '设置场地产权证明或使用协议'),
      m('structure_safety', '结构安全证明（大型广告）', false),
    ],
  },
  {
    code: 'road_occupation',
    name: '临时占用城市道路',
    nameEn: 'Temporary road occupation',
    promisedDays: 3,
    statutoryDays: 20,
    materials: [APPLY, ID, m('site_plan', '占道位置示意图'), m('safety_plan', '安全保障措施', false)],
  },
  {
    code: 'road_excavation',
    name: '城市道路挖掘',
    nameEn: 'Road excavation',
    promisedDays: 5,
    statutoryDays: 20,
    materials: [
      APPLY,
      ID,
      m('construction_plan', '施工方案及图纸'),
      m('restoration_pledge', '道路修复承诺书'),
      m('pipeline_consent', '管线单位意见', false),
    ],
  },
  {
    code: 'construction_waste',
    name: '建筑垃圾处置核准',
    nameEn: 'Construction waste disposal',
    promisedDays: 5,
    statutoryDays: 20,
    materials: [
      APPLY,
      ID,
      m('disposal_contract', '消纳场所协议'),
      m('transport_contract', '运输合同及车辆清单'),
      m('route_plan', '运输路线'),
    ],
  },
  {
    // 文明黄线: shops trading just outside their door and stalls in a drawn area (docs/yellow-line.md); the grant
    // issues the 黄线 and its permit
    code: 'yellow_line',
    name: '文明黄线设置',
    nameEn: 'Civilised yellow line',
    promisedDays: 3,
    statutoryDays: 20,
    materials: [
      APPLY,
      ID,
      m('site_sketch', '黄线位置示意图（门店或摊位）'),
      m('trade_pledge', '文明经营及门前三包承诺书'),
      m('site_photos', '现场照片', false),
    ],
  },
  {
    code: 'gas_business',
    name: '燃气经营许可',
    nameEn: 'Gas business licence',
    promisedDays: 15,
    statutoryDays: 20,
    materials: [
      APPLY,
      ID,
      m('gas_source', '稳定气源证明'),
      m('facility_acceptance', '燃气设施竣工验收文件'),
      m('staff_certificates', '从业人员考核合格证明'),
      m('safety_rules', '安全管理制度和应急预案'),
    ],
  },
  {
    code: 'green_space',
    name: '占用城市绿地/树木迁移',
    nameEn: 'Green space occupation / tree relocation',
    promisedDays: 5,
    statutoryDays: 20,
    materials: [APPLY, ID, m('site_plan', '位置示意图及树木清单'), m('restoration_plan', '补植或恢复方案')],
  },
];

/**
 * The name of a type in the console's language: the seed's English name while the tenant keeps the seeded Chinese
 * name, else the tenant's own name (a renamed type has no translation).
 */
export function approvalTypeName(locale: string, type: { code: string; name: string }): string {
  if (locale !== 'en') return type.name;
  const seed = DEFAULT_APPROVAL_TYPES.find((t) => t.code === type.code);
  return seed && seed.name === type.name ? seed.nameEn : type.name;
}

/** Required items of a checklist not among the received ones, in checklist order. */
export function missingMaterials(checklist: readonly MaterialItem[], received: readonly string[]): MaterialItem[] {
  const have = new Set(received);
  return checklist.filter((i) => i.required && !have.has(i.code));
}

/** A rate in percent with one decimal, or null when there is nothing to divide by. */
export const ratePct = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
