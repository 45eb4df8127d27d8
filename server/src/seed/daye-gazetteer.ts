/**
 * SYNTHETIC gazetteer of the demo city (docs/demo-city.md, "Synthetic geometry"): the roads of daye-geography.ts
 * plus a few more named in the 2023 work report or common in the city, points of interest the report names
 * (the night market, sewage plants) and public buildings, and house-number ranges along every road (odd numbers
 * on one side, even on the other, laid along the road's line). Positions are invented; nothing here is surveyed.
 */
import type { Position } from '../../../common/domain/geo.ts';
import type { PlaceRow } from '../modules/gazetteer/index.ts';
import { dayeRoads } from './daye-geography.ts';

const MORE_ROADS: [string, Position[]][] = [
  [
    '大冶路',
    [
      [114.942, 30.0865],
      [114.96, 30.086],
      [114.978, 30.0855],
      [114.996, 30.0845],
    ],
  ],
  [
    '东岳路',
    [
      [114.958, 30.109],
      [114.975, 30.108],
      [114.992, 30.1065],
    ],
  ],
  [
    '东风路',
    [
      [114.988, 30.124],
      [114.989, 30.112],
      [114.99, 30.1],
    ],
  ],
  [
    '罗家桥路',
    [
      [114.936, 30.098],
      [114.94, 30.088],
      [114.944, 30.078],
    ],
  ],
  [
    '青龙堤',
    [
      [114.986, 30.083],
      [114.995, 30.0815],
      [115.004, 30.0835],
    ],
  ],
  [
    '湛月路',
    [
      [114.96, 30.119],
      [114.975, 30.1195],
      [114.985, 30.119],
    ],
  ],
  // the roads the demo's 清扫保洁区域 name beyond the ones above (demo-line-registers.ts), so each zone's road is on
  // the layer the coverage report measures
  [
    '乾塔路',
    [
      [114.962, 30.127],
      [114.9615, 30.117],
      [114.962, 30.11],
    ],
  ],
  [
    '罗桥大道',
    [
      [114.945, 30.066],
      [114.958, 30.064],
      [114.972, 30.0655],
    ],
  ],
  [
    '七里界路',
    [
      [114.998, 30.096],
      [115.006, 30.095],
      [115.015, 30.0955],
    ],
  ],
  [
    '新街',
    [
      [114.979, 30.104],
      [114.9835, 30.1035],
      [114.987, 30.103],
    ],
  ],
];

const POIS: [string, Position][] = [
  ['大冶市人民政府', [114.9745, 30.0985]],
  ['大冶市城市管理执法局', [114.9785, 30.1005]],
  ['大冶市人民医院', [114.9685, 30.1035]],
  ['恒达欢乐大世界', [114.9805, 30.0955]],
  ['大冶北站', [114.9465, 30.1185]],
  ['尹家湖公园', [114.9655, 30.0835]],
  ['城南污水处理厂', [114.9705, 30.0705]],
  ['城西北污水处理厂', [114.9415, 30.1145]],
  ['大冶一中', [114.9855, 30.1125]],
  ['雨润广场', [114.9725, 30.0925]],
  ['金湖生态园', [114.9815, 30.0765]],
  ['大冶市体育中心', [114.9555, 30.1035]],
];

const row = (p: Omit<PlaceRow, 'path' | 'road' | 'from' | 'to' | 'parity'> & Partial<PlaceRow>): PlaceRow => ({
  road: null,
  from: null,
  to: null,
  parity: 'all',
  path: `seed:${p.name}`,
  ...p,
});

/** Every road of the demo city's road layer (the gazetteer's `road` places): daye-geography's and the ones above. */
export function dayeRoadLayer(): { name: string; coordinates: Position[] }[] {
  return [
    ...dayeRoads().map((r) => ({ name: r.name, coordinates: r.geometry.coordinates })),
    ...MORE_ROADS.map(([name, coordinates]) => ({ name, coordinates })),
  ];
}

export function dayePlaces(): PlaceRow[] {
  const roads = dayeRoadLayer();
  return [
    ...roads.map((r) =>
      row({ kind: 'road', name: r.name, geometry: { type: 'LineString', coordinates: r.coordinates } }),
    ),
    ...POIS.map(([name, at]) => row({ kind: 'poi', name, geometry: { type: 'Point', coordinates: at } })),
    // 1–199 odd and 2–200 even along each road (laid along the road: no geometry of their own)
    ...roads.flatMap((r) =>
      (['odd', 'even'] as const).map((parity) =>
        row({
          kind: 'house_range',
          name: `${r.name}${parity === 'odd' ? '单号' : '双号'}`,
          road: r.name,
          from: parity === 'odd' ? 1 : 2,
          to: parity === 'odd' ? 199 : 200,
          parity,
          geometry: null,
        }),
      ),
    ),
  ];
}
