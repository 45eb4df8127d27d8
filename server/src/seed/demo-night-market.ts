/**
 * 恒达夜市 in the demo city (docs/demo-city.md, "恒达夜市"): the 190 stalls the bureau allocated in 2023 by public
 * lottery (docs/night-market.md), replayed through the night-market service as the squad leader would do it, on a
 * clock the seed sets: the market and its stalls, a round whose window closes, merchants applying on the citizen
 * page, the review (applicants from outside 大冶 refused by the 本地户籍 rule), the commitment, the public value, the
 * draw, the fees and deposits, and a few violations. Runs once, right after the city is seeded. Everything but the
 * market's name, place and stall count is synthetic, and the secret is derived from a fixed text so that the demo is
 * the same on every install; a real round's secret comes from the browser's random source.
 */
import { idNumberCheckChar } from '../../../common/domain/enforcement-identity.ts';
import { commitmentOf, toHex } from '../../../common/domain/night-market-lottery.ts';
import type { VIOLATION_KINDS } from '../../../common/domain/night-market.ts';
import type { Services } from '../composition.ts';
import type { FixedClock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { seededAccounts, seededTenantId } from '../modules/org/index.ts';
import { DAYE } from './daye-org.ts';
import { pick, rng } from './demo-history-plan.ts';

const STALLS = 190;
/** Applicants whose ID number was issued in 大冶; 200 for 190 stalls leaves 10 on the waiting list. */
const LOCAL = 200;
/** Applicants from elsewhere in 黄石 (黄石港区, 阳新县): the 本地户籍 rule refuses them. */
const OUTSIDE = ['420202', '420222'];
const NON_LOCAL = 8;

const SURNAMES =
  '张王李刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '建国明华丽娟军芳勇杰强磊洋艳敏静秀英桂兰玉梅志红春燕海霞文斌平刚辉新伟晓东亮宏波';
const GOODS = [
  '烧烤',
  '小龙虾',
  '奶茶饮品',
  '臭豆腐',
  '炸串',
  '凉面凉皮',
  '糖水甜品',
  '饰品',
  '儿童玩具',
  '手机配件',
  '服装鞋帽',
  '时令水果',
  '大冶特色小吃',
  '麻辣烫',
];

/** the squad leader's steps happen on these days; applications arrive inside the window between them */
const AT = {
  market: '2023-04-20T01:30:00.000Z',
  applyFrom: '2023-04-24T00:00:00.000Z',
  applyTo: '2023-05-04T10:00:00.000Z',
  review: '2023-05-05T01:00:00.000Z',
  commit: '2023-05-08T02:00:00.000Z',
  value: '2023-05-09T14:00:00.000Z',
  draw: '2023-05-10T02:00:00.000Z',
};

export interface DemoNightMarketResult {
  roundNo: string;
  applicants: number;
  entrants: number;
  stalls: number;
}

const idNumber = (prefix: string, i: number, random: () => number): string => {
  const year = 1965 + Math.floor(random() * 35);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const first17 = `${prefix}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(100 + i).slice(-3)}`;
  return `${first17}${idNumberCheckChar(first17)}`;
};

/** The demo secret: fixed (see above), 64 lower-case hex characters like one the console makes. */
async function demoSecret(): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('cityloop demo 恒达夜市 2023'));
  return toHex(new Uint8Array(digest));
}

/** Seeds 恒达夜市 into the demo city through the night-market service; null when the city is not there. */
export async function seedDemoNightMarket(
  db: Db,
  services: Services,
  clock: FixedClock,
): Promise<DemoNightMarketResult | null> {
  const tenantId = await seededTenantId(db, DAYE.code);
  const squadLeader = tenantId && (await seededAccounts(db, tenantId)).find((a) => a.username === 'squadleader');
  const staff = tenantId && squadLeader && (await services.auth.actorFor(tenantId, squadLeader.id, 'demo-seed'));
  if (!tenantId || !staff) return null;
  const nm = services.nightMarket;
  const random = rng(0x190);
  clock.set(new Date(AT.market));
  const market = await nm.createMarket(staff, {
    name: '恒达夜市',
    address: '大冶市恒达欢乐大世界',
    openingHours: '18:00-24:00',
  });
  // Rows A–D of 50, 50, 50 and 40 stalls, 3 m × 2 m, along the four sides of the square.
  const rows = ['A', 'B', 'C', 'D'];
  const sides = ['东侧', '南侧', '西侧', '北侧'];
  await nm.addStalls(staff, market.id, {
    stalls: Array.from({ length: STALLS }, (_, i) => ({
      code: `${rows[Math.floor(i / 50)]}-${String((i % 50) + 1).padStart(3, '0')}`,
      widthCm: 300,
      depthCm: 200,
      location: `广场${sides[Math.floor(i / 50)]}`,
    })),
  });
  const round = await nm.createRound(staff, {
    marketId: market.id,
    name: '2023年第一批',
    applyFrom: AT.applyFrom,
    applyTo: AT.applyTo,
    stallFeeFen: 120_000,
    depositFen: 50_000,
    pointThreshold: 12,
  });

  // The merchants apply on the citizen page during the window, the outsiders among them.
  const applicants = Array.from({ length: LOCAL + NON_LOCAL }, (_, i) => {
    const outside = i % 26 === 25 && i < 26 * NON_LOCAL;
    return { outside, prefix: outside ? OUTSIDE[i % 2]! : DAYE.code };
  });
  const windowMs = Date.parse(AT.applyTo) - Date.parse(AT.applyFrom);
  const applied: { applicationNo: string; outside: boolean }[] = [];
  for (const [i, a] of applicants.entries()) {
    clock.set(new Date(Date.parse(AT.applyFrom) + Math.floor(((i + random()) / applicants.length) * windowMs)));
    const name = `${pick([...SURNAMES], random)}${pick([...GIVEN], random)}${random() < 0.5 ? pick([...GIVEN], random) : ''}`;
    const { applicationNo } = await nm.apply(tenantId, round.roundNo, {
      name,
      phone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      idNumber: idNumber(a.prefix, i, random),
      goods: pick(GOODS, random),
    });
    applied.push({ applicationNo, outside: a.outside });
  }

  // The review: the rules pass everyone issued an ID in 大冶 and refuse the others.
  clock.set(new Date(AT.review));
  const outsiders = new Set(applied.filter((a) => a.outside).map((a) => a.applicationNo));
  for (;;) {
    const { items } = await nm.listApplications(staff, round.id, { status: 'submitted', pageSize: 200 });
    if (!items.length) break;
    for (const app of items) {
      clock.advance(60_000);
      await nm.review(
        staff,
        round.id,
        app.id,
        outsiders.has(app.applicationNo)
          ? { decision: 'ineligible', note: '非本市户籍，不符合本地户籍条件' }
          : { decision: 'eligible' },
      );
    }
  }

  // Commitment, public value and draw, each on its own day.
  const secret = await demoSecret();
  const commitment = await commitmentOf(secret);
  clock.set(new Date(AT.commit));
  await nm.commit(staff, round.id, {
    commitment,
    publicValueSource: '中国福利彩票双色球第2023052期开奖号码（演示数据，号码为虚构）',
  });
  clock.set(new Date(AT.value));
  await nm.enterPublicValue(staff, round.id, { publicValue: '03 09 14 21 26 30 + 11' });
  clock.set(new Date(AT.draw));
  await nm.draw(staff, round.id, { secret });

  // Each holder pays the year's fee and the deposit within ten days; three break the rules during the summer.
  const ledger = await nm.ledger(staff, round.id);
  for (const [i, line] of ledger.lines.entries()) {
    const onDate = `2023-05-${String(11 + (i % 10)).padStart(2, '0')}`;
    clock.set(new Date(`${onDate}T03:00:00.000Z`));
    await nm.addLedgerEntry(staff, round.id, {
      applicationId: line.applicationId,
      kind: 'fee',
      amountFen: 120_000,
      onDate,
    });
    await nm.addLedgerEntry(staff, round.id, {
      applicationId: line.applicationId,
      kind: 'deposit',
      amountFen: 50_000,
      onDate,
    });
  }
  const violations: {
    line: number;
    kind: (typeof VIOLATION_KINDS)[number];
    points: number;
    onDate: string;
    note: string;
  }[] = [
    { line: 7, kind: 'outside_stall', points: 3, onDate: '2023-06-17', note: '桌椅超出摊位线约1米' },
    { line: 42, kind: 'hygiene', points: 2, onDate: '2023-07-08', note: '收摊后地面油污未清理' },
    { line: 7, kind: 'noise', points: 2, onDate: '2023-08-12', note: '23时后仍使用扩音喇叭' },
  ];
  for (const v of violations) {
    clock.set(new Date(`${v.onDate}T14:00:00.000Z`));
    await nm.addViolation(staff, round.id, {
      applicationId: ledger.lines[v.line]!.applicationId,
      kind: v.kind,
      points: v.points,
      onDate: v.onDate,
      note: v.note,
    });
  }
  return { roundNo: round.roundNo, applicants: applied.length, entrants: LOCAL, stalls: STALLS };
}
