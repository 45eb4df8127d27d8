/**
 * The wording of the printed 门前三包责任书 as a tenant template (docs/frontage.md, "The 责任书 template"): five texts
 * with `{{placeholder}}` fields, checked and filled the same way by the server (the .docx) and the console (the
 * preview). The agreement's table (number, shop, area, period…) and the layout stay fixed; the words are the city's.
 */

export const TEMPLATE_PLACEHOLDERS = [
  'bureau',
  'region',
  'agreementNo',
  'shopName',
  'creditCode',
  'operatorName',
  'address',
  'scope',
  'area',
  'areaM2',
  'periodFrom',
  'periodTo',
  'signedOn',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export const TEMPLATE_FIELDS = ['title', 'parties', 'intro', 'duties', 'closing'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type AgreementTemplate = Record<TemplateField, string>;

/** Longest text of each field: a title line, a few lines of parties and signatures, up to a page of duties. */
export const TEMPLATE_MAX: Record<TemplateField, number> = {
  title: 40,
  parties: 1000,
  intro: 300,
  duties: 4000,
  closing: 1000,
};

/**
 * The wording printed before templates were editable, and what a reset returns to: the three duties as they are
 * commonly worded in local 门前三包 rules (包市容、包环境卫生、包秩序), the inspections and lists, two copies.
 */
export const DEFAULT_AGREEMENT_TEMPLATE: AgreementTemplate = {
  title: '门前三包责任书',
  parties: '甲方：{{bureau}}、{{region}}\n乙方：{{shopName}}（责任人：{{operatorName}}）',
  intro: '乙方在责任区内履行以下责任：',
  duties: [
    '一、包市容：责任区内无出店经营、无乱搭乱建、无乱贴乱画乱挂，门店招牌、遮阳篷等设施整洁完好。',
    '二、包环境卫生：责任区内无垃圾、无污水、无积雪积冰，垃圾按规定分类投放，不向路面倾倒。',
    '三、包秩序：责任区内无占道经营、无乱停乱放，车辆、物品按规定停放摆放，劝阻并报告违法行为。',
    '四、责任人应配合城市管理部门的检查。检查按百分制评分，每月依据检查成绩公布红榜、黑榜。',
    '五、本责任书一式两份，甲乙双方各执一份，自签订之日起生效，至责任期届满时终止。',
  ].join('\n'),
  closing: '甲方（盖章）：                    乙方（签字）：\n签订日期：{{signedOn}}',
};

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const known = new Set<string>(TEMPLATE_PLACEHOLDERS);

export interface TemplateIssue {
  field: TemplateField;
  rule: 'placeholder' | 'braces' | 'required' | 'length';
  /** the unknown placeholder, when that is the fault */
  name?: string;
}

/** Every fault of a template, field by field (unknown placeholders, unbalanced braces, empty or too long texts). */
export function templateIssues(t: AgreementTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const field of TEMPLATE_FIELDS) {
    const text = t[field];
    if (field !== 'intro' && text.trim() === '') issues.push({ field, rule: 'required' });
    if (text.length > TEMPLATE_MAX[field]) issues.push({ field, rule: 'length' });
    for (const m of text.matchAll(FIELD)) {
      const name = m[1] ?? '';
      if (!known.has(name)) issues.push({ field, rule: 'placeholder', name });
    }
    const rest = text.replace(FIELD, '');
    if (rest.includes('{{') || rest.includes('}}')) issues.push({ field, rule: 'braces' });
  }
  return issues;
}

export type TemplateValues = Record<TemplatePlaceholder, string>;

/** The printed texts: each field's placeholders filled, multi-line fields split into paragraphs (blank lines dropped). */
export function fillTemplate(t: AgreementTemplate, values: TemplateValues) {
  const fill = (text: string) =>
    text.replace(FIELD, (whole, name: string) => (known.has(name) ? values[name as TemplatePlaceholder] : whole));
  const lines = (text: string) =>
    fill(text)
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== '');
  return {
    title: fill(t.title).trim(),
    parties: lines(t.parties),
    intro: fill(t.intro).trim(),
    duties: lines(t.duties),
    closing: lines(t.closing),
  };
}
export type FilledTemplate = ReturnType<typeof fillTemplate>;

/** A filled area for the 责任书: "12.5平方米", or a dash when no area was drawn. */
export const areaText = (m2: number | null) => (m2 === null ? '—' : `${m2}平方米`);
