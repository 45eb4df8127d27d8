/**
 * Demo 文明黄线 for 大冶市. The counts follow the bureau's 2023 work report (docs/demo-city.md): lines drawn for 300
 * shops and 120 temporary stalls, so the report's sentence 「全市共划定文明黄线420处，涉及门店300家、摊位120个」 comes
 * from records. Everything else is synthetic: names, roads, positions (rows of short lines and small squares in the
 * demo extent of the city centre, none overlapping), goods, hours and the inspections.
 */
import { hasYellowLine, seedYellowLine, type YlSeed } from '../modules/yellow-line/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { zonedDate } from '../../../common/domain/zoned-time.ts';

const ROADS = ['建设路', '新冶大道', '乾塔路', '金湖大道', '冯汉祝路', '育才路', '码头路', '伍桥路'];
const SHOPS: [string, string[]][] = [
  ['水果店', ['水果']],
  ['便利店', ['日用百货', '饮料']],
  ['餐馆', ['餐饮外摆']],
  ['早餐店', ['早点']],
  ['花店', ['鲜花', '绿植']],
  ['五金店', ['五金']],
];
const STALLS: [string, string[], string, string][] = [
  ['蔬菜摊', ['蔬菜'], '06:00', '10:00'],
  ['小吃摊', ['小吃'], '17:00', '23:00'],
  ['水果摊', ['水果'], '08:00', '20:00'],
];

const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The zones and inspections of the demo city; `today` places the recent inspections and the end of validity. */
export function demoYellowLines(today: string): YlSeed {
  const validFrom = '2023-05-01';
  const validTo = addDays(today, 365) > '2026-04-30' ? addDays(today, 365) : '2026-04-30';
  const zones: YlSeed['zones'] = [];
  for (let i = 0; i < 300; i++) {
    const [type, goods] = SHOPS[i % SHOPS.length] as [string, string[]];
    const road = ROADS[i % ROADS.length] as string;
    const [x, y] = [114.95 + (i % 20) * 0.0015, 30.08 + Math.floor(i / 20) * 0.0008];
    zones.push({
      holder_kind: 'shop',
      holder_name: `${road}${i + 1}号${type}`,
      contact_name: null,
      contact_phone: null,
      address: `${road}${i + 1}号门前`,
      region_id: null,
      geometry: JSON.stringify({
        type: 'LineString',
        coordinates: [
          [r6(x), r6(y)],
          [r6(x + 0.0008), r6(y)],
        ],
      }),
      goods: JSON.stringify(goods),
      hours_from: '08:00',
      hours_to: '21:00',
      valid_from: validFrom,
      valid_to: validTo,
      status: 'active',
      warnings: i % 25 === 3 ? 1 : 0,
      approval_id: null,
      inspections:
        i % 5 === 0
          ? [
              {
                inspected_on: `2023-${String(6 + (i % 7)).padStart(2, '0')}-15`,
                result: i % 25 === 3 ? 'fail' : 'pass',
                action: i % 25 === 3 ? 'warning' : 'none',
                note: null,
                photo_ids: '[]',
              },
            ]
          : i % 25 === 3
            ? [
                {
                  inspected_on: addDays(today, -6),
                  result: 'fail',
                  action: 'warning',
                  note: '出线经营',
                  photo_ids: '[]',
                },
              ]
            : [],
    });
  }
  for (let j = 0; j < 120; j++) {
    const [type, goods, from, to] = STALLS[j % STALLS.length] as [string, string[], string, string];
    const road = ROADS[(j + 3) % ROADS.length] as string;
    const [x, y] = [114.95 + (j % 20) * 0.0015, 30.095 + Math.floor(j / 20) * 0.0008];
    const s = 0.00015;
    zones.push({
      holder_kind: 'stall',
      holder_name: `${road}临时${type}${String(j + 1).padStart(3, '0')}`,
      contact_name: null,
      contact_phone: null,
      address: `${road}临时摊点${j + 1}号`,
      region_id: null,
      geometry: JSON.stringify({
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
      }),
      goods: JSON.stringify(goods),
      hours_from: from,
      hours_to: to,
      valid_from: validFrom,
      valid_to: validTo,
      status: 'active',
      warnings: 0,
      approval_id: null,
      inspections:
        j % 4 === 0
          ? [
              {
                inspected_on: addDays(today, -(j % 20) - 1),
                result: 'pass',
                action: 'none',
                note: null,
                photo_ids: '[]',
              },
            ]
          : [],
    });
  }
  return { zones };
}

/** Seeds the demo zones into a tenant that has none. */
export async function seedDemoYellowLine(tx: Executor, tenantId: string, clock: Clock, by: string): Promise<void> {
  if (await hasYellowLine(tx, tenantId)) return;
  await seedYellowLine(tx, tenantId, clock, by, demoYellowLines(zonedDate(clock.now(), 'Asia/Shanghai')));
}
