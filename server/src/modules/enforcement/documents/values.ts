import { formatFen } from '../../../../../common/domain/enforcement-money.ts';
import type { DocumentValues } from '../../../../../common/domain/enforcement-documents.ts';
import type { Executor } from '../../../platform/db.ts';
import { orgNames, tenantColumns } from '../../org/index.ts';
import * as repo from '../enforcement.repository.ts';
import type { CaseRow } from '../enforcement-parties.ts';

/**
 * The placeholder values of a case's documents (docs/enforcement.md, "Documents"). Dates are the city's local
 * dates written the Chinese way; amounts are yuan from fen; a person's ID number is always the masked form.
 */
export const chineseDate = (day: string | null | undefined): string => {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

const yuan = (fen: number | string | null | undefined) =>
  fen === null || fen === undefined ? '' : formatFen(Number(fen));

export async function caseValues(ex: Executor, r: CaseRow, today: string): Promise<DocumentValues> {
  const [tenant, officers, events, bases] = await Promise.all([
    tenantColumns(ex, r.tenant_id, ['name']),
    repo.caseOfficers(ex, r.id),
    repo.caseEvents(ex, r.id),
    repo.listBases(ex, r.tenant_id, r.violation_code),
  ]);
  const names = await orgNames.userNames(
    ex,
    officers.map((o) => o.user_id),
  );
  const basis = bases.find((b) => b.id === r.basis_id) ?? bases[0];
  const correction = [...events].reverse().find((e) => e.action === 'order_correction');
  const correctBy = correction?.data ? (JSON.parse(correction.data) as { correctBy?: string }).correctBy : undefined;
  return {
    执法机关: tenant?.name ?? '',
    案件编号: r.case_no,
    当事人: r.party_name,
    证件号码: (r.party_kind === 'person' ? r.party_id_masked : r.party_credit_code) ?? '',
    违法行为: basis?.violation_name ?? r.violation_code,
    违法事实: r.facts,
    违法地点: r.address ?? '',
    违法日期: chineseDate(r.violation_on),
    法律依据: basis ? `《${basis.law.replace(/^《|》$/g, '')}》${basis.article}` : '',
    罚款金额: yuan(r.fine_fen ?? r.proposed_fine_fen),
    立案日期: chineseDate(r.filed_on),
    改正期限: chineseDate(correctBy),
    陈述申辩期限: chineseDate(r.statement_due),
    听证申请期限: chineseDate(r.hearing_due),
    决定书文号: r.decision_no ?? '',
    决定日期: chineseDate(r.decided_on),
    送达日期: chineseDate(r.served_on),
    缴款期限: chineseDate(r.payment_due),
    已缴金额: yuan(r.paid_fen),
    结案日期: chineseDate(r.closed_on),
    执法人员: officers.map((o) => `${names.get(o.user_id) ?? ''}（执法证号${o.cert_no}）`).join('、'),
    日期: chineseDate(today),
  };
}

/** Values for previewing a template with no case at hand. */
export const SAMPLE_VALUES: DocumentValues = {
  执法机关: '某市城市管理综合执法局',
  案件编号: 'ZF202400012',
  当事人: '张三',
  证件号码: '110**************X',
  违法行为: '违法建设',
  违法事实: '未取得建设工程规划许可证擅自搭建彩钢瓦棚约30平方米',
  违法地点: '某路12号',
  违法日期: '2024年3月10日',
  法律依据: '《中华人民共和国城乡规划法》第六十四条',
  罚款金额: '5000.00',
  立案日期: '2024年3月12日',
  改正期限: '2024年3月20日',
  陈述申辩期限: '2024年4月8日',
  听证申请期限: '2024年4月10日',
  决定书文号: '大城管罚决字〔2024〕第12号',
  决定日期: '2024年4月15日',
  送达日期: '2024年4月16日',
  缴款期限: '2024年5月1日',
  已缴金额: '5000.00',
  结案日期: '2024年5月6日',
  执法人员: '李四（执法证号42028100101）、王五（执法证号42028100102）',
  日期: '2024年3月12日',
};
