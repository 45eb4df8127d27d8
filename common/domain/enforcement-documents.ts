import type { EnforcementStage } from './enforcement-lifecycle.ts';

/**
 * The documents (文书) of an enforcement case (docs/enforcement.md, "Documents"): which stages each may be issued
 * in, whether a case may carry several, the starting template every city gets, and the placeholder renderer
 * shared by the server (issuing) and the browser (template preview).
 */
export const DOCUMENT_KINDS = [
  'filing_approval',
  'inquiry_record',
  'inspection_record',
  'correction_order',
  'stop_work_notice',
  'prior_notice',
  'hearing_notice',
  'penalty_decision',
  'service_receipt',
  'closing_report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentRule {
  /** the stages the document belongs to: issuing it in any other stage is refused */
  stages: readonly EnforcementStage[];
  /** several per case (one record per interview or inspection, one receipt per service) */
  repeatable: boolean;
  /** only when the case has a hearing notice due (fine at or above the tenant's threshold) */
  needsHearing?: boolean;
}

const INVESTIGATION: readonly EnforcementStage[] = ['investigating', 'correcting'];

export const DOCUMENT_RULES: Record<DocumentKind, DocumentRule> = {
  filing_approval: { stages: ['filing', 'investigating'], repeatable: false },
  inquiry_record: { stages: INVESTIGATION, repeatable: true },
  inspection_record: { stages: INVESTIGATION, repeatable: true },
  correction_order: { stages: ['correcting'], repeatable: false },
  stop_work_notice: { stages: INVESTIGATION, repeatable: false },
  prior_notice: { stages: ['notifying'], repeatable: false },
  hearing_notice: { stages: ['notifying'], repeatable: false, needsHearing: true },
  penalty_decision: { stages: ['serving', 'executing', 'closed', 'archived'], repeatable: false },
  service_receipt: { stages: ['serving', 'executing'], repeatable: true },
  closing_report: { stages: ['closed', 'archived'], repeatable: false },
};

/** The placeholders a template body may use; each is filled from the case when the document is issued. */
export const DOCUMENT_PLACEHOLDERS = [
  '执法机关',
  '文号',
  '案件编号',
  '当事人',
  '证件号码',
  '违法行为',
  '违法事实',
  '违法地点',
  '违法日期',
  '法律依据',
  '罚款金额',
  '立案日期',
  '改正期限',
  '陈述申辩期限',
  '听证申请期限',
  '决定书文号',
  '决定日期',
  '送达日期',
  '缴款期限',
  '已缴金额',
  '结案日期',
  '执法人员',
  '日期',
] as const;
export type DocumentPlaceholder = (typeof DOCUMENT_PLACEHOLDERS)[number];
export type DocumentValues = Partial<Record<DocumentPlaceholder, string>>;

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Placeholders in a text that are not in the list (a typo in a template shows up in the preview, not on paper). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(DOCUMENT_PLACEHOLDERS);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((k) => !known.has(k)))];
}

/** Fills `{{名称}}` placeholders; one that has no value prints as an underline to be filled in by hand. */
export function renderTemplate(text: string, values: DocumentValues): string {
  return text.replace(PLACEHOLDER, (_m, key: string) => values[key as DocumentPlaceholder] || '________');
}

/** A 文号 from its pattern: `{year}` and `{n}` are replaced, e.g. 大城管责改字〔{year}〕第{n}号. */
export function formatDocumentNo(pattern: string, year: string, n: number): string {
  return pattern.replaceAll('{year}', year).replaceAll('{n}', String(n));
}

export interface DefaultTemplate {
  title: string;
  numberPattern: string;
  body: string;
}

const PARTY = '当事人：{{当事人}}（证件号码：{{证件号码}}）';

/** The starting templates of every city: plain wording the bureau's 法制 staff adapt to the local forms. */
export const DEFAULT_TEMPLATES: Record<DocumentKind, DefaultTemplate> = {
  filing_approval: {
    title: '立案审批表',
    numberPattern: '城管立审字〔{year}〕第{n}号',
    body: `案件编号：{{案件编号}}\n${PARTY}\n案由：{{违法行为}}\n违法地点：{{违法地点}}\n违法日期：{{违法日期}}\n案件来源及基本情况：{{违法事实}}\n承办人：{{执法人员}}\n承办人意见：建议立案调查。\n审批意见：\n审批日期：{{日期}}`,
  },
  inquiry_record: {
    title: '询问笔录',
    numberPattern: '城管询字〔{year}〕第{n}号',
    body: `案件编号：{{案件编号}}\n询问时间：{{日期}}\n询问地点：{{违法地点}}\n询问人：{{执法人员}}\n被询问人：{{当事人}}（证件号码：{{证件号码}}）\n我们是{{执法机关}}的执法人员，已向你出示执法证件。你有如实回答询问的义务，也有陈述和申辩的权利。\n问：\n答：\n被询问人核对以上笔录无误后签名：`,
  },
  inspection_record: {
    title: '现场检查笔录',
    numberPattern: '城管检字〔{year}〕第{n}号',
    body: `案件编号：{{案件编号}}\n检查时间：{{日期}}\n检查地点：{{违法地点}}\n检查人：{{执法人员}}\n${PARTY}\n现场情况：{{违法事实}}\n当事人（见证人）签名：`,
  },
  correction_order: {
    title: '责令改正通知书',
    numberPattern: '城管责改字〔{year}〕第{n}号',
    body: `{{当事人}}：\n经查，你（单位）于{{违法日期}}在{{违法地点}}{{违法事实}}，违反了{{法律依据}}的规定。\n根据《中华人民共和国行政处罚法》第二十八条，现责令你（单位）于{{改正期限}}前改正上述违法行为。\n逾期不改正的，本机关将依法处理。\n{{执法机关}}\n{{日期}}`,
  },
  stop_work_notice: {
    title: '停工通知书',
    numberPattern: '城管停字〔{year}〕第{n}号',
    body: `{{当事人}}：\n经查，你（单位）在{{违法地点}}{{违法事实}}，涉嫌违反{{法律依据}}的规定。\n现通知你（单位）自收到本通知之日起立即停止施工，听候处理。\n{{执法机关}}\n{{日期}}`,
  },
  prior_notice: {
    title: '行政处罚事先告知书',
    numberPattern: '城管罚告字〔{year}〕第{n}号',
    body: `{{当事人}}：\n经查，你（单位）于{{违法日期}}在{{违法地点}}{{违法事实}}，违反了{{法律依据}}的规定。\n本机关拟对你（单位）作出罚款人民币{{罚款金额}}元的行政处罚。\n根据《中华人民共和国行政处罚法》第四十四条、第四十五条，你（单位）有权进行陈述和申辩，请于{{陈述申辩期限}}前向本机关提出；逾期视为放弃上述权利。\n{{执法机关}}\n{{日期}}`,
  },
  hearing_notice: {
    title: '行政处罚听证告知书',
    numberPattern: '城管听告字〔{year}〕第{n}号',
    body: `{{当事人}}：\n本机关拟对你（单位）{{违法行为}}一案作出罚款人民币{{罚款金额}}元的行政处罚。\n根据《中华人民共和国行政处罚法》第六十三条、第六十四条，你（单位）有权要求举行听证，请于{{听证申请期限}}前向本机关提出；逾期视为放弃听证。\n{{执法机关}}\n{{日期}}`,
  },
  penalty_decision: {
    title: '行政处罚决定书',
    numberPattern: '（行政处罚决定的文号）',
    body: `${PARTY}\n经查，你（单位）于{{违法日期}}在{{违法地点}}{{违法事实}}。\n以上事实有现场检查笔录、询问笔录、照片等证据为证。\n你（单位）的行为违反了{{法律依据}}的规定。本机关决定对你（单位）处以罚款人民币{{罚款金额}}元。\n请于{{缴款期限}}前将罚款缴至指定银行或通过非税收入缴款渠道缴纳。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第七十二条）。\n如不服本决定，可在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。\n{{执法机关}}\n{{决定日期}}`,
  },
  service_receipt: {
    title: '送达回证',
    numberPattern: '城管送字〔{year}〕第{n}号',
    body: `送达文书：行政处罚决定书（{{决定书文号}}）\n受送达人：{{当事人}}\n送达地点：{{违法地点}}\n送达日期：{{送达日期}}\n送达人：{{执法人员}}\n受送达人签名：\n备注：`,
  },
  closing_report: {
    title: '结案报告',
    numberPattern: '城管结字〔{year}〕第{n}号',
    body: `案件编号：{{案件编号}}\n${PARTY}\n案由：{{违法行为}}\n处罚决定：{{决定书文号}}，罚款人民币{{罚款金额}}元\n执行情况：已缴纳人民币{{已缴金额}}元\n结案日期：{{结案日期}}\n承办人：{{执法人员}}\n审批意见：`,
  },
};
