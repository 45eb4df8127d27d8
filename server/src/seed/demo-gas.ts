/**
 * 燃气安全 in the demo city (docs/gas-safety.md, docs/demo-city.md). The 2023 totals follow the bureau's 2023 work
 * report: 40 safety checks finding 1139 hazards, all rectified; 35 hazards from the provincial department's
 * inspection, rectified; household safety kits in 280 homes (alarms), 18,127 (self-closing valves) and 91,860 (gas
 * hoses); 405 pipeline-gas and 1,605 bottled-gas commercial users, all fitted. Holders, places, dates and the split
 * over communities are synthetic. The current year has a few checks with hazards in every state and targets for six
 * communities, so the page shows work in hand. The 2023 rows are history: they are written closed without the
 * re-inspection photos that the API demands of every closing.
 */
import { GAS_USER_SUPPLY, GAS_USER_TYPE, gasHazardNo, type GasInstallKind } from '../../../common/domain/gas-safety.ts';
import { zonedDate } from '../../../common/domain/zoned-time.ts';
import type { GasChecksTable, GasHazardsTable, GasInstallsTable, GasInstallTargetsTable } from '../db/schema-gas.ts';
import { seedAssets, type AssetSeed } from '../modules/assets/index.ts';
import { seedGasSafety } from '../modules/gas-safety/index.ts';
import { orgGeography } from '../modules/org/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { reserveSequence } from '../platform/sequences.ts';
import { pick, rng } from './demo-history-plan.ts';

const REPORT_2023 = { checks: 40, hazards: 1139, superior: 35, alarm: 280, valve: 18_127, hose: 91_860 };
const USERS = { pipeline: 405, lpg: 1_605 };
const SHOPS = ['餐馆', '小吃店', '酒楼', '烧烤店', '面馆', '早餐店', '火锅店', '食堂', '农家乐', '快餐店'];
const NAMES = '福顺兴隆鑫源华盛金湖东岳乾塔新冶明珠和平友谊民生幸福';
const HAZARDS = [
  '未安装可燃气体报警装置',
  '燃气软管老化开裂',
  '软管长度超过2米',
  '钢瓶与灶具间距不足',
  '液化气钢瓶超期未检',
  '燃气管道私拉乱接',
  '使用非专用燃气软管',
  '报警装置未与切断阀联动',
  '用气场所通风不良',
  '钢瓶存放在地下室',
];
const CHECK_TITLES = ['元旦春节前燃气安全检查', '燃气安全隐患大排查', '节假日燃气安全检查', '液化气经营秩序检查'];

const day = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** `total` split into `parts` whole shares that add up exactly (the first ones take the remainder). */
const split = (total: number, parts: number) =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

/**
 * The `GAS-USER` asset type (docs/gas-safety.md, "Commercial users"), in the shape the assets API takes: the seed
 * writes it here and `npm run demo:year` creates it through POST /api/assets/types.
 */
export const GAS_USER_TYPE_INPUT = {
  code: GAS_USER_TYPE,
  nameZh: '燃气商业用户',
  nameEn: 'Commercial gas user',
  line: 'gas',
  geometryKind: 'point',
  attributeSchema: {
    type: 'object',
    properties: {
      supply: {
        type: 'string',
        title: '用气类型',
        titleEn: 'Supply',
        enum: [GAS_USER_SUPPLY.pipeline, GAS_USER_SUPPLY.lpg],
      },
      alarm: { type: 'boolean', title: '已安装可燃气体报警装置', titleEn: 'Gas alarm fitted' },
      threeSet: { type: 'boolean', title: '已完成“三件套”改造', titleEn: 'Safety kit fitted' },
    },
    required: ['supply'],
  },
} as const;

const GAS_USER_ASSET_TYPE: AssetSeed['types'][number] = {
  code: GAS_USER_TYPE_INPUT.code,
  name_zh: GAS_USER_TYPE_INPUT.nameZh,
  name_en: GAS_USER_TYPE_INPUT.nameEn,
  line: GAS_USER_TYPE_INPUT.line,
  geometry_kind: GAS_USER_TYPE_INPUT.geometryKind,
  log_unit: null,
  attribute_schema: JSON.stringify(GAS_USER_TYPE_INPUT.attributeSchema),
  synthetic: 1,
};

export async function seedDemoGas(
  tx: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  timeZone = 'Asia/Shanghai',
) {
  const random = rng(0x6a5);
  const now = clock.now().toISOString();
  const today = zonedDate(clock.now(), timeZone);
  const year = Number(today.slice(0, 4));
  const communities = (await orgGeography.regionShapes(tx, tenantId, ['community'])).map((r) => {
    const ring = (JSON.parse(r.geometry!) as { coordinates: number[][][] }).coordinates[0]!;
    const n = ring.length - 1;
    let lng = 0;
    let lat = 0;
    for (const [x = 0, y = 0] of ring.slice(0, n)) {
      lng += x;
      lat += y;
    }
    return { id: r.id, street: r.parent_id, lng: Number((lng / n).toFixed(6)), lat: Number((lat / n).toFixed(6)) };
  });
  if (!communities.length) return;
  const shop = () => `${pick([...NAMES], random)}${pick([...NAMES], random)}${pick(SHOPS, random)}`;

  // Commercial users in the register, every one fitted as the report says.
  const users: AssetSeed['assets'] = [];
  for (const [kind, count] of Object.entries(USERS) as [keyof typeof USERS, number][])
    for (let i = 1; i <= count; i++) {
      const c = communities[(i * 7 + (kind === 'lpg' ? 3 : 0)) % communities.length]!;
      const point = [
        Number((c.lng + (random() - 0.5) * 0.002).toFixed(6)),
        Number((c.lat + (random() - 0.5) * 0.002).toFixed(6)),
      ];
      users.push({
        type: GAS_USER_TYPE,
        code: `DY-RQYH-${kind === 'pipeline' ? 'G' : 'P'}${String(i).padStart(4, '0')}`,
        name: shop(),
        status: 'active',
        geometry: JSON.stringify({ type: 'Point', coordinates: point }),
        lng: point[0]!,
        lat: point[1]!,
        region_id: c.street,
        unit_id: null,
        address: null,
        attributes: JSON.stringify(
          kind === 'pipeline'
            ? { supply: GAS_USER_SUPPLY.pipeline, alarm: true }
            : { supply: GAS_USER_SUPPLY.lpg, alarm: true, threeSet: true },
        ),
        synthetic: 1,
      });
    }
  await seedAssets(tx, tenantId, clock, by, { types: [GAS_USER_ASSET_TYPE], assets: users, logs: [], workOrders: [] });

  const checks: GasChecksTable[] = [];
  const hazards: GasHazardsTable[] = [];
  const numbers = new Map<string, number>();
  const next = async (name: string, count: number) => {
    const first = await reserveSequence(tx, tenantId, name, count);
    numbers.set(name, first);
    return first;
  };
  const addCheck = (no: string, source: 'bureau' | 'superior', title: string, on: string) => {
    const c = communities[checks.length % communities.length]!;
    const check: GasChecksTable = {
      id: newId(),
      tenant_id: tenantId,
      check_no: no,
      source,
      title,
      checked_on: on,
      region_id: c.street,
      team: source === 'superior' ? '省住建厅督查组' : '燃气管理处检查组',
      note: null,
      created_by: by,
      created_at: now,
    };
    checks.push(check);
    return check;
  };
  const addHazard = (
    no: string,
    check: GasChecksTable,
    state: { status: GasHazardsTable['status']; deadline: number; rectified?: number; closed?: number },
  ) => {
    const at = check.checked_on;
    hazards.push({
      id: newId(),
      tenant_id: tenantId,
      hazard_no: no,
      check_id: check.id,
      source: check.source,
      asset_id: null,
      holder: shop(),
      address: null,
      region_id: check.region_id,
      description: pick(HAZARDS, random),
      level: random() < 0.04 ? 'major' : 'general',
      found_on: at,
      deadline: day(at, state.deadline),
      status: state.status,
      rectified_on: state.rectified === undefined ? null : day(at, state.rectified),
      rectify_note: state.rectified === undefined ? null : '已按要求整改',
      closed_on: state.closed === undefined ? null : day(at, state.closed),
      reinspections: state.closed === undefined ? 0 : 1,
      reinspect_note: state.closed === undefined ? null : '复查合格',
      reinspected_by_name: state.closed === undefined ? null : '燃气管理处',
      photo_ids: '[]',
      version: 1,
      created_by: by,
      created_at: now,
      updated_at: now,
    });
  };

  // 2023: 40 checks over the year, 1139 hazards among them; one provincial inspection with 35.
  const c0 = await next('gas_check:2023', REPORT_2023.checks + 1);
  const h0 = await next('gas_hazard:2023', REPORT_2023.hazards + REPORT_2023.superior);
  const perCheck = split(REPORT_2023.hazards, REPORT_2023.checks);
  let h = 0;
  for (let i = 0; i < REPORT_2023.checks; i++) {
    const on = day('2023-01-05', Math.floor((i * 355) / REPORT_2023.checks));
    const check = addCheck(
      `JC2023-${String(c0 + i).padStart(4, '0')}`,
      'bureau',
      CHECK_TITLES[i % CHECK_TITLES.length]!,
      on,
    );
    for (let k = 0; k < perCheck[i]!; k++) {
      const closed = 2 + Math.floor(random() * 12);
      addHazard(gasHazardNo(2023, h0 + h++), check, {
        status: 'closed',
        deadline: 15,
        rectified: closed - 1,
        closed,
      });
    }
  }
  const superior = addCheck(
    `JC2023-${String(c0 + REPORT_2023.checks).padStart(4, '0')}`,
    'superior',
    '省住建厅燃气安全督查检查',
    '2023-06-14',
  );
  for (let k = 0; k < REPORT_2023.superior; k++)
    addHazard(gasHazardNo(2023, h0 + h++), superior, {
      status: 'closed',
      deadline: 30,
      rectified: 10,
      closed: 12 + (k % 10),
    });

  // This year: three checks with hazards open, overdue, waiting for re-inspection and closed.
  const cy = await next(`gas_check:${year}`, 3);
  const hy = await next(`gas_hazard:${year}`, 9);
  const states = [
    { status: 'open' as const, deadline: 30 },
    { status: 'open' as const, deadline: 20 },
    { status: 'open' as const, deadline: 3 },
    { status: 'rectified' as const, deadline: 20, rectified: 2 },
    { status: 'rectified' as const, deadline: 15, rectified: 4 },
    { status: 'closed' as const, deadline: 15, rectified: 3, closed: 5 },
    { status: 'closed' as const, deadline: 10, rectified: 1, closed: 2 },
    { status: 'closed' as const, deadline: 15, rectified: 6, closed: 8 },
    { status: 'open' as const, deadline: 25 },
  ];
  for (let i = 0; i < 3; i++) {
    const on = day(today, -[24, 12, 6][i]!);
    const check = addCheck(
      `JC${year}-${String(cy + i).padStart(4, '0')}`,
      'bureau',
      CHECK_TITLES[(i + 1) % CHECK_TITLES.length]!,
      on,
    );
    for (let k = 0; k < 3; k++) {
      const s = states[i * 3 + k]!;
      // A step never lies after today: a recent check's hazard keeps its earlier state.
      const fits = (d?: number) => d === undefined || day(on, d) <= today;
      addHazard(
        gasHazardNo(year, hy + i * 3 + k),
        check,
        fits(s.closed) && fits(s.rectified) ? s : { status: 'open', deadline: s.deadline },
      );
    }
  }

  // The 三件套: 2023 by community and quarter; this year's targets and progress in six communities.
  const installs: GasInstallsTable[] = [];
  const targets: GasInstallTargetsTable[] = [];
  const spread = communities.slice(0, 20);
  for (const kind of ['alarm', 'valve', 'hose'] as GasInstallKind[]) {
    const shares = split(REPORT_2023[kind], spread.length * 4);
    shares.forEach((n, i) => {
      if (!n) return;
      installs.push({
        id: newId(),
        tenant_id: tenantId,
        region_id: spread[i % spread.length]!.id,
        kind,
        households: n,
        on_date: day('2023-02-15', Math.floor(i / spread.length) * 91),
        note: null,
        created_by: by,
        created_at: now,
      });
    });
    for (const [i, c] of communities.slice(0, 6).entries()) {
      const target = { alarm: 120, valve: 800, hose: 1500 }[kind];
      targets.push({
        tenant_id: tenantId,
        year,
        region_id: c.id,
        kind,
        households: target,
        updated_by: by,
        updated_at: now,
      });
      const done = Math.round(target * (0.2 + 0.13 * i));
      const on = day(today, -10 - i * 3);
      if (on.startsWith(String(year)))
        installs.push({
          id: newId(),
          tenant_id: tenantId,
          region_id: c.id,
          kind,
          households: done,
          on_date: on,
          note: null,
          created_by: by,
          created_at: now,
        });
    }
  }
  await seedGasSafety(tx, { checks, hazards, installs, targets });
}
