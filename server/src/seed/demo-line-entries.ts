/**
 * A few entries of the types behind the 2023 line figures (demo-asset-figures.ts), so the base demo shows every
 * line's registers without `npm run demo:year` (docs/demo-city.md): 易渍水路段, sewage plants, the survey's defect
 * points with their remediation state, 检查井, and each township's 农村环卫 with its three assessment scores and
 * 奖补资金. Every entry, code, position and figure is SYNTHETIC.
 *
 * The codes are the first of the series `npm run demo:year` loads (scripts/demo-year/loaders), with the same
 * attributes at the same place in the series, so the year demo tops the series up to the report's counts
 * (13 sections, 4 plants, 831 + 1,894 defects, 60 manholes, one entry per township) rather than adding to them.
 */
import type { AssetSeed } from '../modules/assets/index.ts';
import { random } from './demo-random.ts';

type AssetRow = AssetSeed['assets'][number];
type Base = Omit<AssetRow, 'type' | 'code' | 'name' | 'address' | 'attributes' | 'geometry' | 'lng' | 'lat'>;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const WATERLOG_ROADS = ['新冶大道下穿段', '金湖大道东段', '乾塔路北段'];
const PLANTS = ['城区', '城东'];
/** the loader's remediation cycle (entry i of the series) */
const DEFECT_STATES = ['已整改', '整改中', '待整改'] as const;
const GRADES = ['优秀', '良好', '合格', '不合格'] as const;

/** The grade of a township's three scores: 90 and above 优秀, 80 良好, 60 合格 (a demo rule, tenant data). */
export const ruralGrade = (scores: readonly number[]) => {
  const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
  return GRADES[mean >= 90 ? 0 : mean >= 80 ? 1 : mean >= 60 ? 2 : 3];
};

/** The entries; `townships` are the names of the top-level regions in code order (the year demo's order). */
export function lineEntryAssets(base: (unit: string) => Base, townships: readonly string[]): AssetRow[] {
  const rnd = random(20261206);
  const r6 = (v: number) => Number(v.toFixed(6));
  const pt = (): [number, number] => [r6(114.945 + rnd() * 0.06), r6(30.075 + rnd() * 0.04)];
  const point = () => {
    const [lng, lat] = pt();
    return { geometry: JSON.stringify({ type: 'Point', coordinates: [lng, lat] }), lng, lat };
  };
  const segment = () => {
    const [lng, lat] = pt();
    const coords = [
      [lng, lat],
      [r6(lng + 0.004), r6(lat + 0.001)],
    ];
    return {
      geometry: JSON.stringify({ type: 'LineString', coordinates: coords }),
      lng: r6(lng + 0.002),
      lat: r6(lat + 0.0005),
    };
  };
  const out: AssetRow[] = [];
  WATERLOG_ROADS.forEach((road, i) =>
    out.push({
      type: 'DRN-WATERLOG',
      code: `DY-ZS-${pad(i + 1)}`,
      name: `易渍水路段${i + 1}（${road}）`,
      address: `${road}（示例）`,
      attributes: '{}',
      ...segment(),
      ...base('DRAINAGE'),
    }),
  );
  PLANTS.forEach((p, i) =>
    out.push({
      type: 'DRN-WWTP',
      code: `DY-WS-${pad(i + 1)}`,
      name: `${p}生活污水处理厂`,
      address: null,
      attributes: JSON.stringify({ capacityTpd: [60000, 30000][i] }),
      ...point(),
      ...base('DRAINAGE'),
    }),
  );
  // the first of the survey's 雨污混接 points, the ones a 雨污分流 project remedies
  for (let i = 0; i < 6; i++)
    out.push({
      type: 'DRN-DEFECT',
      code: `DY-QX-${pad(i + 1, 4)}`,
      name: `雨污混接点${pad(i + 1, 4)}`,
      address: null,
      attributes: JSON.stringify({ kind: '雨污混接', state: DEFECT_STATES[i % 3] }),
      ...point(),
      ...base('DRAINAGE'),
    });
  for (let i = 0; i < 8; i++)
    out.push({
      type: 'DRN-MANHOLE',
      code: `DY-JC-${pad(i + 1, 3)}`,
      name: `检查井${pad(i + 1, 3)}`,
      address: null,
      attributes: JSON.stringify({ use: i % 2 ? '污水' : '雨水', cover: i === 3 ? '“五防”宽边承插井' : '普通井盖' }),
      ...point(),
      ...base('DRAINAGE'),
    });
  townships.forEach((town, i) => {
    const scores = [0, 1, 2].map((k) => 72 + ((i * 7 + k * 5) % 26));
    out.push({
      type: 'SAN-RURAL',
      code: `DY-NH-${pad(i + 1)}`,
      name: `${town}农村环卫`,
      address: null,
      attributes: JSON.stringify({
        grade: ruralGrade(scores),
        score1: scores[0],
        score2: scores[1],
        score3: scores[2],
        subsidyYuan: 30000 + (i % 4) * 5000,
      }),
      ...point(),
      ...base('SANITATION'),
    });
  });
  return out;
}
