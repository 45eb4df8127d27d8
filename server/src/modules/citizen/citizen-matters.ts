/**
 * Matter search in citizens' words. The catalog's own search (name substring, pinyin, initials) already finds
 * 垃圾, 井盖 and 占道; people also say 摆摊, 乱停车, 噪音, 牛皮癣 or 臭, which no catalog name contains. This table
 * maps such everyday words to GB/T 47678.5 matter names (docs/standards.md, "Catalog: classes and codes"); a test
 * keeps every target a real
 * national matter. Matches of an everyday word rank first (what the person most likely means), catalog hits after.
 */
import type { PublicMatter } from '../../../../common/contracts/public.ts';
import type { TenantCatalog } from '../catalog/index.ts';

export const PLAIN_WORDS: Readonly<Record<string, readonly string[]>> = {
  摆摊: ['占道经营', '无照经营游商', '店外经营', '早（夜）市管理问题'],
  地摊: ['占道经营', '无照经营游商'],
  小贩: ['无照经营游商', '占道经营'],
  流动摊: ['无照经营游商'],
  乱停: ['机动车乱停放', '非机动车乱停放', '共享单车乱象'],
  停车: ['机动车乱停放', '非机动车乱停放', '占用消防通道'],
  单车: ['共享单车乱象', '非机动车乱停放'],
  电动车: ['非机动车乱停放'],
  僵尸车: ['废弃车辆'],
  噪音: ['噪声扰民', '施工扰民'],
  吵: ['噪声扰民', '施工扰民'],
  烧烤: ['露天烧烤'],
  污水: ['乱倒乱排污水、废水', '污水井盖异常', '河道污染'],
  臭: ['乱倒乱排污水、废水', '垃圾站（箱）满溢', '暴露垃圾', '化粪池异常', '公共厕所异常'],
  厕所: ['公共厕所异常'],
  垃圾桶: ['垃圾箱异常', '垃圾站（箱）满溢'],
  垃圾: ['暴露垃圾', '垃圾站（箱）满溢'],
  井盖: ['不明井盖异常'],
  下水道: ['雨水箅子异常', '雨水井盖异常', '污水井盖异常'],
  积水: ['雨水箅子异常', '雨水井盖异常'],
  坑: ['道路破损'],
  路面: ['道路破损', '道路不洁', '道路遗撒（洒）'],
  路灯: ['路灯异常'],
  灯不亮: ['路灯异常', '景观灯异常'],
  红绿灯: ['交通信号灯异常'],
  牛皮癣: ['非法小广告'],
  小广告: ['非法小广告'],
  传单: ['街头散发广告'],
  违建: ['私搭乱建', '无证建设'],
  搭建: ['私搭乱建'],
  倒树: ['行道树异常', '独立树异常'],
  死猫: ['动物尸体'],
  死狗: ['动物尸体'],
  死老鼠: ['动物尸体'],
  扬尘: ['工地扬尘'],
  工地: ['工地扬尘', '施工扰民', '施工占道', '施工废弃料'],
  晾晒: ['沿街晾挂'],
  晒衣服: ['沿街晾挂'],
  乞讨: ['流浪乞讨'],
  杂物: ['乱堆杂物'],
  旧家具: ['废弃家具设备'],
  护栏: ['交通护栏异常', '绿地护栏异常'],
  公交站: ['公交站设施异常'],
  草坪: ['绿地脏乱', '非法占绿毁绿', '绿地异常'],
};

/** The common problems shown before anything is typed (also the picker's quick chips). */
export const COMMON_MATTERS = [
  '09006',
  '06010',
  '01023',
  '07001',
  '09009',
  '06013',
  '06042',
  '06036',
  '01037',
  '06028',
  '09005',
  '06001',
] as const;

const normalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Targets of the everyday words in the query: the word typed exactly first, then words it contains, then words it starts. */
function plainTargets(q: string): string[] {
  const words = Object.keys(PLAIN_WORDS);
  const ordered = [
    ...words.filter((w) => w === q),
    ...words.filter((w) => w !== q && q.includes(w)),
    ...words.filter((w) => w !== q && !q.includes(w) && q.length >= 2 && w.startsWith(q)),
  ];
  return ordered.flatMap((w) => PLAIN_WORDS[w] ?? []);
}

/** Active matters for a citizen's words; the whole ranked list (the route pages it). */
export function searchPlainMatters(catalog: TenantCatalog, query: string | undefined): PublicMatter[] {
  const active = catalog.rows.filter((r) => r.kind === 'matter' && (r.active === 1 || (r.active as unknown) === true));
  const byName = new Map(active.map((r) => [r.name, r]));
  const byCode = new Map(active.map((r) => [r.code, r]));
  const q = normalize(query ?? '');
  const picked: typeof active = [];
  const seen = new Set<string>();
  const add = (row: (typeof active)[number] | undefined) => {
    if (!row || seen.has(row.code)) return;
    seen.add(row.code);
    picked.push(row);
  };
  if (q === '') {
    for (const code of COMMON_MATTERS) add(byCode.get(code));
  } else {
    const hits = catalog.search.search(q, { kind: 'matter', limit: catalog.entries.length });
    // A query that already names a catalog entry (供水井盖, 06010) means that entry, not an everyday word inside it.
    const specific =
      !Object.hasOwn(PLAIN_WORDS, q) &&
      hits.some((h) => h.match === 'code' || h.match === 'name' || h.match === 'namePrefix');
    if (!specific) for (const name of plainTargets(q)) add(byName.get(name));
    for (const hit of hits) add(byCode.get(hit.entry.code));
  }
  return picked.map((r) => ({ code: r.code, name: r.name, majorName: r.major_name }));
}
