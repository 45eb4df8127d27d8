import type { DiscretionLevel } from '../../../../common/domain/enforcement-lifecycle.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './enforcement.repository.ts';

/**
 * A starter set of legal bases and discretion bands for the common city-management violations, so a new bureau
 * has something to work from. Every row is marked sample: the provisions and ranges are to be confirmed (and
 * replaced with the province's own 裁量基准) by the bureau's 法制 staff before use (docs/enforcement.md,
 * "Legal bases and discretion bands").
 */
interface StarterBasis {
  code: string;
  name: string;
  law: string;
  article: string;
  text: string;
  /** [min, max] in yuan per level */
  bands: Partial<Record<DiscretionLevel, [number, number]>>;
}

const STARTER: readonly StarterBasis[] = [
  {
    code: 'zdjy',
    name: '占道经营',
    law: '《城市市容和环境卫生管理条例》及本省市容管理条例',
    article: '待核对',
    text: '未经批准占用城市道路、公共场地摆摊设点经营的，责令改正，可处罚款。（示例，待法制科室核对）',
    bands: { slight: [0, 0], general: [50, 200], serious: [200, 500], severe: [500, 1000] },
  },
  {
    code: 'lztx',
    name: '乱张贴乱涂写',
    law: '《城市市容和环境卫生管理条例》',
    article: '待核对',
    text: '在建筑物、设施及树木上涂写、刻画或未经批准张挂、张贴宣传品的，责令清除，可处罚款。（示例，待法制科室核对）',
    bands: { slight: [0, 0], general: [20, 100], serious: [100, 300], severe: [300, 500] },
  },
  {
    code: 'wfjs',
    name: '违法建设',
    law: '《中华人民共和国城乡规划法》',
    article: '第六十四条（待核对）',
    text: '未取得建设工程规划许可证或未按许可进行建设的，责令停止建设、限期改正或拆除，并按建设工程造价比例处罚款。（示例，待法制科室核对）',
    bands: { general: [5_000, 50_000], serious: [50_000, 200_000], severe: [200_000, 1_000_000] },
  },
  {
    code: 'ztps',
    name: '渣土抛洒滴漏',
    law: '《城市建筑垃圾管理规定》及本市渣土管理办法',
    article: '待核对',
    text: '运输建筑垃圾沿途丢弃、遗撒、随意倾倒的，责令限期改正，给予警告，并处罚款。（示例，待法制科室核对）',
    bands: { general: [5_000, 10_000], serious: [10_000, 30_000], severe: [30_000, 50_000] },
  },
  {
    code: 'cyyy',
    name: '餐饮油烟',
    law: '《中华人民共和国大气污染防治法》',
    article: '待核对',
    text: '排放油烟的餐饮服务业经营者未安装或不正常使用油烟净化设施、超标排放油烟的，责令改正，处罚款。（示例，待法制科室核对）',
    bands: { general: [5_000, 15_000], serious: [15_000, 30_000], severe: [30_000, 50_000] },
  },
  {
    code: 'zs',
    name: '噪声',
    law: '《中华人民共和国噪声污染防治法》',
    article: '待核对',
    text: '商业经营活动中使用高音广播喇叭或采用其他持续反复发出高噪声的方法招揽顾客的，责令改正，给予警告，可处罚款。（示例，待法制科室核对）',
    bands: { slight: [0, 0], general: [200, 500], serious: [500, 800], severe: [800, 1000] },
  },
  {
    code: 'hwgg',
    name: '擅自设置户外广告',
    law: '《城市市容和环境卫生管理条例》及本省户外广告管理规定',
    article: '待核对',
    text: '未经批准擅自设置户外广告的，责令限期拆除，可处罚款。（示例，待法制科室核对）',
    bands: { general: [500, 2_000], serious: [2_000, 5_000], severe: [5_000, 10_000] },
  },
  {
    code: 'shsz',
    name: '损坏市政设施',
    law: '《城市道路管理条例》',
    article: '待核对',
    text: '损坏、占用城市道路及其附属设施的，责令限期改正，可处罚款；造成损失的依法赔偿。（示例，待法制科室核对）',
    bands: { general: [500, 5_000], serious: [5_000, 10_000], severe: [10_000, 20_000] },
  },
];

/** Writes the starter set for a tenant that has no legal bases yet; returns how many provisions were written. */
export async function seedStarterBases(ex: Executor, tenantId: string, now: string): Promise<number> {
  if (await repo.hasBases(ex, tenantId)) return 0;
  for (const b of STARTER) {
    const basisId = newId();
    await repo.insertBasis(
      ex,
      {
        id: basisId,
        tenant_id: tenantId,
        violation_code: b.code,
        violation_name: b.name,
        law: b.law,
        article: b.article,
        provision_text: b.text,
        sample: 1,
        active: 1,
        created_at: now,
        updated_at: now,
      },
      Object.entries(b.bands).map(([level, [min, max]]) => ({
        id: newId(),
        tenant_id: tenantId,
        basis_id: basisId,
        level: level as DiscretionLevel,
        min_fen: min * 100,
        max_fen: max * 100,
        factors: '示例：待法制科室核对',
      })),
    );
  }
  return STARTER.length;
}

/**
 * The demo city's 执法证 (synthetic numbers, docs/demo-city.md) and a starter 首违不罚 / 轻微免罚 list, marked in its
 * text as a sample for the bureau's 法制 staff to confirm. Real cities register their own.
 */
export async function seedDemoRegisters(
  db: Executor,
  tenantId: string,
  now: string,
  certificates: readonly { userId: string; certNo: string }[],
): Promise<void> {
  if (certificates.length)
    await db
      .insertInto('enforcement_certificates')
      .values(
        certificates.map((c) => ({
          id: newId(),
          tenant_id: tenantId,
          user_id: c.userId,
          cert_no: c.certNo,
          valid_from: '2020-01-01',
          valid_to: '2030-12-31',
          created_at: now,
        })),
      )
      .execute();
  const list = [
    ['zdjy', 'first_offence', '首次占道经营，情节轻微，经教育当场改正（示例，待法制人员确认）', 365],
    ['lztx', 'first_offence', '首次乱张贴乱涂写，面积较小并及时清除（示例，待法制人员确认）', 365],
    ['cyyy', 'minor', '餐饮油烟轻微超标，当场整改达标（示例，待法制人员确认）', 180],
  ] as const;
  await db
    .insertInto('enforcement_leniency')
    .values(
      list.map(([code, kind, circumstances, windowDays]) => ({
        id: newId(),
        tenant_id: tenantId,
        violation_code: code,
        kind,
        circumstances,
        window_days: windowDays,
        active: 1,
        created_at: now,
      })),
    )
    .execute();
}
