import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import ajvFormats from 'ajv-formats';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Database } from './platform/db.ts';
import { installErrorHandler } from './platform/http-errors.ts';
import { logSerializers } from './platform/log-privacy.ts';
import { lazySchemaCompilers } from './platform/lazy-schemas.ts';
import { installAccessLog } from './platform/access-log.ts';
import { installFiniteNumberGuard } from './platform/finite-numbers.ts';
import { installControlCharacterGuard } from './platform/control-chars.ts';
import { newId } from './platform/ids.ts';
import { notFound } from './platform/errors.ts';
import { serveWebClient } from './platform/web-client.ts';
import { createServices, type Services } from './composition.ts';
import { openRateCounting } from './platform/rate-counter.ts';
import {
  registerAfterPhotoRoutes,
  registerWorkflowRoutes,
  registerCaseRoutes,
  registerLiveRoute,
  registerPublicOutputRoutes,
} from './modules/cases/index.ts';
import { registerAuditRoutes } from './modules/audit/index.ts';
import { installAuthHooks, registerAuthRoutes } from './modules/auth/index.ts';
import { registerCalendarRoutes } from './modules/calendar/index.ts';
import { registerNoticeRoutes } from './modules/notices/index.ts';
import { registerSupervisionRoutes } from './modules/supervision/index.ts';
import { registerDossierRoutes } from './modules/dossier/index.ts';
import { registerCatalogRoutes } from './modules/catalog/index.ts';
import { registerComponentRoutes } from './modules/components/index.ts';
import { registerBasemapRoute, registerGeoRoutes } from './modules/geo/index.ts';
import { registerHealthRoutes } from './modules/health/index.ts';
import { registerOrgRoutes } from './modules/org/index.ts';
import { registerPhotoRoutes } from './modules/photos/index.ts';
import { registerRoutingRoutes } from './modules/routing/index.ts';
import { registerOpen311 } from './modules/open311/index.ts';
import { registerHotlineRoutes } from './modules/hotline/index.ts';
import { registerCitizenRoutes } from './modules/citizen/index.ts';
import { registerParticipationRoutes } from './modules/participation/index.ts';
import { registerNightMarketRoutes } from './modules/night-market/index.ts';
import { registerYellowLineRoutes } from './modules/yellow-line/index.ts';
import { registerVehicleRoutes } from './modules/vehicles/index.ts';
import { registerPrefectureRoutes } from './modules/prefecture/index.ts';
import { registerProposalRoutes } from './modules/proposals/index.ts';
import { registerGasSafetyRoutes } from './modules/gas-safety/index.ts';
import { installLineGuard, registerLineViewRoutes } from './modules/line-views/index.ts';
import { registerExportRoutes } from './modules/exports/index.ts';
import { registerKpiRoutes } from './modules/kpi/index.ts';
import { registerAnalysisRoutes } from './modules/analysis/index.ts';
import { registerReportRoutes } from './modules/reports/index.ts';
import { registerYearbookRoutes } from './modules/yearbook/index.ts';
import { registerImportRoutes } from './modules/imports/index.ts';
import { registerIllegalConstructionRoutes } from './modules/illegal-construction/index.ts';
import { registerOutdoorAdsRoutes } from './modules/outdoor-ads/index.ts';
import { registerAssetRoutes, registerInspectionRoutes } from './modules/assets/index.ts';
import { registerFederationRoutes } from './modules/federation/index.ts';
import { registerFrontageRoutes } from './modules/frontage/index.ts';
import { registerApprovalsRoutes } from './modules/approvals/index.ts';
import { registerProjectRoutes } from './modules/projects/index.ts';
import { registerTargetRoutes } from './modules/targets/index.ts';
import { registerCampaignRoutes } from './modules/campaigns/index.ts';
import { registerEnforcementDocumentRoutes, registerEnforcementRoutes } from './modules/enforcement/index.ts';
import { registerEnforcementLeadRoutes } from './modules/enforcement/index.ts';
import { registerMonitorRoutes } from './modules/monitor/index.ts';
import { registerGazetteerRoutes } from './modules/gazetteer/index.ts';
import { registerDeviceRoutes, registerMaintenanceRoutes } from './modules/devices/index.ts';
import { registerTelemetryRoutes, startMqttConsumer } from './modules/telemetry/index.ts';
import { registerAlarmRoutes } from './modules/alarms/index.ts';
import { registerVisionRoutes, registerVisionWebhook } from './modules/vision/index.ts';

export type { Services } from './composition.ts';

export const VERSION = '0.1.0';

export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  permission: string | null;
  /** the route's JSON schemas (body, querystring, params, headers, response): the generated fuzz tests read them */
  schema?: Record<string, unknown>;
}

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  /** false in tests that do not need the pino output */
  logger?: boolean;
  /** where the log lines go (default stdout): tests that read the log pass one */
  logStream?: { write(line: string): void };
}

/** Headers and body fields never written to logs (brief: secrets never logged). */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** Builds the whole HTTP app; used by main.ts and by tests (app.inject) alike. */
export async function buildApp(deps: AppDeps): Promise<
  FastifyInstance & {
    services: Services;
    routeTable: readonly RouteEntry[];
    /** compiles every route schema not compiled yet (they compile on first use); returns how many */
    compileSchemas: () => number;
  }
> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  // Route schemas are compiled on each route's first request rather than at start (platform/lazy-schemas.ts).
  const schemas = lazySchemaCompilers();
  const app = Fastify({
    schemaController: { compilersFactory: schemas.compilersFactory as never },
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: { paths: REDACT, censor: '[redacted]' },
            serializers: logSerializers,
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    // ACCESS_LOG: one access line per request by default, Fastify's own two lines, or none (platform/access-log.ts)
    logController: new LogController({ disableRequestLogging: config.accessLog !== 'fastify' }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => newId(),
    ajv: {
      customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true },
      plugins: [ajvFormats.default ?? ajvFormats],
    },
  });
  if (config.accessLog === 'line' && deps.logger !== false) installAccessLog(app);
  installErrorHandler(app);
  installFiniteNumberGuard(app);
  installControlCharacterGuard(app);
  // The route table, for the generated permission matrix (every route × every role) and the docs.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        public: route.config?.public === true,
        permission: route.config?.permission ?? null,
        schema: route.schema as Record<string, unknown> | undefined,
      });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // antd renders CSS-in-JS style tags; Swagger UI needs inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        // The inspector app's service worker, /h5-sw.js from this origin (docs/h5-offline.md); no other workers.
        workerSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  // Rate limits count in Redis when configured, so N instances admit each limit once (docs/security.md, "Rate limits across instances").
  const rates = await openRateCounting(config.redis, clock, (err) =>
    app.log.warn({ err }, 'rate limits: Redis unavailable, admitting requests uncounted'),
  );
  app.addHook('onClose', () => rates.close());
  await app.register(rateLimit, { global: false, ...rates.pluginOptions });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'CityLoop API',
        description: '数字城管闭环平台 — CityLoop open-source urban-management platform',
        version: VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cityloop_sid' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const services = createServices(database, config, clock, { hits: rates.counter });
  installAuthHooks(app, services.auth);
  installLineGuard(app, services.lineViews);
  registerHealthRoutes(app, database, VERSION, { clock, photoStorage: () => services.photos.checkStorage() });
  registerAuthRoutes(app, services.auth, config, services.signInHints);
  registerOrgRoutes(app, services.org);
  registerAuditRoutes(app, services.audit);
  services.imports.useLogger(app.log);
  registerImportRoutes(app, services.imports);
  // Jobs started by requests finish (or are left to the sweep of the next start) before the database closes.
  app.addHook('onClose', () => services.imports.idle());
  await registerCatalogRoutes(app, services.catalog, services.imports);
  await registerGeoRoutes(app, services.geo, services.imports);
  registerBasemapRoute(app, config.basemap);
  // The citizen page's place search answers for the same city as the rest of /api/public (x-city, else the default).
  await registerGazetteerRoutes(app, services.gazetteer, services.imports, (req) => {
    const city = req.headers['x-city'];
    return services.citizen.tenant(typeof city === 'string' && /^[A-Za-z0-9_-]{1,20}$/.test(city) ? city : null);
  });
  await registerComponentRoutes(app, services.components, services.imports);
  registerCalendarRoutes(app, services.calendar);
  registerNoticeRoutes(app, services.notices);
  registerRoutingRoutes(app, services.routing);
  await registerPhotoRoutes(
    app,
    services.photos,
    async () => {
      const tenant = await services.org.publicTenant();
      if (!tenant) throw notFound('tenant');
      return { tenantId: tenant.id, channels: await services.cases.publicChannels(tenant.id) };
    },
    config.photos.uploadsPerMinuteUser,
  );
  registerCaseRoutes(app, services.cases, services.stepLimits);
  registerLiveRoute(app, services.live, services.auth, config.live);
  registerPublicOutputRoutes(app, services.publicOutput);
  registerAfterPhotoRoutes(app, services.afterPhotos);
  registerWorkflowRoutes(app, services.workflow);
  await registerEnforcementRoutes(app, services.enforcement);
  registerEnforcementLeadRoutes(app, services.enforcement.leads);
  await registerEnforcementDocumentRoutes(app, services.enforcement.records);
  await registerCitizenRoutes(app, services.citizen, config.publicLimits, clock, rates.counter);
  await registerParticipationRoutes(
    app,
    services.participation,
    (city) => services.citizen.tenant(city),
    clock,
    rates.counter,
  );
  services.notify.setLogger(app.log);
  await registerOpen311(app, services.open311, config.open311);
  await registerHotlineRoutes(app, services.hotline, services.imports);
  registerExportRoutes(app, services.exportSources, config.businessTimeZone, services.auditWriter);
  registerKpiRoutes(app, services.kpi);
  registerReportRoutes(app, services.reports, services.dashboard);
  registerYearbookRoutes(app, services.yearbook.service, services.yearbook.files);
  registerAnalysisRoutes(app, services.analysis, services.governance);
  registerIllegalConstructionRoutes(app, services.illegalConstruction);
  registerOutdoorAdsRoutes(app, services.outdoorAds);
  await registerNightMarketRoutes(
    app,
    services.nightMarket,
    (city) => services.citizen.tenant(city),
    clock,
    rates.counter,
  );
  registerVehicleRoutes(app, services.vehicles);
  await registerYellowLineRoutes(
    app,
    services.yellowLine,
    (city) => services.citizen.tenant(city),
    clock,
    rates.counter,
  );
  await registerAssetRoutes(app, services.assets, services.imports);
  await registerInspectionRoutes(app, services.assets, config.cjkFontPath);
  registerFederationRoutes(app, services.federation);
  registerPrefectureRoutes(app, services.prefecture);
  await registerFrontageRoutes(
    app,
    services.frontage,
    services.frontagePrint,
    (city) => services.citizen.tenant(city),
    clock,
    rates.counter,
  );
  registerApprovalsRoutes(app, services.approvals);
  registerProposalRoutes(app, services.proposals);
  registerGasSafetyRoutes(app, services.gasSafety);
  registerLineViewRoutes(app, services.lineViews);
  await registerProjectRoutes(app, services.projects);
  registerTargetRoutes(app, services.targets);
  await registerCampaignRoutes(app, services.campaigns);
  registerMonitorRoutes(app, services.monitor);
  registerSupervisionRoutes(app, services.supervision, services.supervisionPrint);
  services.dossierBatches.useLogger(app.log);
  app.addHook('onClose', () => services.dossierBatches.idle());
  registerDossierRoutes(app, services.dossier, services.dossierBatches);
  registerDeviceRoutes(app, services.devices);
  registerMaintenanceRoutes(app, services.deviceMaintenance);
  registerTelemetryRoutes(app, services.telemetry);
  registerAlarmRoutes(app, services.alarms);
  registerVisionRoutes(app, services.vision.sources, services.vision.review);
  await registerVisionWebhook(app, services.vision.intake);
  // Device messages arrive over MQTT only when a broker is configured (docs/iot.md).
  if (config.mqtt) {
    const consumer = await startMqttConsumer(config.mqtt, services.telemetry, app.log, services.vehicles.gps);
    app.addHook('onClose', () => consumer.close());
  }
  await serveWebClient(app, config.webDist);

  return Object.assign(app as unknown as FastifyInstance, {
    services,
    routeTable,
    compileSchemas: () => schemas.compilePending(),
  });
}
