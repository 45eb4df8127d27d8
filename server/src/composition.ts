/**
 * The composition root: the one place that builds every module's services from their dependencies (docs/architecture.md,
 * "Composition root"). Modules export factories through their index.ts and never build each other; app.ts takes
 * what this returns and registers the routes, tests reach the same objects through `app.services`.
 */
import type { Config } from './config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Database } from './platform/db.ts';
import { LiveHub } from './platform/live-events.ts';
import { MemoryHitCounter, type HitCounter } from './platform/rate-counter.ts';
import { ChainKeys } from './platform/chain-keys.ts';
import { CheckpointStore } from './platform/checkpoint-store.ts';
import {
  createAfterPhotoSettings,
  createWorkflowSettings,
  createCaseService,
  createPublicOutputSettings,
  createStepLimits,
  innerJoinCases,
  leftJoinCases,
} from './modules/cases/index.ts';
import { createAuditService, createAuditWriter } from './modules/audit/index.ts';
import { createAuthService } from './modules/auth/index.ts';
import { createCalendarService } from './modules/calendar/index.ts';
import { createNoticeService } from './modules/notices/index.ts';
import { createCatalogServices } from './modules/catalog/index.ts';
import { componentsInRegion, createComponentServices, relocateComponents } from './modules/components/index.ts';
import { createGeoService, gridsInRegion } from './modules/geo/index.ts';
import { accountDirectory, createOrgServices } from './modules/org/index.ts';
import { createPhotoService } from './modules/photos/index.ts';
import { createRoutingService } from './modules/routing/index.ts';
import { createSettingsService } from './modules/settings/index.ts';
import { createOpen311Services } from './modules/open311/index.ts';
import { createHotlineService, createPushAdapter, hotlineSection } from './modules/hotline/index.ts';
import { createCitizenService } from './modules/citizen/index.ts';
import { createNotifyService } from './modules/notify/index.ts';
import { createParticipationService } from './modules/participation/index.ts';
import type { ExportSources } from './modules/exports/index.ts';
import { createInspectorMissed, createKpiService } from './modules/kpi/index.ts';
import { createDashboardService, createReportService } from './modules/reports/index.ts';
import { createAnalysisService, createGovernanceService } from './modules/analysis/index.ts';
import { createImportJobs, type ImportUpload } from './modules/imports/index.ts';
import { createPrefecture } from './modules/prefecture/index.ts';
import { createYearbook } from './modules/yearbook/index.ts';
import { createTargets } from './modules/targets/index.ts';
import { demoSignIn } from './seed/daye-org.ts';
import { createEnforcementModule } from './modules/enforcement/index.ts';
import { createMonitor } from './modules/monitor/index.ts';
import { createGazetteerService } from './modules/gazetteer/index.ts';
import { createBusinessLines } from './composition-lines.ts';
import { icRowsInRegion } from './modules/illegal-construction/index.ts';
import { oaRowsInRegion } from './modules/outdoor-ads/index.ts';
import { createSupervisionPrint, createSupervisionService } from './modules/supervision/index.ts';
import { createDossierBatches, createDossierService } from './modules/dossier/index.ts';
import { createDeviceMaintenance, createDevices } from './modules/devices/index.ts';
import { createTelemetry } from './modules/telemetry/index.ts';
import { createAlarms } from './modules/alarms/index.ts';
import { createVision } from './modules/vision/index.ts';
import type { HotlineSource } from '../../common/contracts/hotline.ts';
import type { Crs } from '../../common/domain/geo.ts';
import type { GeoLayerLevel } from '../../common/contracts/geo.ts';

export interface CompositionOptions {
  /** Where rate limits count (Redis across instances, else this process's memory): platform/rate-counter.ts. */
  hits?: HitCounter;
}

export function createServices(
  database: Database,
  config: Config,
  clock: Clock = systemClock,
  options: CompositionOptions = {},
) {
  // Hash-chain keys and checkpoints live outside the database (docs/security.md "Tamper evidence").
  const chainKeys = new ChainKeys(config.audit.keys);
  const audit = createAuditService(database, clock, {
    keys: chainKeys,
    checkpoints: new CheckpointStore(config.audit.checkpointDir, chainKeys),
  });
  const auditWriter = createAuditWriter(database, audit);
  // Accounts are org's rows and org sits above auth: auth reads and stamps them through org's directory.
  const auth = createAuthService(database, clock, config, audit, accountDirectory);
  // A region still holding grids, components, 查违控违 or 户外广告 records cannot be deleted (their modules own those
  // rows and depend on org).
  const org = createOrgServices(
    database,
    clock,
    audit,
    [gridsInRegion, componentsInRegion, icRowsInRegion, oaRowsInRegion],
    config.publicTenant,
  );
  const catalog = createCatalogServices(database, clock, audit, config.imports);
  // Re-drawn grids move the components in them (the components module owns those rows and depends on geo).
  const geo = createGeoService(database, clock, audit, relocateComponents);
  const components = createComponentServices(database, clock, audit, catalog.catalog, geo, config.imports);
  const settings = createSettingsService(database, clock, audit);
  const calendar = createCalendarService(database, clock, audit, settings);
  const notices = createNoticeService(database, clock, audit);
  const routing = createRoutingService(database, clock, audit, settings, geo);
  const live = new LiveHub();
  // Photos on a case are shown to exactly those who may see the case (late-bound: the two services need each other).
  const photos = createPhotoService(database, clock, config, {
    canViewCase: (actor, caseId) => cases.canView(actor, caseId),
    joinCase: innerJoinCases,
    // 养护工单 keep their photos through the photos module (late-bound like the case rule)
    canViewHeld: async (actor, holder) =>
      (holder.startsWith('work_order:') && assets.workOrders.canView(actor, holder.slice('work_order:'.length))) ||
      // 文明黄线 inspections keep their photos the same way
      (holder.startsWith('yl_inspection:') &&
        yellowLine.service.canViewInspection(actor, holder.slice('yl_inspection:'.length))) ||
      // a progress report's evidence photos, for whoever may read the projects (docs/projects.md)
      (holder.startsWith('project_report:') &&
        projects.service.canViewReport(actor, holder.slice('project_report:'.length))) ||
      // 专项行动 reports and rectified items keep their evidence the same way
      (holder.startsWith('campaign_') && campaigns.canViewHeld(actor, holder)) ||
      // 燃气 hazards keep their rectification and re-inspection photos the same way
      (holder.startsWith('gas_hazard:') &&
        gasSafety.hazards.canViewHazard(actor, holder.slice('gas_hazard:'.length))) ||
      // a plan target's progress evidence, for whoever may read the targets (docs/targets.md)
      (holder.startsWith('target_report:') &&
        targets.service.canViewReport(actor, holder.slice('target_report:'.length))),
  });
  const stepLimits = createStepLimits(database, settings);
  // 监督员管理 sits below cases: the 发核实/发核查 picker orders inspectors by duty and distance through it.
  const monitor = createMonitor(database, clock, {
    audit,
    settings,
    calendar,
    geo,
    missed: createInspectorMissed(database),
    census: {
      registry: components.census,
      className: async (tenantId, classCode) => {
        const entry = (await catalog.catalog.catalogOf(tenantId)).byKey.get(`component:${classCode}`);
        return entry && Number(entry.active) === 1 ? entry.name : null;
      },
    },
  });
  const cases = createCaseService(database, clock, {
    inspectorChoices: (tenantId, at) => monitor.choices(tenantId, at),
    gridInspectors: (tenantId, gridCode) => monitor.gridInspectors(tenantId, gridCode),
    calendar,
    geo,
    live,
    stepLimits,
    routing,
    photos,
    settings,
    chainKeys,
    // Subscriptions hear of every status change in its transaction (late-bound: participation reads cases).
    statusWatch: { changed: (tx, c, to, at) => participation.changed(tx, c, to, at) },
    // 督办 issues a 督办单 in the same transaction (late-bound: supervision takes its steps through cases).
    escalationWatch: { escalated: (tx, actor, c, input, at) => supervision.escalated(tx, actor, c, input, at) },
  });
  const supervision = createSupervisionService(database, clock, { calendar, cases, photos, live });
  const supervisionPrint = createSupervisionPrint(database, supervision, cases);
  const dossier = createDossierService(database, {
    cases,
    supervision,
    photos,
    fontPath: config.cjkFontPath,
  });
  const participation = createParticipationService(database, clock, {
    cases,
    audit,
    secret: config.sessionSecret,
    channels: { sms: config.sms.gateway === 'http', wechat: false },
  });
  const publicOutput = createPublicOutputSettings(database, settings, cases);
  const afterPhotos = createAfterPhotoSettings(database, settings);
  const workflow = createWorkflowSettings(database, settings, (tenantId, gridCode) =>
    monitor.gridInspectors(tenantId, gridCode),
  );
  // ID numbers of parties are encrypted under keys derived from the same secret ring as the tamper evidence.
  const enforcement = createEnforcementModule(database, clock, {
    audit,
    calendar,
    settings,
    cityCases: cases,
    secrets: config.audit.keys,
    dataDir: config.dataDir,
    fontPath: config.cjkFontPath,
  });
  const notify = createNotifyService(database, clock, config.sms, leftJoinCases);
  const hotline = createHotlineService(database, clock, {
    calendar,
    settings,
    audit,
    cases,
    notify,
    push: createPushAdapter(config.hotlinePush),
    calls: { live, secrets: config.audit.keys },
    timeZone: config.businessTimeZone,
    importLimits: config.imports,
  });
  const citizen = createCitizenService(database, config, {
    cases,
    photos,
    org,
    catalog: catalog.catalog,
    settings,
    notify,
    clock,
  });
  const open311 = createOpen311Services(database, clock, audit, {
    cases,
    photos,
    org,
    geo,
    hits: options.hits ?? new MemoryHitCounter(() => clock.now().getTime()),
  });
  // Every import runs as a job (docs/imports.md): each kind is the module's own import, given the stored upload.
  const imports = createImportJobs(database, clock, auth, config.imports);
  // Month batches of 案卷 run as persistent jobs under the requester's current scope (docs/dossier.md).
  const dossierBatches = createDossierBatches(database, clock, dossier, auth, config.dossierBatchKeepHours * 3_600_000);
  const param = (u: ImportUpload, name: string) => u.params[name] ?? undefined;
  const json = (u: ImportUpload): unknown => JSON.parse(u.bytes.toString('utf8'));
  imports.register(
    'hotline.orders',
    async (actor, u, key) => (await hotline.importFile(actor, param(u, 'source') as HotlineSource, u.bytes, key)).body,
  );
  imports.register('catalog.conditions', (actor, u, key) =>
    catalog.standards.importSheet(actor, u.bytes, param(u, 'mode') === 'replace' ? 'replace' : 'append', key),
  );
  imports.register('components', (actor, u, key) =>
    components.importComponents(
      actor,
      param(u, 'format') === 'json'
        ? { kind: 'json', body: json(u) }
        : { kind: 'file', ...(param(u, 'filename') ? { filename: param(u, 'filename') } : {}), bytes: u.bytes },
      param(u, 'crs') as Crs | undefined,
      key,
    ),
  );
  imports.register('geo.layer', (actor, u, key) =>
    geo.importLayer(actor, param(u, 'level') as GeoLayerLevel, json(u), param(u, 'crs') as Crs | undefined, key),
  );
  // Address and place search over roads, POIs and house numbers plus geo's streets and communities.
  const gazetteer = createGazetteerService(database, clock, audit, geo);
  imports.register('gazetteer', (actor, u, key) =>
    gazetteer.importPlaces(actor, param(u, 'format') === 'csv' ? 'csv' : 'geojson', u.bytes, key),
  );
  const kpi = createKpiService(database, clock, settings);
  // 城市之感 (docs/iot.md): alarms file their cases through the intake on channel sensor, or join an open case nearby.
  const devices = createDevices(database, clock, { audit, geo, secrets: config.audit.keys });
  const deviceMaintenance = createDeviceMaintenance(database, clock, { audit, settings });
  const alarms = createAlarms(database, clock, {
    devices,
    maintenance: deviceMaintenance,
    audit,
    live,
    intake: (tenantId, input, idem) => cases.intake(tenantId, input, idem),
    joinSource: (tenantId, caseId, src) => cases.joinSource(tenantId, caseId, src),
    duplicates: (tenantId, q) => routing.findDuplicates(tenantId, q),
    timeZone: config.businessTimeZone,
  });
  // 城市之眼 (docs/vision.md): camera and drone events become cases pending 核实 on channel camera, or join one nearby.
  const vision = createVision(database, clock, {
    audit,
    live,
    secrets: config.audit.keys,
    imageHosts: config.visionImageHosts,
    locatePoint: (tenantId, lng, lat) => geo.locatePoint(tenantId, lng, lat),
    photos,
    intake: (tenantId, input, idem) => cases.intake(tenantId, input, idem),
    duplicates: (tenantId, q) => routing.findDuplicates(tenantId, q),
    cases,
    leads: enforcement.leads.intake,
  });
  const telemetry = createTelemetry(database, clock, { devices, watch: alarms.watch, config: config.telemetry });
  // The business lines of the bureau (查违控违 … 燃气安全) on the loop's services: composition-lines.ts.
  const lines = createBusinessLines(database, clock, config, {
    audit,
    geo,
    calendar,
    settings,
    photos,
    cases,
    enforcement,
    imports,
    kpi,
    gazetteer,
  });
  const {
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
  } = lines;
  const reports = createReportService(database, clock, kpi, [
    enforcement.reportSection,
    hotlineSection(config.businessTimeZone),
    illegalConstruction.reportSection,
    outdoorAds.reportSection,
    nightMarket.reportSection,
    yellowLine.reportSection,
    ...assets.reportSections,
    gasSafety.reportSection,
    frontage.reportSection,
    approvals.reportSection,
    proposals.reportSection,
    projects.reportSection,
    campaigns.reportSection,
  ]);
  // 目标任务 (docs/targets.md): progress read from the report's figures; its own section joins the report
  const targets = createTargets(database, clock, {
    audit,
    reports,
    holdPhotos: (tx, tenantId, holder, ids, userId) => photos.holdPhotos(tx, tenantId, holder, ids, userId),
  });
  // 年度工作总結 (docs/yearbook.md): prose with live figures from the report's sections
  const yearbook = createYearbook(database, clock, { audit, reports }, config.cjkFontPath);
  const dashboard = createDashboardService(database, clock, kpi);
  // 地级市 view (docs/prefecture.md): the linked counties' KPI roll-ups, summed; never their cases.
  const prefecture = createPrefecture(database, clock, { audit, kpi });
  const analysis = createAnalysisService(database, clock, kpi);
  const governance = createGovernanceService(database, clock, kpi, settings, audit);
  /** The console lists the Excel exports page through, each with its own service's filters and permission. */
  const exportSources: ExportSources = {
    cases,
    users: org.users,
    units: org.units,
    regions: org.regions,
    audit,
    catalog: catalog.catalog,
    routing: routing.rules,
    icReports: { list: (actor, q) => illegalConstruction.service.listReports(actor, q) },
    icDemolitions: { list: (actor, q) => illegalConstruction.service.listDemolitions(actor, q) },
    icLetters: { list: (actor, q) => illegalConstruction.service.listLetters(actor, q) },
    outdoorAds: { list: (actor, q) => outdoorAds.service.list(actor, q) },
    adRemovals: { list: (actor, q) => outdoorAds.service.listRemovals(actor, q) },
    enforcementCases: { list: (actor, q) => enforcement.list(actor, q) },
    supervisionOrders: supervision,
    approvalApplications: approvals.service,
    approvalConsultations: { list: (actor, q) => approvals.service.listConsultations(actor, q) },
    proposals: proposals.service,
    projects: projects.service,
    publicity: { list: (actor, q) => campaigns.records.publicity(actor, q) },
    honours: { list: (actor, q) => campaigns.records.honours(actor, q) },
    frontageAgreements: { list: (actor, q) => frontage.service.listAgreements(actor, q) },
    frontageInspections: { list: (actor, q) => frontage.service.listInspections(actor, q) },
    frontageLists: { list: (actor, q) => frontage.print.listRows(actor, q) },
    yellowLineZones: { list: (actor, q) => yellowLine.service.list(actor, q) },
    targets: { list: (actor, q) => targets.service.list(actor, q) },
    inspectionPlans: assets.plans,
    contracts: assets.contracts,
  };
  return {
    chainKeys,
    audit,
    auditWriter,
    auth,
    org,
    catalog,
    settings,
    calendar,
    geo,
    gazetteer,
    components,
    photos,
    routing,
    live,
    stepLimits,
    cases,
    publicOutput,
    afterPhotos,
    workflow,
    notices,
    enforcement,
    hotline,
    notify,
    citizen,
    participation,
    open311,
    imports,
    kpi,
    reports,
    yearbook,
    dashboard,
    analysis,
    governance,
    illegalConstruction: illegalConstruction.service,
    outdoorAds: outdoorAds.service,
    nightMarket: nightMarket.service,
    yellowLine: yellowLine.service,
    proposals: proposals.service,
    gasSafety,
    assets,
    vehicles,
    federation,
    prefecture,
    frontage: frontage.service,
    frontagePrint: frontage.print,
    approvals: approvals.service,
    approvalEffects: approvals.effects,
    projects: projects.service,
    campaigns,
    monitor,
    supervision,
    supervisionPrint,
    dossier,
    dossierBatches,
    devices,
    deviceMaintenance,
    telemetry,
    alarms,
    lineViews,
    targets: targets.service,
    vision,
    exportSources,
    signInHints: { demo: config.seedDemo ? demoSignIn() : null },
  };
}
export type Services = ReturnType<typeof createServices>;
