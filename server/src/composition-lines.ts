/**
 * The business lines of the bureau, built on the closed loop's services: 查违控违, 户外广告, 夜市, the registers of
 * 环卫/园林/市政/排水/渣土/燃气 and their views, 文明黄线, 专项行动, 跨区域, 门前三包, 行政审批, 车辆监管, 建议提案, 项目, 燃气安全.
 * Part of the composition root (composition.ts, docs/architecture.md "Composition root"): it only wires factories.
 */
import type { Config } from './config.ts';
import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db.ts';
import type { ImportUpload, createImportJobs } from './modules/imports/index.ts';
import type { createAuditService } from './modules/audit/index.ts';
import type { createGeoService } from './modules/geo/index.ts';
import type { createCalendarService } from './modules/calendar/index.ts';
import type { createSettingsService } from './modules/settings/index.ts';
import type { createPhotoService } from './modules/photos/index.ts';
import type { createCaseService } from './modules/cases/index.ts';
import type { createEnforcementModule } from './modules/enforcement/index.ts';
import type { createKpiService } from './modules/kpi/index.ts';
import type { createGazetteerService } from './modules/gazetteer/index.ts';
import type { Crs } from '../../common/domain/geo.ts';
import { createIllegalConstruction } from './modules/illegal-construction/index.ts';
import { createOutdoorAds } from './modules/outdoor-ads/index.ts';
import { createNightMarket } from './modules/night-market/index.ts';
import { createYellowLine } from './modules/yellow-line/index.ts';
import { createProposals } from './modules/proposals/index.ts';
import { createGasSafety } from './modules/gas-safety/index.ts';
import { createAssetServices } from './modules/assets/index.ts';
import { createLineViews } from './modules/line-views/index.ts';
import { createFederation } from './modules/federation/index.ts';
import { createFrontage } from './modules/frontage/index.ts';
import { createApprovals, muckPermitEffect, outdoorAdEffect, yellowLineEffect } from './modules/approvals/index.ts';
import { createProjects } from './modules/projects/index.ts';
import { createCampaigns } from './modules/campaigns/index.ts';
import { createVehicles } from './modules/vehicles/index.ts';
import { createDeviceKeyBox } from './modules/devices/index.ts';

/** The loop's services the lines are built on. */
export interface LineDeps {
  audit: ReturnType<typeof createAuditService>;
  geo: ReturnType<typeof createGeoService>;
  calendar: ReturnType<typeof createCalendarService>;
  settings: ReturnType<typeof createSettingsService>;
  photos: ReturnType<typeof createPhotoService>;
  cases: ReturnType<typeof createCaseService>;
  enforcement: ReturnType<typeof createEnforcementModule>;
  imports: ReturnType<typeof createImportJobs>;
  kpi: ReturnType<typeof createKpiService>;
  gazetteer: ReturnType<typeof createGazetteerService>;
}

export function createBusinessLines(database: Database, clock: Clock, config: Config, deps: LineDeps) {
  const { audit, geo, calendar, settings, photos, cases, enforcement, imports, kpi, gazetteer } = deps;
  const param = (u: ImportUpload, name: string) => u.params[name] ?? undefined;
  // 查违控违 and 户外广告 registers; each adds its section to the statistics report.
  const illegalConstruction = createIllegalConstruction(
    database,
    clock,
    audit,
    config.businessTimeZone,
    enforcement.siteDocuments,
  );
  const outdoorAds = createOutdoorAds(database, clock, audit, config.businessTimeZone);
  // 夜市摊位分配: the 无未缴罚款 rule reads the enforcement register through its party lookup, with the reviewer's
  // own permission; a decided fine not yet paid is one in 送达 or 执行 (docs/night-market.md, "Eligibility").
  const nightMarket = createNightMarket(database, clock, {
    audit,
    secrets: config.audit.keys,
    timeZone: config.businessTimeZone,
    fines: {
      async unpaidFines(actor, idNumber) {
        if (!actor.permissions.has('enforcement.read')) return null;
        const cases = await enforcement.lookupParty(actor, { idNumber });
        return cases.some((c) => (c.stage === 'serving' || c.stage === 'executing') && (c.fineFen ?? 0) > 0);
      },
    },
  });
  // The registers of 环卫/园林/市政/排水/渣土/燃气 on one framework (docs/assets.md), a report section per line.
  const assets = createAssetServices(
    database,
    clock,
    audit,
    geo,
    {
      calendar,
      holdPhotos: (tx, tenantId, holder, ids, userId) => photos.holdPhotos(tx, tenantId, holder, ids, userId),
      // a failed inspection item that is a city-management matter is filed as the inspector's own report
      fileCase: async (actor, input, key) => {
        const filed = await cases.create(actor, input, key);
        return { id: filed.body.id, caseNo: filed.body.caseNo };
      },
    },
    config.businessTimeZone,
  );
  // the console's per-line views, panels and layers over the registers (docs/lines.md)
  const lineViews = createLineViews(database, clock, { settings, assets, audit, timeZone: config.businessTimeZone });
  imports.register('assets', (actor, u, key) =>
    assets.assets.importAssets(
      actor,
      (['csv', 'xlsx'] as const).find((f) => f === param(u, 'format')) ?? 'geojson',
      u.bytes,
      param(u, 'crs') as Crs | undefined,
      key,
    ),
  );
  // 文明黄线 (docs/yellow-line.md): zones inside the city boundary, inspections with photos, the tenant's repeat counts.
  const yellowLine = createYellowLine(database, clock, {
    audit,
    geo,
    settings,
    holdPhotos: (tx, tenantId, holder, ids, userId) => photos.holdPhotos(tx, tenantId, holder, ids, userId),
    timeZone: config.businessTimeZone,
  });
  // 专项行动, problem lists, 课题, honours and publicity (docs/campaigns.md): deadlines on the work calendar, evidence
  // through the photos module's hold.
  const campaigns = createCampaigns(database, clock, {
    audit,
    timeZone: config.businessTimeZone,
    calendar,
    holdPhotos: (tx, tenantId, holder, ids, userId) => photos.holdPhotos(tx, tenantId, holder, ids, userId),
  });
  imports.register('assets.logs', (actor, u, key) => assets.logs.importWeighbridge(actor, u.bytes, key));
  // 全域与跨区域 (docs/federation.md): private keys encrypted under the secret ring; transfers become cases through
  // the case intake.
  const federation = createFederation(database, clock, {
    audit,
    enforcement: enforcement.peerOffences,
    settings,
    cases,
    kpi,
    // a transfer's photos travel in its signed message and are stored at the receiver as uploads
    photos,
    secrets: config.audit.keys,
    dataDir: config.dataDir,
    reportUpDir: config.reportUpDir,
    timeZone: config.businessTimeZone,
  });
  // 门前三包: agreements, inspections and the monthly lists (rule as a tenant setting), volunteers, committees
  const frontage = createFrontage(database, clock, { audit, settings, timeZone: config.businessTimeZone });
  // 行政审批 (docs/approvals.md): a grant writes the entry of the type's register in the decision's transaction;
  // each register that lives in another module is wired here by type code.
  const approvals = createApprovals(database, clock, { audit, calendar });
  approvals.effects.register('outdoor_ad', outdoorAdEffect(outdoorAds.service));
  // 车辆监管 (docs/vehicles.md): GPS keys sealed like device keys; roads from the gazetteer, sites from the 渣土 register.
  const vehicles = createVehicles(database, clock, {
    audit,
    settings,
    keys: createDeviceKeyBox(config.audit.keys),
    roads: (tenantId) => gazetteer.publicRoads(tenantId),
    muckEntries: (tenantId) => assets.assets.muckEntries(tenantId),
    leads: enforcement.leads.intake,
  });
  approvals.effects.register('yellow_line', yellowLineEffect(yellowLine.service));
  approvals.effects.register('construction_waste', muckPermitEffect(assets.registrar));
  // 人大建议/政协提案: last days on the tenant's work calendar, the reply limit a tenant setting (docs/proposals.md)
  const proposals = createProposals(database, clock, { audit, calendar, settings });
  // 项目与资金 (docs/projects.md): progress reports keep their evidence photos through the photos module.
  const projects = createProjects(database, clock, {
    audit,
    timeZone: config.businessTimeZone,
    holdPhotos: (tx, tenantId, holder, ids, userId) => photos.holdPhotos(tx, tenantId, holder, ids, userId),
  });
  // 燃气安全 (docs/gas-safety.md): checks, hazards closed only by a re-inspection with a photo, the household 三件套
  const gasSafety = createGasSafety(database, clock, {
    audit,
    timeZone: config.businessTimeZone,
    holdPhotos: (tx, tenantId, holder, ids, userId) => photos.holdPhotos(tx, tenantId, holder, ids, userId),
  });
  return {
    illegalConstruction,
    outdoorAds,
    nightMarket,
    assets,
    lineViews,
    yellowLine,
    campaigns,
    federation,
    frontage,
    approvals,
    vehicles,
    proposals,
    projects,
    gasSafety,
  };
}
