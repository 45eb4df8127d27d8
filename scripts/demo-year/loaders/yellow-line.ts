import { addDays, ensure, type Loader } from './common.ts';

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const ROADS = ['新冶大道', '金湖大道', '东岳路', '罗桥路', '湛月路', '桂花路', '铜都大道', '广场路'];
const SHOPS = [
  ['水果店', ['水果']],
  ['早餐店', ['早点', '豆浆']],
  ['便利店', ['日用品']],
  ['五金店', ['五金']],
] as const;

/**
 * 文明黄线: lines in front of 300 shops and areas for 120 stalls, drawn from May 2023 (the bureau's 纾困 measures) and
 * in force at the year's end, as the yellow-line figures count them.
 */
export const yellowLineLoader: Loader = {
  name: 'yellow-line',
  async load(api, year) {
    let created = 0;
    for (const [kind, n] of [
      ['shop', 300],
      ['stall', 120],
    ] as const) {
      const have = await api.total('admin', `/api/yellow-line/zones?holderKind=${kind}`);
      created += await ensure(have, n, async (i) => {
        const validFrom = addDays(`${year}-05-01`, Math.floor((i * 200) / n));
        const road = ROADS[i % ROADS.length] as string;
        const [x, y] = [114.95 + (i % 20) * 0.0015, (kind === 'shop' ? 30.08 : 30.095) + Math.floor(i / 20) * 0.0008];
        const s = 0.00015;
        const [type, goods] = SHOPS[i % SHOPS.length] as (typeof SHOPS)[number];
        await api.at(validFrom).post('admin', '/api/yellow-line/zones', {
          holderKind: kind,
          holderName: kind === 'shop' ? `${road}${i + 1}号${type}` : `${road}临时摊点${String(i + 1).padStart(3, '0')}`,
          address: kind === 'shop' ? `${road}${i + 1}号门前` : `${road}临时摊点${i + 1}号`,
          geometry:
            kind === 'shop'
              ? {
                  type: 'LineString',
                  coordinates: [
                    [r6(x), r6(y)],
                    [r6(x + 0.0008), r6(y)],
                  ],
                }
              : {
                  type: 'Polygon',
                  coordinates: [
                    [
                      [r6(x), r6(y)],
                      [r6(x + s), r6(y)],
                      [r6(x + s), r6(y + s)],
                      [r6(x), r6(y + s)],
                      [r6(x), r6(y)],
                    ],
                  ],
                },
          goods: [...goods],
          hoursFrom: kind === 'shop' ? '08:00' : '17:00',
          hoursTo: kind === 'shop' ? '21:00' : '23:00',
          validFrom,
          validTo: `${year + 1}-12-31`,
        });
      });
    }
    return created;
  },
};
