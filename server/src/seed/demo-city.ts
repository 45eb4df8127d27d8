/**
 * The demo city 大冶市 (420281) and the tenant every test starts from. The seed sits above the modules: it writes
 * through each module's public seed functions (index.ts), never into a module's tables itself.
 */
import type { Clock } from '../platform/clock.ts';
import type { Db, Executor } from '../platform/db.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { seedHolidays } from '../modules/calendar/index.ts';
import {
  DEFAULT_ENFORCEMENT_SETTINGS,
  seedDemoEnforcement,
  seedDemoRegisters,
  seedStarterBases,
} from '../modules/enforcement/index.ts';
import { zonedDate } from '../../../common/domain/zoned-time.ts';
import { seedCatalog, seedNationalCatalog } from '../modules/catalog/index.ts';
import {
  seededTenantId,
  seedTenant,
  seedTopRegions,
  seedUnits,
  seedUser,
  seedUserUnit,
  type TenantSeed,
} from '../modules/org/index.ts';
import { ADMIN_PASSWORD, DAYE, DAYE_STREETS, DAYE_UNITS, DAYE_USERS, DEMO_PASSWORD } from './daye-org.ts';
import { seedDemoGeography } from './demo-geography.ts';
import { seedDemoRouting } from './demo-routing.ts';
import { seedDemoLines } from './demo-lines.ts';
import { seedDemoYellowLine } from './demo-yellow-line.ts';
import { seedDemoVehicles } from './demo-vehicles.ts';
import { seedDemoAssets } from './demo-assets.ts';
import { seedLineShared } from '../modules/line-views/index.ts';
import { seedDemoInspections } from './demo-inspections.ts';
import { demoFrontage } from './demo-frontage.ts';
import { hasFrontage, seedFrontage } from '../modules/frontage/index.ts';
import { seedDemoGas } from './demo-gas.ts';
import { seedDemoApprovals } from './demo-approvals.ts';
import { seedDemoProposals } from './demo-proposals.ts';
import { seedDemoProjects } from './demo-projects.ts';
import { seedDemoTargets } from './demo-targets.ts';
import { seedDemoCampaigns } from './demo-campaigns.ts';
import { seedPlaces } from '../modules/gazetteer/index.ts';
import { dayePlaces } from './daye-gazetteer.ts';

export type { TenantSeed } from '../modules/org/index.ts';

/** Creates a tenant with one admin account; used by the demo seed and by multi-tenant tests. */
export async function createTenant(
  db: Executor,
  clock: Clock,
  t: TenantSeed,
  admin = { username: 'admin', password: ADMIN_PASSWORD },
) {
  const { tenantId, adminId } = await seedTenant(db, clock, t, {
    username: admin.username,
    displayName: '系统管理员',
    passwordHash: await hashPassword(admin.password),
  });
  // Every city starts with the national catalog; its 立结案标准 need its own units, so they come later or by import.
  await seedNationalCatalog(db, tenantId, clock);
  // 法定节假日 and 调休 of every year the data package knows; admins edit them afterwards (work calendar module).
  await seedHolidays(db, tenantId);
  // A starter set of legal bases and discretion bands, marked sample until the bureau's 法制 staff confirm it.
  await seedStarterBases(db, tenantId, clock.now().toISOString());
  return { tenantId, adminId };
}

/**
 * Seeds 大冶市 into an empty database: regions, units, one user per role. Does nothing when the tenant exists.
 * `records: false` leaves out the records of the 2023 work report (查违控违, 户外广告, 文明黄线, 行政审批, projects,
 * 专项行动, 建议提案, enforcement, 燃气) and the plan's 目标任务: `npm run demo:year` loads what it can of them through
 * the API instead (docs/demo-city.md, "The 2023 year").
 */
export async function seedDemoCity(db: Db, clock: Clock, options: { records?: boolean } = {}): Promise<boolean> {
  const records = options.records !== false;
  if (await seededTenantId(db, DAYE.code)) return false;
  await db.transaction().execute(async (tx) => {
    const { tenantId, adminId } = await createTenant(tx, clock, DAYE);
    const streetIds = await seedTopRegions(tx, tenantId, clock, DAYE.code, DAYE_STREETS);
    const regionIds = new Map<string, string>(DAYE_STREETS.map((s, i) => [s.name, streetIds[i] as string]));
    const unitIds = await seedUnits(
      tx,
      tenantId,
      clock,
      DAYE_UNITS.map((u) => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        ...(u.parent ? { parentCode: u.parent } : {}),
        regionId: u.street ? (regionIds.get(u.street) ?? null) : null,
        synthetic: !!u.synthetic,
      })),
    );
    // Default 立结案标准 go to the unit of each kind; 'street' stays empty (routed by location), and so does 'utility':
    // the demo city has no water or telecom company, and 华润燃气 should not get 供水井盖 cases.
    const unitCodes = {
      sanitation: 'SANITATION',
      parks: 'PARKS',
      municipal: 'MUNICIPAL',
      drainage: 'DRAINAGE',
      gas: 'GAS',
      enforcement: 'ENFORCE',
    };
    const unitByKind = Object.entries(unitCodes).flatMap(([kind, code]) =>
      unitIds.get(code) ? [[kind, unitIds.get(code) as string] as const] : [],
    );
    await seedCatalog(tx, tenantId, clock, new Map(unitByKind));
    // Synthetic boundary, street and community polygons, ~6k grids and the component census (after the catalog: classes).
    await seedDemoGeography(tx, tenantId, clock);
    // Roads, places and house numbers for the address search (synthetic, like the geography).
    await seedPlaces(tx, tenantId, clock, dayePlaces());
    await seedDemoRouting(tx, tenantId, clock);
    // 查违控违 and 户外广告 records (2023 totals as in the bureau's report; the rest synthetic)
    if (records) await seedDemoLines(tx, tenantId, clock, adminId, streetIds);
    // Base data of 环卫/园林/市政/排水/渣土/燃气: types, a few dozen synthetic assets, daily logs and work orders.
    // (without its 2023 records the year's tonnage and dredging come from `npm run demo:year`)
    // Projects and funds: the 2023 figures of the work report (2641万元 won; 23 gas subprojects, 22 done, 60 %), and
    // the 雨污分流 project the defect points' orders belong to (before the registers, which link to it).
    const rainSewerProject = records ? await seedDemoProjects(tx, tenantId, clock, adminId, unitIds) : null;
    const assetIds = await seedDemoAssets(tx, tenantId, clock, adminId, unitIds, undefined, records, rainSewerProject);
    // 检查井 are 排水's (its 防汛 and 五防 work is counted there) and shown in the 市政 view as well
    await seedLineShared(tx, tenantId, { municipal: ['DRN-MANHOLE'] }, clock.now().toISOString());
    // 燃气安全: the 2023 checks, hazards and 三件套 of the bureau's report, commercial users, this year's work in hand.
    if (records) await seedDemoGas(tx, tenantId, clock, adminId);
    // 门前三包 in the streets and townships: agreements, inspections, published lists, volunteers, committees (synthetic).
    if (!(await hasFrontage(tx, tenantId)))
      await seedFrontage(
        tx,
        tenantId,
        clock,
        adminId,
        demoFrontage(zonedDate(clock.now(), 'Asia/Shanghai'), streetIds),
      );
    // 文明黄线: 300 shops and 120 stalls as in the bureau's 2023 report; names, places and inspections synthetic.
    if (records) await seedDemoYellowLine(tx, tenantId, clock, adminId);
    // 车辆监管: 24 sprinklers and 20 muck trucks with their routes (synthetic, docs/vehicles.md).
    await seedDemoVehicles(tx, tenantId, clock, assetIds);
    // 行政审批: the application types with their checklists, the 2023 totals of the report and a few open ones.
    if (records) await seedDemoApprovals(tx, tenantId, clock, adminId);
    // 目标任务: items of the 2024 工作计划, some read from the report's figures, some reported by hand (docs/targets.md)
    if (records) await seedDemoTargets(tx, tenantId, clock, adminId, unitIds);
    // 专项行动, problem lists, 课题, honours and publicity: the 2023 totals of the bureau's report (docs/campaigns.md).
    if (records) await seedDemoCampaigns(tx, tenantId, clock, adminId, unitIds);
    const demoHash = await hashPassword(DEMO_PASSWORD);
    const certificates: { userId: string; name: string; certNo: string }[] = [];
    let inspectorId = adminId;
    for (const u of DAYE_USERS) {
      const unitId = unitIds.get(u.unit) ?? null;
      if (u.username === 'admin') {
        await seedUserUnit(tx, tenantId, adminId, unitId);
        continue;
      }
      const unitBound = u.role === 'unitHandler' || u.role === 'unitManager';
      const userId = await seedUser(tx, tenantId, clock, {
        username: u.username,
        displayName: u.displayName,
        phone: '13800000000',
        passwordHash: demoHash,
        unitId,
        role: u.role,
        unitBound,
      });
      if (u.username === 'inspector') inspectorId = userId;
      // Synthetic 执法证 numbers for the officers and the squad leader (steps need a valid certificate).
      if (u.role === 'enforcementOfficer' || u.role === 'squadLeader')
        certificates.push({
          userId,
          name: u.displayName,
          certNo: `420281001${String(certificates.length + 1).padStart(2, '0')}`,
        });
    }
    await seedDemoRegisters(tx, tenantId, clock.now().toISOString(), certificates);
    // 巡检 and 服务外包考核: plans, this week's pump-station round, the rounds before it with their orders, contracts.
    await seedDemoInspections(
      tx,
      tenantId,
      clock,
      adminId,
      inspectorId,
      unitIds,
      streetIds,
      zonedDate(clock.now(), 'Asia/Shanghai'),
    );
    // 人大建议/政协提案: the 2023 totals of the work report, and two items of this year in hand (docs/proposals.md)
    if (records)
      await seedDemoProposals(tx, tenantId, clock, adminId, unitIds, zonedDate(clock.now(), 'Asia/Shanghai'));
    // Enforcement cases: the 2023 totals of the work report, and open cases in every stage (docs/demo-city.md).
    if (records)
      await seedDemoEnforcement(tx, tenantId, clock, {
        today: zonedDate(clock.now(), 'Asia/Shanghai'),
        createdBy: certificates[0]?.userId ?? adminId,
        officers: certificates,
        squads: ['SQUAD1', 'SQUAD2', 'SQUAD3', 'SQUAD4'].flatMap((c) =>
          unitIds.get(c) ? [unitIds.get(c) as string] : [],
        ),
        decisionPrefix: DEFAULT_ENFORCEMENT_SETTINGS.decisionPrefix,
        summaryPrefix: DEFAULT_ENFORCEMENT_SETTINGS.summaryPrefix,
      });
  });
  return true;
}
