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

/**
 * The campaigns of the year with coded quantities, so the report's `campaigns.quantity.<code>.reported` carries
 * them: the 线缆整治 (roads, communities, metres of cable) and the removal of movable bins from the main roads.
 */
const CAMPAIGNS = [
  {
    name: '线缆整治专项行动',
    startDate: '03-01',
    unit: 'SANITATION',
    targets: [
      { name: '主次干道', code: 'cableroads', measure: '条', target: 25 },
      { name: '社区', code: 'cablecommunities', measure: '个', target: 40 },
      { name: '线缆捆扎', code: 'cablebundled', measure: '米', target: 250_000 },
      { name: '更换光缆', code: 'fiberreplaced', measure: '米', target: 21_000 },
      { name: '拆除钢绞线', code: 'strandremoved', measure: '米', target: 11_000 },
      { name: '拆除废弃线缆', code: 'wasteremoved', measure: '米', target: 20_000 },
      { name: '安装限高标识牌', code: 'heightsigns', measure: '块', target: 30 },
    ],
  },
  {
    name: '可移动式垃圾桶撤桶行动',
    startDate: '03-15',
    unit: 'SANITATION',
    targets: [
      { name: '主次干道', code: 'binroads', measure: '条', target: 18 },
      { name: '可移动式垃圾桶', code: 'binsremoved', measure: '个', target: 1500 },
    ],
  },
] as const;

interface CampaignRow {
  id: string;
  name: string;
  startDate: string;
  targets: { id: string; target: number; reported: number }[];
}

/** Creates the campaign once, then reports what each quantity still lacks of its target on a day of June. */
async function loadCampaign(api: DemoApi, year: number, c: (typeof CAMPAIGNS)[number]): Promise<number> {
  const startDate = `${year}-${c.startDate}`;
  const list = await api.get<{ items: CampaignRow[] }>('admin', '/api/campaigns?pageSize=100');
  let row = list.items.find((r) => r.name === c.name && r.startDate === startDate);
  let created = 0;
  if (!row) {
    row = await api.at(startDate).post<CampaignRow>('admin', '/api/campaigns', {
      name: c.name,
      kind: 'special',
      verb: '整治',
      startDate,
      endDate: `${year}-12-31`,
      targets: c.targets,
    });
    created++;
  }
  const lacking = row.targets.filter((t) => t.reported < t.target);
  if (!lacking.length) return created;
  const units = await api.get<{ items: { id: string; code: string }[] }>('admin', '/api/org/units?pageSize=200');
  const unitId = (units.items.find((u) => u.code === c.unit) ?? units.items[0])!.id;
  const task = await api.at(startDate).post<{ id: string }>('admin', `/api/campaigns/${row.id}/tasks`, {
    title: `${c.name}（${year}年）`,
    unitId,
    workDays: 200,
  });
  for (const t of lacking)
    await api.at(`${year}-06-15`, '16:00').post('admin', `/api/campaigns/tasks/${task.id}/reports`, {
      targetId: t.id,
      quantity: t.target - t.reported,
      onDate: `${year}-06-15`,
    });
  return created + 1 + lacking.length;
}

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

/** 主题教育 lists, coded campaigns, 课题, publicity and honours of the year (the campaigns module's records). */
export const campaignsLoader: Loader = {
  name: 'campaigns',
  async load(api, year) {
    let created = 0;
    for (const list of LISTS) created += await loadList(api, year, list);
    for (const c of CAMPAIGNS) created += await loadCampaign(api, year, c);
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
