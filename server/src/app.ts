import Fastify, { type FastifyInstance } from 'fastify';
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
import { installFiniteNumberGuard } from './platform/finite-numbers.ts';
import { installControlCharacterGuard } from './platform/control-chars.ts';
import { newId } from './platform/ids.ts';
import { notFound } from './platform/errors.ts';
import { serveWebClient } from './platform/web-client.ts';
import { LiveHub } from './platform/live-events.ts';
import { ChainKeys } from './platform/chain-keys.ts';
import { CheckpointStore } from './platform/checkpoint-store.ts';
import { openRateCounting } from './platform/rate-counter.ts';
import { createCaseService, createStepLimits, registerCaseRoutes, registerLiveRoute } from './modules/cases/index.ts';
import { createPublicOutputSettings, registerPublicOutputRoutes } from './modules/cases/index.ts';
import { createAuditService, createAuditWriter, registerAuditRoutes } from './modules/audit/index.ts';
import { createAuthService, installAuthHooks, registerAuthRoutes } from './modules/auth/index.ts';
import { createCalendarService, registerCalendarRoutes } from './modules/calendar/index.ts';
import { createCatalogServices, registerCatalogRoutes } from './modules/catalog/index.ts';
import { createComponentServices, registerComponentRoutes } from './modules/components/index.ts';
import { createGeoService, registerBasemapRoute, registerGeoRoutes } from './modules/geo/index.ts';
import { registerHealthRoutes } from './modules/health/index.ts';
import { createOrgServices, registerOrgRoutes } from './modules/org/index.ts';
import { createPhotoService, registerPhotoRoutes } from './modules/photos/index.ts';
import { createRoutingService, registerRoutingRoutes } from './modules/routing/index.ts';
import { createSettingsService } from './modules/settings/index.ts';
import { createOpen311Services, registerOpen311 } from './modules/open311/index.ts';
import { createHotlineService, createPushAdapter, registerHotlineRoutes } from './modules/hotline/index.ts';
import { createCitizenService, registerCitizenRoutes } from './modules/citizen/index.ts';
import { createNotifyService } from './modules/notify/index.ts';
import { registerExportRoutes } from './modules/exports/index.ts';
import { createKpiService, registerKpiRoutes } from './modules/kpi/index.ts';
import { createDashboardService, createReportService, registerReportRoutes } from './modules/reports/index.ts';
import { createImportJobs, registerImportRoutes, type ImportUpload } from './modules/imports/index.ts';
import type { HotlineSource } from '../../common/contracts/hotline.ts';
import type { Crs } from '../../common/domain/geo.ts';
import type { GeoLayerLevel } from '../../common/contracts/geo.ts';

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
}

/** Headers and body fields never written to logs (brief: secrets never logged). */
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

export function createServices(database: Database, clock: Clock, config: Config) {
  // Hash-chain keys and checkpoints live outside the database (docs/security.md "Tamper evidence").
  const chainKeys = new ChainKeys(config.audit.keys);
  const audit = createAuditService(database, clock, { keys: chainKeys, checkpoints: new CheckpointStore(config.audit.checkpointDir, chainKeys) });
  const auth = createAuthService(database, clock, config, audit);
  const org = createOrgServices(database, clock, audit, config.publicTenant);
  const catalog = createCatalogServices(database, clock, audit, config.imports);
  const geo = createGeoService(database, clock, audit);
  const components = createComponentServices(database, clock, audit, catalog.catalog, geo, config.imports);
  const settings = createSettingsService(database, clock, audit);
  const calendar = createCalendarService(database, clock, audit, settings);
  const routing = createRoutingService(database, clock, audit, settings, geo);
  const live = new LiveHub();
  // Photos on a case are shown to exactly those who may see the case (late-bound: the two services need each other).
  const photos = createPhotoService(database, clock, config, { canViewCase: (actor, caseId) => cases.canView(actor, caseId) });
  const stepLimits = createStepLimits(database, settings);
  const cases = createCaseService(database, clock, { calendar, geo, live, stepLimits, routing, photos, settings, chainKeys });
  const notify = createNotifyService(database, clock, config.sms);
  const hotline = createHotlineService(database, clock, { calendar, settings, audit, cases, notify, push: createPushAdapter(config.hotlinePush), timeZone: config.businessTimeZone, importLimits: config.imports });
  const citizen = createCitizenService(database, config, { cases, photos, org, catalog: catalog.catalog, settings });
  // Every import runs as a job (docs/imports.md): each kind is the module's own import, given the stored upload.
  const imports = createImportJobs(database, clock, auth, config.imports);
  const param = (u: ImportUpload, name: string) => u.params[name] ?? undefined;
  const json = (u: ImportUpload): unknown => JSON.parse(u.bytes.toString('utf8'));
  imports.register('hotline.orders', async (actor, u, key) => (await hotline.importFile(actor, param(u, 'source') as HotlineSource, u.bytes, key)).body);
  imports.register('catalog.conditions', (actor, u, key) => catalog.standards.importSheet(actor, u.bytes, param(u, 'mode') === 'replace' ? 'replace' : 'append', key));
  imports.register('components', (actor, u, key) => components.importComponents(actor,
    param(u, 'format') === 'json' ? { kind: 'json', body: json(u) } : { kind: 'file', ...(param(u, 'filename') ? { filename: param(u, 'filename') } : {}), bytes: u.bytes },
    param(u, 'crs') as Crs | undefined, key));
  imports.register('geo.layer', (actor, u, key) => geo.importLayer(actor, param(u, 'level') as GeoLayerLevel, json(u), param(u, 'crs') as Crs | undefined, key));
  return { imports, chainKeys, audit, auth, org, catalog, settings, calendar, geo, components, photos, routing, live, stepLimits, cases, hotline, notify, citizen };
}
export type Services = ReturnType<typeof createServices>;

/** Builds the whole HTTP app; used by main.ts and by tests (app.inject) alike. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { services: Services; routeTable: readonly RouteEntry[] }> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' }, serializers: logSerializers },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => newId(),
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true }, plugins: [ajvFormats.default ?? ajvFormats] },
  });
  installErrorHandler(app);
  installFiniteNumberGuard(app);
  installControlCharacterGuard(app);
  // The route table, for the generated permission matrix (every route × every role) and the docs.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, public: route.config?.public === true, permission: route.config?.permission ?? null, schema: route.schema as Record<string, unknown> | undefined });
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
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  // Rate limits count in Redis when configured, so N instances admit each limit once (docs/security.md, "Rate limits across instances").
  const rates = openRateCounting(config.redis, clock, (err) => app.log.warn({ err }, 'rate limits: Redis unavailable, admitting requests uncounted'));
  app.addHook('onClose', () => rates.close());
  await app.register(rateLimit, { global: false, ...rates.pluginOptions });
  await app.register(swagger, {
    openapi: {
      info: { title: 'CityLoop API', description: '数字城管闭环平台 — CityLoop open-source urban-management platform', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cityloop_sid' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const services = createServices(database, clock, config);
  installAuthHooks(app, services.auth);
  registerHealthRoutes(app, database, VERSION, { clock, photoStorage: () => services.photos.checkStorage() });
  registerAuthRoutes(app, services.auth, config);
  registerOrgRoutes(app, services.org);
  registerAuditRoutes(app, services.audit);
  services.imports.useLogger(app.log);
  registerImportRoutes(app, services.imports);
  // Jobs started by requests finish (or are left to the sweep of the next start) before the database closes.
  app.addHook('onClose', () => services.imports.idle());
  await registerCatalogRoutes(app, services.catalog, services.imports);
  await registerGeoRoutes(app, services.geo, services.imports);
  registerBasemapRoute(app, config.basemap);
  await registerComponentRoutes(app, services.components, services.imports);
  registerCalendarRoutes(app, services.calendar);
  registerRoutingRoutes(app, services.routing);
  await registerPhotoRoutes(app, services.photos, async () => {
    const tenant = await services.org.publicTenant();
    if (!tenant) throw notFound('tenant');
    return { tenantId: tenant.id, channels: await services.cases.publicChannels(tenant.id) };
  }, config.photos.uploadsPerMinuteUser);
  registerCaseRoutes(app, services.cases, services.stepLimits);
  registerLiveRoute(app, services.live, services.auth, config.live);
  registerPublicOutputRoutes(app, createPublicOutputSettings(database, services.settings, services.cases));
  await registerCitizenRoutes(app, services.citizen, config.publicLimits, clock, rates.counter);
  services.notify.setLogger(app.log);
  await registerOpen311(app, createOpen311Services(database, clock, services.audit, { cases: services.cases, photos: services.photos, org: services.org, geo: services.geo, hits: rates.counter }), config.open311);
  await registerHotlineRoutes(app, services.hotline, services.imports);
  registerExportRoutes(app, { cases: services.cases, users: services.org.users, units: services.org.units, regions: services.org.regions, audit: services.audit, catalog: services.catalog.catalog, routing: services.routing.rules }, config.businessTimeZone, createAuditWriter(database, services.audit));
  const kpi = createKpiService(database, clock, services.settings); registerKpiRoutes(app, kpi);
  registerReportRoutes(app, createReportService(database, clock, kpi), createDashboardService(database, clock, kpi));
  await serveWebClient(app, config.webDist);

  return Object.assign(app as unknown as FastifyInstance, { services, routeTable });
}
