import { idNumberCheckChar } from '../../../common/domain/enforcement-identity.ts';
import { commitmentOf, toHex } from '../../../common/domain/night-market-lottery.ts';
import { DEMO_CITY, type DemoApi } from '../api.ts';
import { ensure, type Loader } from './common.ts';

const BASE = '/api/night-market';
const MARKET = { name: '恒达夜市', address: '大冶市恒达欢乐大世界', openingHours: '18:00-24:00' };
/** Applicants with an ID number issued in 黄石 outside 大冶 (黄石港区, 阳新县): the 本地户籍 rule refuses them. */
const OUTSIDE = ['420202', '420222'];
const SURNAMES = '王李张刘陈杨黄吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈彭吕苏卢蒋蔡余柯';
const GIVEN = '志国华明红军芳勇丽斌平刚燕霞波辉新伟亮敏静涛峰';
const GOODS = ['烧烤', '小龙虾', '奶茶', '炸串', '凉面', '糖水', '饰品', '玩具', '水果', '麻辣烫', '大冶小吃'];
const DAY_MINUTES = 14 * 60;

/** The round: stalls, and the applicants from 大冶 and from elsewhere (the report's 190 stalls; 208 applications). */
export interface NightMarketPlan {
  stalls: number;
  local: number;
  outside: number;
}
export const NIGHT_MARKET_2023: NightMarketPlan = { stalls: 190, local: 200, outside: 8 };

interface Round {
  id: string;
  roundNo: string;
  name: string;
  committedAt: string | null;
  publicValue: string | null;
  drawnAt: string | null;
}

/** Applicant i of n: the outsiders are spread evenly among them; names, phones and ID numbers are synthetic. */
function applicant(i: number, plan: NightMarketPlan) {
  const n = plan.local + plan.outside;
  const outside = Math.floor(((i + 1) * plan.outside) / n) > Math.floor((i * plan.outside) / n);
  const birth = `${1965 + (i % 35)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
  const first17 = `${outside ? OUTSIDE[i % 2] : DEMO_CITY}${birth}${String(100 + i).slice(-3)}`;
  const s = SURNAMES[i % SURNAMES.length] as string;
  const g = `${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? (GIVEN[(i * 11) % GIVEN.length] as string) : ''}`;
  return {
    outside,
    body: {
      name: `${s}${g}`,
      phone: `139${String(10_000_000 + ((i * 7919) % 90_000_000)).padStart(8, '0')}`,
      idNumber: `${first17}${idNumberCheckChar(first17)}`,
      goods: GOODS[i % GOODS.length] as string,
    },
  };
}

/** The day and minute (between 08:00 and 22:00) of application i of n over the window's `days`. */
function appliedAt(year: number, i: number, n: number, days: number): [string, string] {
  const offset = Math.floor((i * days * DAY_MINUTES) / n);
  const date = new Date(Date.UTC(year, 3, 24 + Math.floor(offset / DAY_MINUTES))).toISOString().slice(0, 10);
  const minute = 8 * 60 + (offset % DAY_MINUTES);
  return [date, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`];
}

/** A fixed secret per year, so that an interrupted run can still draw what it committed (a real one is random). */
async function secretOf(year: number): Promise<string> {
  const text = new TextEncoder().encode(`cityloop demo-year 恒达夜市 ${year}`);
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', text)));
}

/**
 * 恒达夜市 as the squad leader runs it (docs/night-market.md): the market and its stalls in April, a round open from
 * 24 April to 4 May, the merchants applying on the citizen page (each from their phone), the review on 5 May (the
 * 本地户籍 rule refuses the outsiders), the commitment on 8 May, the lottery's public value on 9 May and the draw on
 * 10 May, which allocates every stall; the applicants left over wait.
 */
export async function loadNightMarket(api: DemoApi, year: number, plan = NIGHT_MARKET_2023): Promise<number> {
  const at = (date: string, time: string) => api.at(`${year}-${date}`, time);
  let created = 0;
  const markets = await api.get<{ items: { id: string; name: string }[] }>('squadleader', `${BASE}/markets`);
  let marketId = markets.items.find((m) => m.name === MARKET.name)?.id;
  if (!marketId) {
    marketId = (await at('04-20', '09:30').post<{ id: string }>('squadleader', `${BASE}/markets`, MARKET)).id;
    created++;
  }

  // Rows of 50 stalls, 3 m × 2 m, along the sides of the square.
  const sides = ['东侧', '南侧', '西侧', '北侧'];
  const stalls = Array.from({ length: plan.stalls }, (_, i) => ({
    code: `${'ABCDEFGH'[Math.floor(i / 50)]}-${String((i % 50) + 1).padStart(3, '0')}`,
    widthCm: 300,
    depthCm: 200,
    location: `广场${sides[Math.floor(i / 50) % 4]}`,
  }));
  const market = await api.get<{ stalls: { code: string }[] }>('squadleader', `${BASE}/markets/${marketId}`);
  const have = new Set(market.stalls.map((s) => s.code));
  const add = stalls.filter((s) => !have.has(s.code));
  if (add.length) {
    await at('04-20', '10:00').post('squadleader', `${BASE}/markets/${marketId}/stalls`, { stalls: add });
    created += add.length;
  }

  const name = `${year}年第一批`;
  const rounds = await api.get<{ items: Round[] }>('squadleader', `${BASE}/rounds?marketId=${marketId}&pageSize=50`);
  let round = rounds.items.find((r) => r.name === name);
  if (!round) {
    round = await at('04-21', '09:30').post<Round>('squadleader', `${BASE}/rounds`, {
      marketId,
      name,
      applyFrom: `${year}-04-24T00:00:00+08:00`,
      applyTo: `${year}-05-04T22:00:00+08:00`,
      stallFeeFen: 120_000,
      depositFen: 50_000,
      pointThreshold: 12,
    });
    created++;
  }
  const { roundNo } = round;
  const roundUrl = `${BASE}/rounds/${round.id}`;

  const n = plan.local + plan.outside;
  const applied = await api.total('squadleader', `${roundUrl}/applications`);
  if (!round.committedAt)
    created += await ensure(applied, n, async (i) => {
      const [date, time] = appliedAt(year, i, n, 11);
      await api
        .at(date, time)
        .citizen(
          `/api/public/night-market/rounds/${roundNo}/applications`,
          applicant(i, plan).body,
          `demo-phone-${String(i + 1).padStart(4, '0')}`,
        );
    });

  // The review: application k (numbered in the order they came) is applicant k - 1.
  at('05-05', '09:00');
  for (;;) {
    const { items } = await api.get<{ items: { id: string; applicationNo: string }[] }>(
      'squadleader',
      `${roundUrl}/applications?status=submitted&pageSize=200`,
    );
    if (!items.length) break;
    for (const a of items) {
      const outside = applicant(Number(a.applicationNo.slice(-4)) - 1, plan).outside;
      await api.post(
        'squadleader',
        `${roundUrl}/applications/${a.id}/review`,
        outside ? { decision: 'ineligible', note: '非本市户籍，不符合本地户籍条件' } : { decision: 'eligible' },
      );
    }
  }

  const secret = await secretOf(year);
  if (!round.committedAt)
    round = await at('05-08', '10:00').post<Round>('squadleader', `${roundUrl}/commitment`, {
      commitment: await commitmentOf(secret),
      publicValueSource: `中国福利彩票双色球${year}年5月9日开奖号码（演示数据，号码为虚构）`,
    });
  if (round.publicValue === null)
    round = await at('05-09', '21:30').post<Round>('squadleader', `${roundUrl}/public-value`, {
      publicValue: '05 11 17 22 28 31 + 07',
    });
  if (!round.drawnAt) await at('05-10', '10:00').post('squadleader', `${roundUrl}/draw`, { secret });
  return created;
}

export const nightMarketLoader: Loader = { name: 'night-market', load: (api, year) => loadNightMarket(api, year) };
