import type { DemoApi } from '../api.ts';
import { dayOf } from '../spread.ts';
import { addDays, ensure, yearRange, type Loader } from './common.ts';

interface ListRow {
  id: string;
  name: string;
}
interface ProblemRow {
  id: string;
  status: 'open' | 'rectifying' | 'rectified';
}

/** The lists of the year: two batches of 「一下三民」 (12 problems) and the 巡察 feedback (4 classes, 26 items). */
const LISTS = [
  { kind: 'yixiaSanmin', name: '“一下三民”问题清单（第一批）', batchNo: 1, issuedOn: '05-10', items: 6, classes: 0 },
  { kind: 'yixiaSanmin', name: '“一下三民”问题清单（第二批）', batchNo: 2, issuedOn: '08-15', items: 6, classes: 0 },
  { kind: 'inspection', name: '市委第一巡察组反馈问题', batchNo: null, issuedOn: '04-20', items: 26, classes: 4 },
] as const;
const CLASSES = ['党的领导方面', '落实全面从严治党方面', '队伍建设方面', '巡察整改方面'];

/** The honours of the year as the report lists them (month, name, issuer). */
const HONOURS = [
  ['03', '大冶市污染防治工作流动红旗'],
  ['05', '大冶市安全生产工作流动红旗'],
  ['03', '大冶市五个“十佳”户外广告作品通报表扬'],
  ['03', '2022年度平安建设（综治工作）考评优胜'],
  ['04', '2022年度全市绩效管理综合考评优秀'],
  ['04', '2023年第一季度政务公开绩效评估优秀'],
  ['04', '2021-2022年度大冶市文明单位'],
  ['04', '2022年度奋进全国县域经济五十强先进集体'],
  ['07', '大冶市法治微视频征集活动二等奖'],
  ['08', '河湖长制工作通报表扬'],
] as const;

/** Publicity: 63 pieces at provincial level or above, 83 in the city's and county's media. */
const PUBLICITY = [
  {
    n: 63,
    outlets: [
      ['人民视点', 'national'],
      ['湖北日报', 'provincial'],
      ['长江云客户端', 'provincial'],
      ['荆楚网', 'provincial'],
    ],
  },
  {
    n: 83,
    outlets: [
      ['黄石日报', 'city'],
      ['东楚晚报', 'city'],
      ['今日大冶', 'county'],
      ['云上大冶', 'county'],
    ],
  },
] as const;

async function loadList(api: DemoApi, year: number, list: (typeof LISTS)[number]): Promise<number> {
  const existing = await api.get<{ items: ListRow[] }>('admin', `/api/problem-lists?kind=${list.kind}&pageSize=100`);
  let row = existing.items.find((l) => l.name === list.name);
  let created = 0;
  const issuedOn = `${year}-${list.issuedOn}`;
  if (!row) {
    row = await api.at(issuedOn, '10:00').post<ListRow>('admin', '/api/problem-lists', {
      kind: list.kind,
      name: list.name,
      ...(list.batchNo ? { batchNo: list.batchNo } : {}),
      issuedOn,
      items: Array.from({ length: list.items }, (_, i) => ({
        ...(list.classes ? { className: CLASSES[i % list.classes] } : {}),
        title: `${list.name}第${i + 1}项`,
      })),
    });
    created += 1 + list.items;
  }
  const items = await api.get<{ items: ProblemRow[] }>('admin', `/api/problem-lists/${row.id}/items?pageSize=200`);
  for (const [i, p] of items.items.entries()) {
    // each problem rectified within 20–60 days of the list, all inside the year
    const done = addDays(issuedOn, 20 + ((i * 7) % 40));
    if (p.status === 'open')
      await api.at(addDays(issuedOn, 3)).post('admin', `/api/problems/${p.id}/step`, { action: 'start' });
    if (p.status !== 'rectified')
      await api
        .at(done, '16:00')
        .post('admin', `/api/problems/${p.id}/step`, { action: 'finish', measures: '已整改到位，建立长效机制' });
  }
  return created;
}

/** 主题教育 lists, 课题, publicity and honours of the year (the campaigns module's records). */
export const campaignsLoader: Loader = {
  name: 'campaigns',
  async load(api, year) {
    let created = 0;
    for (const list of LISTS) created += await loadList(api, year, list);
    const range = yearRange(year);
    created += await ensure(await api.total('admin', `/api/research-topics?${range}`), 5, async (i) => {
      const startedOn = dayOf(year, i, 5, `${year}-10-31`);
      await api.at(startedOn).post('admin', '/api/research-topics', { title: `城市管理调研课题${i + 1}`, startedOn });
    });
    for (const { n, outlets } of PUBLICITY) {
      const levels = [...new Set(outlets.map(([, level]) => level))];
      let have = 0;
      for (const level of levels) have += await api.total('admin', `/api/publicity?${range}&level=${level}`);
      created += await ensure(have, n, async (i) => {
        const publishedOn = dayOf(year, i, n);
        const [outlet, level] = outlets[i % outlets.length] as readonly [string, string];
        await api.at(publishedOn).post('admin', '/api/publicity', {
          outlet,
          level,
          publishedOn,
          title: `大冶城管工作报道（${outlet}）`,
        });
      });
    }
    created += await ensure(await api.total('admin', `/api/honours?${range}`), HONOURS.length, async (i) => {
      const [month, name] = HONOURS[i] as readonly [string, string];
      const awardedOn = `${year}-${month}-${String(10 + i).padStart(2, '0')}`;
      await api.at(awardedOn).post('admin', '/api/honours', { name, level: 'county', awardedOn, issuer: '大冶市' });
    });
    return created;
  },
};
