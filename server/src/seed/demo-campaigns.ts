/**
 * Demo 专项行动 of 大冶市 in 2023 (docs/campaigns.md, "Demo city"). The totals are the bureau's 2023 work report's:
 * 线缆整治 on 25 roads and 40 communities with 25万米 of cable bound, the 巡察 feedback's 4 classes and 26 problems,
 * 2 batches of "一下三民" problem lists with 12 problems, 5 research topics, 63 articles in provincial and national
 * media and 83 in local ones, and the 10 honours it names with their months. SYNTHETIC: how the totals split over
 * units, tasks, days and articles, every item, topic and article title, and the exact days.
 */
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { seedCampaigns, type CampaignSeed } from '../modules/campaigns/index.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** the n-th working-looking day of a month (1–28, skipping nothing: the seed writes history) */
const day = (month: number, d: number) => `2023-${pad(month)}-${pad(d)}`;

const STREETS = ['ST-DONGYUE', 'ST-DONGFENG', 'ST-JINHU', 'ST-LUOJIAQIAO'] as const;

function cableCampaign(unit: (code: string) => string): CampaignSeed['campaigns'][number] {
  // 25 roads, 40 communities, 250 000 m over the four streets (7/6/6/6 roads, 10 communities each, 62 500 m each)
  const roads = [7, 6, 6, 6];
  return {
    name: '线缆整治专项行动',
    kind: 'special',
    verb: '整治',
    start: '2023-03-01',
    end: '2023-12-29',
    description: '按照《大冶市城区空中线缆整治三年行动计划方案》，整治城区主次干道及社区凌乱空中线缆。',
    targets: [
      { name: '道路', measure: '条', target: 25 },
      { name: '小区', measure: '个', target: 40 },
      { name: '线缆', measure: '米', target: 250_000 },
    ],
    tasks: STREETS.map((s, i) => ({
      title: `${['东岳路', '东风路', '金湖', '罗家桥'][i]}街道辖区空中线缆整治`,
      unitId: unit(s),
      due: day(11, 30),
      doneOn: day(11, 20 + i),
      progress: 100,
      reports: [
        { target: '道路', quantity: roads[i]!, onDate: day(6, 15 + i) },
        { target: '小区', quantity: 6, onDate: day(8, 10 + i) },
        { target: '小区', quantity: 4, onDate: day(10, 10 + i) },
        { target: '线缆', quantity: 40_000, onDate: day(7, 20 + i), note: '线缆捆扎' },
        { target: '线缆', quantity: 22_500, onDate: day(11, 10 + i), note: '线缆捆扎' },
      ],
    })),
  };
}

function creationCampaign(unit: (code: string) => string): CampaignSeed['campaigns'][number] {
  const tasks: [string, string][] = [
    ['全国文明城市复查迎检', 'OFFICE'],
    ['国家卫生县（市）复审迎检', 'SANITATION'],
    ['国家园林城市复查迎检', 'PARKS'],
    ['国家森林城市创建迎检', 'PARKS'],
  ];
  return {
    name: '“四城同创”百日攻坚行动',
    kind: 'creation',
    start: '2023-06-01',
    end: '2023-09-08',
    description: '成立四个工作专班，分解任务、细化方案、落实到人，开展模拟检查，做好迎检接待工作。',
    targets: [],
    tasks: tasks.map(([title, code], i) => ({
      title,
      unitId: unit(code),
      due: day(9, 8),
      doneOn: day(9, 1 + i),
      progress: 100,
      reports: [],
    })),
  };
}

/** The 巡察 feedback's four classes as such feedback is usually grouped; the split 7/8/6/5 is synthetic. */
const INSPECTION_CLASSES: [string, number][] = [
  ['贯彻落实党的路线方针政策和重大决策部署方面', 7],
  ['落实全面从严治党战略部署方面', 8],
  ['落实新时代党的组织路线方面', 6],
  ['落实巡察、审计等监督发现问题整改方面', 5],
];

function lists(unit: (code: string) => string): CampaignSeed['lists'] {
  let n = 0;
  const inspection = INSPECTION_CLASSES.flatMap(([className, count]) =>
    Array.from({ length: count }, () => {
      n++;
      return {
        className,
        title: `巡察反馈问题第${n}项（示例）`,
        unitId: unit('OFFICE'),
        dueDate: day(9, 29),
        rectifiedOn: day(6 + (n % 4), 10 + (n % 15)),
        measures: '制定整改措施，建立台账，逐项销号（示例）',
      };
    }),
  );
  const batch = (count: number, month: number, from: number) =>
    Array.from({ length: count }, (_, i) => ({
      className: null,
      title: `群众急难愁盼问题第${from + i}项（示例）`,
      unitId: unit(STREETS[i % STREETS.length]!),
      dueDate: day(month + 2, 28),
      rectifiedOn: day(month + 1, 5 + i),
      measures: '局党组班子成员领办，现场协调解决（示例）',
    }));
  return [
    {
      kind: 'inspection',
      name: '市委第一巡察组巡察反馈意见',
      batchNo: null,
      issuedOn: '2023-04-20',
      source: '市委第一巡察组',
      items: inspection,
    },
    {
      kind: 'yixiaSanmin',
      name: '“一下三民”问题清单（第一批）',
      batchNo: 1,
      issuedOn: '2023-04-10',
      source: '局党组',
      items: batch(7, 4, 1),
    },
    {
      kind: 'yixiaSanmin',
      name: '“一下三民”问题清单（第二批）',
      batchNo: 2,
      issuedOn: '2023-08-15',
      source: '局党组',
      items: batch(5, 8, 8),
    },
  ];
}

const TOPICS = [
  '城区空中线缆长效管理机制研究',
  '“文明黄线”柔性执法模式研究',
  '城镇街道“门前三包”责任落实研究',
  '夜市经济规范管理研究',
  '数字城管平台建设路径研究',
];

/** The ten honours of the report, in its order, with the month it gives (the day is synthetic). */
const HONOURS: [string, number, string][] = [
  ['大冶市污染防治工作流动红旗', 3, '大冶市污染防治攻坚战指挥部'],
  ['大冶市安全生产工作流动红旗', 5, '大冶市安全生产委员会'],
  ['大冶市五个“十佳”户外广告作品通报表扬', 3, '大冶市人民政府'],
  ['2022年度平安建设（综治工作）考评优胜', 3, '中共大冶市委政法委员会'],
  ['2022年度全市绩效管理综合考评优秀', 4, '大冶市人民政府'],
  ['2023年第一季度政务公开、政府网站和政务新媒体绩效评估优秀', 4, '大冶市人民政府办公室'],
  ['2021-2022年度大冶市文明单位', 4, '大冶市精神文明建设委员会'],
  ['2022年度大冶市奋进全国县域经济五十强先进集体', 4, '中共大冶市委、大冶市人民政府'],
  ['大冶市法治微视频征集活动二等奖', 7, '中共大冶市委全面依法治市委员会办公室'],
  ['河湖长制工作通报表扬', 8, '大冶市河湖长制办公室'],
];

/** 63 articles in 人民视点, 湖北日报, 长江云 and 荆楚网; 83 in 黄石日报, 东楚晚报, 今日大冶 and 云上大冶 (split synthetic). */
function publicity(): CampaignSeed['publicity'] {
  const outlets: [string, 'national' | 'provincial' | 'city' | 'county', number][] = [
    ['人民视点', 'national', 9],
    ['湖北日报', 'provincial', 18],
    ['长江云客户端', 'provincial', 21],
    ['荆楚网', 'provincial', 15],
    ['黄石日报', 'city', 22],
    ['东楚晚报', 'city', 19],
    ['今日大冶', 'county', 24],
    ['云上大冶', 'county', 18],
  ];
  return outlets.flatMap(([outlet, level, count]) =>
    Array.from({ length: count }, (_, i) => ({
      outlet,
      level,
      publishedOn: day(1 + (i % 12), 3 + ((i * 7) % 24)),
      title: `大冶城管工作动态（示例）${outlet}第${i + 1}篇`,
    })),
  );
}

export async function seedDemoCampaigns(
  db: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  unitIds: ReadonlyMap<string, string>,
) {
  const unit = (code: string) => {
    const id = unitIds.get(code);
    if (!id) throw new Error(`seed: no unit ${code}`);
    return id;
  };
  await seedCampaigns(db, tenantId, clock, by, {
    campaigns: [cableCampaign(unit), creationCampaign(unit)],
    lists: lists(unit),
    topics: TOPICS.map((title, i) => ({
      title,
      lead: '局党组',
      status: 'concluded',
      startedOn: day(3 + i, 6),
      concludedOn: day(10 + (i % 3), 20),
    })),
    honours: HONOURS.map(([name, month, issuer]) => ({
      name,
      level: 'county',
      awardedOn: day(month, 15),
      issuer,
    })),
    publicity: publicity(),
  });
}
