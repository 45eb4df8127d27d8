import sharp from 'sharp';
import { GAS_USER_SUPPLY, GAS_USER_TYPE } from '../../../common/domain/gas-safety.ts';
import { GAS_USER_TYPE_INPUT } from '../../../server/src/seed/demo-gas.ts';
import type { DemoApi } from '../api.ts';
import { apportion, dayOf } from '../spread.ts';
import { addDays, ensure, townships, type Loader } from './common.ts';

const GAS = '/api/gas';
const CHECK_TITLES = ['元旦春节前燃气安全检查', '燃气安全隐患大排查', '节假日燃气安全检查', '液化气经营秩序检查'];
const HAZARDS = [
  '未安装可燃气体报警装置',
  '燃气软管老化开裂',
  '钢瓶与灶具间距不足',
  '液化气钢瓶超期未检',
  '使用非专用燃气软管',
  '用气场所通风不良',
];
const SHOPS = ['餐馆', '小吃店', '酒楼', '面馆', '早餐店', '火锅店', '食堂', '快餐店'];
const WORDS = '福顺兴隆鑫源华盛金湖东岳新冶明珠';

/** The year's totals: checks and their hazards, the household 三件套 and the commercial users in the register. */
export interface GasPlan {
  checks: number;
  hazards: number;
  superior: number;
  alarm: number;
  valve: number;
  hose: number;
  pipeline: number;
  lpg: number;
  /** communities the installations are spread over, by quarter */
  communities: number;
}
export const GAS_2023: GasPlan = {
  checks: 40,
  hazards: 1139,
  superior: 35,
  alarm: 280,
  valve: 18_127,
  hose: 91_860,
  pipeline: 405,
  lpg: 1605,
  communities: 20,
};

const shop = (i: number) =>
  `${WORDS[i % WORDS.length]}${WORDS[(i * 5 + 3) % WORDS.length]}${SHOPS[(i * 3) % SHOPS.length]}`;

/** A shop in the urban centre (the registers take points inside the city's boundary only). */
const shopAt = (i: number) => [
  Math.round((114.955 + ((i * 37) % 40) / 1000) * 1e6) / 1e6,
  Math.round((30.085 + ((i * 53) % 30) / 1000) * 1e6) / 1e6,
];

interface Hazard {
  id: string;
  foundOn: string;
  version: number;
}

let photo: Promise<Buffer> | null = null;
/** The re-inspection photo: a small JPEG made here (the console takes one with the phone's camera). */
const reinspectionPhoto = () =>
  (photo ??= sharp({ create: { width: 320, height: 240, channels: 3, background: '#6a8f5a' } })
    .jpeg()
    .toBuffer());

/** Closes a hazard as the console does: the re-inspection photo uploaded, then the passed re-inspection naming it. */
async function close(api: DemoApi, h: Hazard, days: number) {
  const onDate = addDays(h.foundOn, days);
  const photoId = await api.at(onDate, '15:00').upload('admin', await reinspectionPhoto());
  await api.post('admin', `${GAS}/hazards/${h.id}/reinspect`, {
    version: h.version,
    onDate,
    passed: true,
    note: '复查合格，隐患已整改',
    photoIds: [photoId],
  });
}

/**
 * 燃气安全 of the year (docs/gas-safety.md) as the 燃气管理处 records it: the bureau's checks spread over the year with
 * the hazards each found, every hazard closed by a passed re-inspection with its photo within two weeks; the
 * provincial department's inspection in June with its hazards; the households fitted with each part of the 三件套 per
 * community and quarter; the commercial users registered over the year, pipeline users with an alarm and bottled-gas
 * users with the whole 三件套.
 */
export async function loadGasSafety(api: DemoApi, year: number, plan = GAS_2023): Promise<number> {
  let created = 0;
  const types = await api.get<{ items: { code: string }[] }>('admin', '/api/assets/types?line=gas');
  if (!types.items.some((t) => t.code === GAS_USER_TYPE)) {
    await api.at(`${year}-01-03`).post('admin', '/api/assets/types', GAS_USER_TYPE_INPUT);
    created++;
  }
  for (const [kind, n, attributes] of [
    ['G', plan.pipeline, { supply: GAS_USER_SUPPLY.pipeline, alarm: true }],
    ['P', plan.lpg, { supply: GAS_USER_SUPPLY.lpg, alarm: true, threeSet: true }],
  ] as const) {
    const have = await api.total('admin', `/api/assets/items?typeCode=${GAS_USER_TYPE}&q=DY-RQYH-${kind}`);
    created += await ensure(have, n, async (i) => {
      await api.at(dayOf(year, i, n), '10:00').post('admin', '/api/assets/items', {
        code: `DY-RQYH-${kind}${String(i + 1).padStart(4, '0')}`,
        name: shop(i + (kind === 'P' ? 7 : 0)),
        typeCode: GAS_USER_TYPE,
        geometry: { type: 'Point', coordinates: shopAt(i + (kind === 'P' ? 500 : 0)) },
        attributes,
      });
    });
  }

  const regions = await townships(api);
  const regionOf = (i: number) => regions[i % regions.length] as { id: string; name: string };
  const checksUrl = `${GAS}/checks?year=${year}`;
  created += await ensure(await api.total('admin', `${checksUrl}&source=bureau`), plan.checks, async (i) => {
    const checkedOn = dayOf(year, i, plan.checks, `${year}-12-15`);
    await api.at(checkedOn, '16:00').post('admin', `${GAS}/checks`, {
      source: 'bureau',
      title: CHECK_TITLES[i % CHECK_TITLES.length],
      checkedOn,
      regionId: regionOf(i).id,
      team: '燃气管理处检查组',
    });
  });
  created += await ensure(await api.total('admin', `${checksUrl}&source=superior`), 1, async () => {
    await api.at(`${year}-06-14`, '17:00').post('admin', `${GAS}/checks`, {
      source: 'superior',
      title: '省住建厅燃气安全督查检查',
      checkedOn: `${year}-06-14`,
      team: '省住建厅督查组',
    });
  });

  // Each check's hazards, found on its day, closed within two weeks of it.
  for (const [source, total] of [
    ['bureau', plan.hazards],
    ['superior', plan.superior],
  ] as const) {
    const checks = (
      await api.get<{ items: { id: string; checkedOn: string; regionId: string | null }[] }>(
        'admin',
        `${checksUrl}&source=${source}&sort=checkedOn&order=asc&pageSize=200`,
      )
    ).items;
    const perCheck = apportion(total, checks.length);
    const checkOf = (i: number) => {
      for (let c = 0, seen = 0; c < checks.length; seen += perCheck[c] as number, c++)
        if (i < seen + (perCheck[c] as number)) return checks[c] as (typeof checks)[number];
      throw new Error(`hazard ${i} beyond ${total}`);
    };
    const have = await api.total('admin', `${GAS}/hazards?year=${year}&source=${source}`);
    created += await ensure(have, total, async (i) => {
      const check = checkOf(i);
      const hazard = await api.at(check.checkedOn, '17:30').post<Hazard>('admin', `${GAS}/hazards`, {
        checkId: check.id,
        holder: shop(i),
        address: `${shop(i)}后厨`,
        description: HAZARDS[i % HAZARDS.length],
        level: i % 25 === 24 ? 'major' : 'general',
        deadline: addDays(check.checkedOn, source === 'superior' ? 30 : 15),
      });
      await close(api, hazard, 2 + (i % 12));
    });
  }
  // A run stopped between a hazard and its re-inspection left it open: close it now.
  for (;;) {
    const open = await api.get<{ items: Hazard[] }>('admin', `${GAS}/hazards?year=${year}&status=open&pageSize=200`);
    if (!open.items.length) break;
    for (const h of open.items) await close(api, h, 7);
  }

  // The 三件套 by community and quarter (the middle of each quarter).
  const communities = (
    await api.get<{ items: { id: string; code: string }[] }>('admin', '/api/org/regions?kind=community&pageSize=200')
  ).items
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, plan.communities);
  for (const kind of ['alarm', 'valve', 'hose'] as const) {
    const shares = apportion(plan[kind], communities.length * 4).flatMap((households, i) =>
      households ? [{ households, i }] : [],
    );
    const have = await api.total('admin', `${GAS}/installs?year=${year}&kind=${kind}`);
    created += await ensure(have, shares.length, async (k) => {
      const { households, i } = shares[k] as { households: number; i: number };
      const onDate = addDays(`${year}-02-15`, Math.floor(i / communities.length) * 91);
      await api.at(onDate, '17:00').post('admin', `${GAS}/installs`, {
        regionId: (communities[i % communities.length] as { id: string }).id,
        kind,
        households,
        onDate,
      });
    });
  }
  return created;
}

export const gasSafetyLoader: Loader = { name: 'gas-safety', load: (api, year) => loadGasSafety(api, year) };
