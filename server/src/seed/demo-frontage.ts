/**
 * Demo records of 门前三包 in 大冶市 (docs/frontage.md, "Demo data"). The bureau's 2024 plan names the line
 * (门前三包, 城管体验岗, 商街自治, extended to the townships) but gives no figures, so EVERYTHING here is synthetic:
 * every shop, person, phone number, score and shift. Roads are real road names of the city centre; positions fall in
 * the synthetic demo extent. The last six months carry agreements, three months of inspections, the two finished
 * months published as red and black lists, a few volunteers with shifts and three street committees.
 */
import type { FrSeed } from '../modules/frontage/index.ts';
import { addDays } from '../../../common/domain/outdoor-ads.ts';
import { random } from './demo-random.ts';

const ROADS = ['新冶大道', '乾塔路', '金湖大道', '冶金大道', '建设路', '北门路', '育才路', '墈头街'];
const SHOPS = [
  '惠民超市',
  '老街面馆',
  '鑫源五金',
  '康宁药房',
  '好又多水果',
  '金湖茶楼',
  '顺发电器',
  '阳光眼镜',
  '百味餐馆',
  '乐家母婴',
  '万福粮油',
  '新风理发',
  '福满楼酒家',
  '益民书店',
  '宏达通讯',
  '丰收农资',
];
const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '黄', '周', '吴', '徐'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '海波', '春梅', '国庆', '小红'];

const monthOf = (date: string, back: number) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return d.toISOString().slice(0, 7);
};

/** The demo set for a city whose streets and townships are `regions` (streets first), as of `today`. */
export function demoFrontage(today: string, regions: readonly string[]): FrSeed {
  const rnd = random(4202810051);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const person = () => `${pick(SURNAMES)}${pick(GIVEN)}`;
  const phone = (i: number) => `139${String(27000000 + i * 7919).padStart(8, '0')}`;
  const months = [monthOf(today, 2), monthOf(today, 1), monthOf(today, 0)];
  const year = today.slice(0, 4);
  const agreements: FrSeed['agreements'] = SHOPS.map((shop, i) => {
    const road = ROADS[i % ROADS.length]!;
    // three in four shops in the four central streets, the rest in the townships
    const region = regions[i % 4 === 3 ? 4 + (i % Math.max(1, regions.length - 4)) : i % 4] ?? regions[0]!;
    const signedOn = addDays(`${monthOf(today, 5)}-01`, i * 9);
    const lng = Number((114.95 + rnd() * 0.05).toFixed(6));
    const lat = Number((30.08 + rnd() * 0.04).toFixed(6));
    const d = 0.00008;
    // a shop's band of pavement: good shops stay good, a few stay poor, so the lists are stable and believable
    const base = i % 5 === 4 ? 52 : i % 3 === 0 ? 92 : 78;
    return {
      shop_name: `${shop}（${road}店）`,
      credit_code: null,
      shop_key: `n:${shop}（${road}店）|${road}${10 + i * 3}号`.replace(/[\s·()（）-]/g, '').toLowerCase(),
      operator_name: person(),
      operator_phone: phone(i),
      address: `${road}${10 + i * 3}号`,
      region_id: region,
      lng,
      lat,
      area: JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [lng, lat],
            [lng + d, lat],
            [lng + d, lat - d / 2],
            [lng, lat - d / 2],
            [lng, lat],
          ],
        ],
      }),
      scope: '门店外墙至人行道路沿石，左右至相邻门店分界线',
      period_from: `${year}-01-01`,
      period_to: `${year}-12-31`,
      signed_on: signedOn < today ? signedOn : today,
      status: 'active' as const,
      terminated_reason: null,
      inspections: months.flatMap((m, k) => {
        const day = `${m}-${String(8 + ((i + k) % 12)).padStart(2, '0')}`;
        if (day > today || day < (signedOn < today ? signedOn : today)) return [];
        const score = Math.max(30, Math.min(100, base + Math.floor(rnd() * 9) - 3));
        return [{ inspected_on: day, score, findings: score < 60 ? '门前堆放杂物，出店经营' : null }];
      }),
    };
  });
  const volunteers: FrSeed['volunteers'] = Array.from({ length: 8 }, (_, i) => {
    const status = i < 5 ? ('active' as const) : i < 7 ? ('applied' as const) : ('withdrawn' as const);
    return {
      name: person(),
      phone: phone(100 + i),
      note: i % 3 === 0 ? '周末有空' : null,
      status,
      shifts:
        status === 'active'
          ? [1, 2, 3].map((k) => {
              const day = addDays(today, -7 * k - i);
              const start = `${day}T00:30:00.000Z`; // 08:30 in Asia/Shanghai
              return {
                region_id: regions[i % regions.length] ?? null,
                place: `${ROADS[(i + k) % ROADS.length]}沿线`,
                starts_at: start,
                ends_at: `${day}T03:30:00.000Z`,
                status: k === 3 && i === 4 ? ('absent' as const) : ('served' as const),
                minutes_served: k === 3 && i === 4 ? 0 : 180,
              };
            })
          : [],
    };
  });
  const committees: FrSeed['committees'] = ['新冶大道', '墈头街', '金湖大道'].map((street, i) => {
    const founded = addDays(`${monthOf(today, 4)}-01`, i * 5);
    return {
      name: `${street}商街自治委员会`,
      street_name: street,
      region_id: regions[i] ?? regions[0]!,
      chair_name: person(),
      chair_phone: phone(200 + i),
      shop_count: 20 + i * 7,
      founded_on: founded,
      reports: months
        .map((m) => `${m}-25`)
        .filter((d) => d <= today && d >= founded)
        .map((d, k) => ({
          reported_on: d,
          shops_checked: 18 + i * 5,
          problems_found: 4 + k,
          problems_fixed: 3 + k,
          summary: '商户自查门前卫生与出店经营情况，发现问题已督促整改。',
        })),
    };
  });
  return { agreements, publishedMonths: months.slice(0, 2), volunteers, committees };
}
