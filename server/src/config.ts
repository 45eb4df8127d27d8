import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * The only reader of the environment (docs/conventions.md, "Configuration"). Every variable is documented in .env.example.
 * Invalid values stop the process at start with a message naming the variable, never later at request time.
 */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  /** PostgreSQL schema holding the tables (DATABASE_SCHEMA); null = the connection's default (public) */
  databaseSchema: string | null;
  businessTimeZone: string;
  sessionSecret: string;
  sessionTtlHours: number;
  /** Absolute session lifetime from sign-in, whatever the activity (the idle timeout is sessionTtlHours). */
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  /** Sign-in attempts per IP address and minute (rate limit before the per-account lockout). */
  loginPerMinuteIp: number;
  /** Progressive sign-in throttle per address and account: first block, doubling up to lockoutMinutes (docs/security.md). */
  lockoutFirstMinutes: number;
  lockoutMinutes: number;
  /** Live stream (SSE): session re-check and keep-alive interval, and open streams per user and instance. */
  live: { heartbeatMs: number; maxStreamsPerUser: number };
  logLevel: string;
  /**
   * Request logging (docs/decisions/0012-footprint-and-logging.md): `line`, one access line per request (method,
   * route pattern, status, ms, request id, client address; never a URL, query or body); `fastify`, Fastify's two
   * lines per request with the masked URL; `off`, none (errors are still logged).
   */
  accessLog: 'line' | 'fastify' | 'off';
  seedDemo: boolean;
  /** With the demo seed: load about 90 days of synthetic history on the first start (off under test runners). */
  demoHistory: boolean;
  /** With the demo seed: also the 黄石市 prefecture tenant over 大冶市 and 阳新县 (docs/prefecture.md, "Demo"). */
  demoPrefecture: boolean;
  webDist: string;
  trustProxy: boolean;
  /** Redis for the live-event relay between app instances (platform/live-relay.ts); null = one process. */
  redis: { url: string; prefix: string } | null;
  /** SQLite: how long a request's write waits for a lock before the answer is 503 (the wait blocks the process). */
  sqliteBusyTimeoutMs: number;
  /** Tenant code served by public entry points (citizen H5, Open311) when a request names none; null = the only tenant. */
  publicTenant: string | null;
  /** Pushes back to 12345 / 民情通 / 信访 (办理答复, 退回): 'off' keeps them in the outbox table, 'log' logs them. */
  hotlinePush: 'off' | 'log';
  /** Citizen notices: 'log' writes them to the log (phone masked); 'http' posts to an SMS provider. */
  sms: {
    gateway: 'log' | 'http';
    httpUrl: string | null;
    httpToken: string | null;
    sign: string;
    maxAttempts: number;
    timeoutMs: number;
  };
  /** Anti-abuse limits of the citizen entry points (/api/public), per device and per IP address. */
  publicLimits: { reportsPerHourDevice: number; reportsPerHourIp: number; requestsPerMinuteIp: number };
  /**
   * Open311 writes (docs/security.md "Public output"): form/JSON/XML body limit (≤ 256 KB), size of each uploaded
   * file, POSTs per minute per IP address (per key: each client application's own limit, set by an admin).
   */
  open311: { bodyLimitBytes: number; mediaMaxBytes: number; postsPerMinuteIp: number };
  /** Online basemap (XYZ template, e.g. 天地图 CGCS2000 tiles); null = the offline GeoJSON-only map. */
  basemap: { url: string; attribution: string; subdomains: string[]; labelsUrl: string | null; maxZoom: number } | null;
  /**
   * Photo uploads (docs/security.md "Parsing"): decoded-size caps in pixels (public and partner uploads lower than
   * staff), images decoded at once, uploads allowed to wait for a slot (503 beyond), staff uploads per user and minute.
   */
  photos: {
    maxPixelsPublic: number;
    maxPixelsStaff: number;
    concurrency: number;
    queue: number;
    uploadsPerMinuteUser: number;
    unattachedMaxAgeHours: number;
  };
  /** Spreadsheet imports: caps read from the zip before any parsing (total unpacked bytes) and rows read at most. */
  imports: { maxUnpackedBytes: number; maxRows: number };
  /** Tamper evidence (docs/security.md): secrets for row HMACs and checkpoint signatures, oldest first (the last one signs), and where checkpoints go. */
  audit: AuditKeyConfig;
  /** The CJK font embedded in PDF documents (TTF, OTF or TTC); a missing file refuses PDFs with a clear error. */
  cjkFontPath: string;
  /** Finished 案卷 batches are kept for download this many hours, then deleted (docs/dossier.md "Month batch"). */
  dossierBatchKeepHours: number;
  /** 全域与跨区域 (docs/federation.md): where report-up files are dropped; null = no scheduled drop. */
  reportUpDir: string | null;
  /** The MQTT broker the device consumer connects to (docs/iot.md); null = no consumer, no connection. */
  mqtt: {
    url: string;
    clientId: string;
    username: string | null;
    password: string | null;
    shareGroup: string | null;
    /** the ingest journal under DATA_DIR and the batches stored from it (docs/iot.md, "Topics") */
    journal: {
      dir: string;
      fsync: boolean;
      segmentBytes: number;
      maxBatch: number;
      maxPending: number;
      lingerMs: number;
    };
  } | null;
  /** How long raw readings, minute and hour roll-ups are kept; hourDays 0 = forever (docs/iot.md, "Readings and retention"). */
  telemetry: { rawHours: number; minuteDays: number; hourDays: number };
  /** Hosts (`host` or `host:port`) a camera's `imageUrl` may name; empty: images must be sent in the call (docs/vision.md). */
  visionImageHosts: string[];
}

export interface AuditKeyConfig {
  keys: string[];
  /** where the signing secret came from: AUDIT_HMAC_KEY, the key file in DATA_DIR, generated into it just now, or nowhere (only when generation was not allowed) */
  keySource: 'env' | 'file' | 'generated' | 'missing';
  checkpointDir: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be an integer in ${min}..${max}, got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The session secret is generated once and kept in the data directory when none is given. */
function loadOrCreateSecret(dataDir: string, given: string | undefined): string {
  if (given) {
    if (given.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters');
    return given;
  }
  const file = join(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * The audit key lives outside the database: AUDIT_HMAC_KEY, else DATA_DIR/.audit-key, generated on first start.
 * The file is created exclusively, so instances starting together on a shared DATA_DIR end up with one key.
 */
function auditKeyConfig(env: Env, dataDir: string, root: string, generate: boolean): AuditKeyConfig {
  const checkpointDir = resolve(root, env.AUDIT_CHECKPOINT_DIR || join(dataDir, 'checkpoints'));
  const old = (env.AUDIT_HMAC_OLD_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const k of [env.AUDIT_HMAC_KEY ?? '', ...old]) {
    if (k && (k.length < 32 || /[\s,]/.test(k)))
      throw new ConfigError(
        'AUDIT_HMAC_KEY and each of AUDIT_HMAC_OLD_KEYS must be at least 32 characters without spaces or commas',
      );
  }
  if (env.AUDIT_HMAC_KEY) return { keys: [...old, env.AUDIT_HMAC_KEY], keySource: 'env', checkpointDir };
  const file = join(dataDir, '.audit-key');
  let keySource: AuditKeyConfig['keySource'] = 'file';
  if (!existsSync(file) && !generate) return { keys: old, keySource: 'missing', checkpointDir };
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // Written whole to a private name, then linked into place: link() never replaces, so no reader sees half a key.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
    try {
      linkSync(temp, file);
      keySource = 'generated';
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(temp);
    }
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new ConfigError(`${file} must hold a key of at least 32 characters`);
  return { keys: [...old, key], keySource, checkpointDir };
}

/** SMS stays off the network unless SMS_GATEWAY=http names a provider URL: no message leaves the machine by default. */
function smsConfig(env: Env): Config['sms'] {
  const gateway = env.SMS_GATEWAY || 'log';
  if (gateway !== 'log' && gateway !== 'http') throw new ConfigError('SMS_GATEWAY must be log or http');
  const httpUrl = env.SMS_HTTP_URL || null;
  if (gateway === 'http' && !(httpUrl && /^https?:\/\/\S+$/.test(httpUrl)))
    throw new ConfigError('SMS_HTTP_URL must be an http(s) URL when SMS_GATEWAY=http');
  return {
    gateway,
    httpUrl,
    httpToken: env.SMS_HTTP_TOKEN || null,
    sign: env.SMS_SIGN || '',
    maxAttempts: int(env, 'SMS_MAX_ATTEMPTS', 5, 1, 20),
    timeoutMs: int(env, 'SMS_HTTP_TIMEOUT_MS', 10_000, 500, 120_000),
  };
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw))
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** Off unless MAP_BASEMAP_URL is set: no tile server is contacted by default (brief: offline default). */
function basemapConfig(env: Env): Config['basemap'] {
  const url = env.MAP_BASEMAP_URL;
  if (!url) return null;
  if (!/^https?:\/\/.+\{z\}.*/.test(url) || !url.includes('{x}') || !url.includes('{y}')) {
    throw new ConfigError('MAP_BASEMAP_URL must be an http(s) XYZ template containing {z}, {x} and {y}');
  }
  const attribution = env.MAP_BASEMAP_ATTRIBUTION ?? '';
  if (!attribution)
    throw new ConfigError(
      'MAP_BASEMAP_ATTRIBUTION is required with MAP_BASEMAP_URL (a map of China must show its 审图号)',
    );
  return {
    url,
    attribution,
    subdomains: (env.MAP_BASEMAP_SUBDOMAINS ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    labelsUrl: env.MAP_BASEMAP_LABELS_URL || null,
    maxZoom: int(env, 'MAP_BASEMAP_MAX_ZOOM', 18, 1, 22),
  };
}

/** Off unless REDIS_URL is set (several instances need it; one does not). */
function redisConfig(env: Env): Config['redis'] {
  const url = env.REDIS_URL;
  if (!url) return null;
  if (!/^rediss?:\/\/.+/.test(url)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  const prefix = env.REDIS_PREFIX || 'cityloop:';
  if (!/^[\w:.-]{1,64}$/.test(prefix)) throw new ConfigError('REDIS_PREFIX must be 1..64 letters, digits, _ : . -');
  return { url, prefix };
}

/** Off unless MQTT_URL is set: a plain start connects to no broker. */
function mqttConfig(env: Env, dataDir: string): Config['mqtt'] {
  const url = env.MQTT_URL;
  if (!url) return null;
  if (!/^mqtts?:\/\/[^\s]+$/.test(url)) throw new ConfigError('MQTT_URL must start with mqtt:// or mqtts://');
  // A persistent session is found again by its client id: it must stay the same across restarts.
  const clientId = env.MQTT_CLIENT_ID || 'cityloop-consumer';
  if (!/^[\w.-]{1,64}$/.test(clientId)) throw new ConfigError('MQTT_CLIENT_ID must be 1..64 letters, digits, _ . -');
  const shareGroup = env.MQTT_SHARE_GROUP || null;
  if (shareGroup && !/^[\w-]{1,32}$/.test(shareGroup))
    throw new ConfigError('MQTT_SHARE_GROUP must be 1..32 letters, digits, _ -');
  return {
    url,
    clientId,
    username: env.MQTT_USERNAME || null,
    password: env.MQTT_PASSWORD || null,
    shareGroup,
    journal: {
      dir: join(dataDir, 'telemetry-journal'),
      fsync: bool(env, 'TELEMETRY_JOURNAL_FSYNC', false),
      segmentBytes: int(env, 'TELEMETRY_JOURNAL_SEGMENT_MB', 64, 1, 4096) * 1024 * 1024,
      // a consumer that is behind stores up to this many a transaction: the larger the batch, the more readings of a
      // device share the index pages it writes (docs/iot.md, "The ingest journal")
      maxBatch: int(env, 'TELEMETRY_BATCH_MAX', 5000, 1, 50_000),
      maxPending: int(env, 'TELEMETRY_MAX_PENDING', 50_000, 100, 10_000_000),
      lingerMs: int(env, 'TELEMETRY_BATCH_LINGER_MS', 5, 0, 1000),
    },
  };
}

/** `generateAuditKey: false` (tools that verify) never creates an audit key: a new key could not have signed anything. */
export function loadConfig(
  env: Env = process.env,
  options: { root?: string; generateAuditKey?: boolean } = {},
): Config {
  const root = options.root ?? process.cwd();
  const dataDir = resolve(root, env.DATA_DIR || 'data');
  const databaseUrl = env.DATABASE_URL || `sqlite:${join(dataDir, 'cityloop.db')}`;
  let dialect: Config['dialect'];
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) dialect = 'postgres';
  else if (databaseUrl.startsWith('sqlite:')) dialect = 'sqlite';
  else throw new ConfigError('DATABASE_URL must start with postgres:// or sqlite:');
  const databaseSchema = env.DATABASE_SCHEMA || null;
  if (databaseSchema !== null && (dialect !== 'postgres' || !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)))
    throw new ConfigError(
      'DATABASE_SCHEMA applies to PostgreSQL only and must be a lower-case identifier (letters, digits, _)',
    );
  const businessTimeZone = env.BUSINESS_TZ || 'Asia/Shanghai';
  if (!validTimeZone(businessTimeZone))
    throw new ConfigError(`BUSINESS_TZ is not a known time zone: "${businessTimeZone}"`);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  return {
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 8080, 0, 65535),
    dataDir,
    databaseUrl,
    dialect,
    databaseSchema,
    businessTimeZone,
    sessionSecret: loadOrCreateSecret(dataDir, env.SESSION_SECRET),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 7 * 24, 1, 24 * 90),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginPerMinuteIp: int(env, 'LOGIN_PER_MINUTE_IP', 30, 1, 100_000),
    lockoutFirstMinutes: int(env, 'LOCKOUT_FIRST_MINUTES', 1, 1, 24 * 60),
    lockoutMinutes: int(env, 'LOCKOUT_MINUTES', 15, 1, 24 * 60),
    live: {
      heartbeatMs: int(env, 'LIVE_HEARTBEAT_MS', 30_000, 50, 300_000),
      maxStreamsPerUser: int(env, 'LIVE_MAX_STREAMS_PER_USER', 5, 1, 100),
    },
    logLevel,
    accessLog: oneOf(env, 'ACCESS_LOG', ['line', 'fastify', 'off'] as const, 'line'),
    seedDemo: bool(env, 'SEED_DEMO', true),
    // Test runners (vitest sets NODE_ENV=test) seed the demo city many times and never need its history.
    demoHistory: bool(env, 'DEMO_HISTORY', env.NODE_ENV !== 'test'),
    // Off by default: a second tenant makes sign-in and the public pages ask which city (docs/prefecture.md, "Demo").
    demoPrefecture: bool(env, 'DEMO_PREFECTURE', false),
    webDist: resolve(root, env.WEB_DIST || 'web/dist'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    redis: redisConfig(env),
    sqliteBusyTimeoutMs: int(env, 'SQLITE_BUSY_TIMEOUT_MS', 1000, 0, 30_000),
    publicTenant: env.PUBLIC_TENANT?.trim() || null,
    hotlinePush: oneOf(env, 'HOTLINE_PUSH', ['off', 'log'] as const, 'off'),
    sms: smsConfig(env),
    publicLimits: {
      reportsPerHourDevice: int(env, 'PUBLIC_REPORTS_PER_HOUR_DEVICE', 10, 1, 100_000),
      reportsPerHourIp: int(env, 'PUBLIC_REPORTS_PER_HOUR_IP', 30, 1, 100_000),
      requestsPerMinuteIp: int(env, 'PUBLIC_REQUESTS_PER_MINUTE_IP', 120, 1, 1_000_000),
    },
    open311: {
      bodyLimitBytes: int(env, 'OPEN311_BODY_LIMIT_BYTES', 256 * 1024, 4 * 1024, 256 * 1024),
      mediaMaxBytes: int(env, 'OPEN311_MEDIA_MAX_BYTES', 10 * 1024 * 1024, 64 * 1024, 50 * 1024 * 1024),
      postsPerMinuteIp: int(env, 'OPEN311_POSTS_PER_MINUTE_IP', 120, 1, 100_000),
    },
    basemap: basemapConfig(env),
    photos: {
      maxPixelsPublic: int(env, 'PHOTO_MAX_MEGAPIXELS_PUBLIC', 40, 1, 268) * 1_000_000,
      maxPixelsStaff: int(env, 'PHOTO_MAX_MEGAPIXELS_STAFF', 100, 1, 268) * 1_000_000,
      concurrency: int(env, 'PHOTO_PROCESSING_CONCURRENCY', 2, 1, 64),
      queue: int(env, 'PHOTO_PROCESSING_QUEUE', 16, 0, 10_000),
      uploadsPerMinuteUser: int(env, 'PHOTO_UPLOADS_PER_MINUTE_USER', 60, 1, 100_000),
      unattachedMaxAgeHours: int(env, 'PHOTO_UNATTACHED_MAX_AGE_HOURS', 24, 1, 24 * 365),
    },
    imports: {
      // the same defaults as DEFAULT_SHEET_LIMITS (platform/sheet-rows.ts), which callers without a configuration use
      maxUnpackedBytes: int(env, 'IMPORT_MAX_UNPACKED_MB', 50, 1, 2048) * 1024 * 1024,
      maxRows: int(env, 'IMPORT_MAX_ROWS', 50_000, 1, 1_000_000),
    },
    audit: auditKeyConfig(env, dataDir, root, options.generateAuditKey ?? true),
    cjkFontPath: resolve(root, env.CJK_FONT_PATH || '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'),
    dossierBatchKeepHours: int(env, 'DOSSIER_BATCH_KEEP_HOURS', 24, 1, 24 * 90),
    reportUpDir: env.REPORT_UP_DIR ? resolve(root, env.REPORT_UP_DIR) : null,
    mqtt: mqttConfig(env, dataDir),
    telemetry: {
      rawHours: int(env, 'TELEMETRY_RAW_HOURS', 48, 1, 24 * 365),
      minuteDays: int(env, 'TELEMETRY_MINUTE_DAYS', 365, 1, 3650),
      // 0 or "forever": hour roll-ups are never deleted (docs/iot.md, "Readings and retention")
      hourDays: /^forever$/i.test(env.TELEMETRY_HOUR_DAYS?.trim() ?? '')
        ? 0
        : int(env, 'TELEMETRY_HOUR_DAYS', 0, 0, 36500),
    },
    visionImageHosts: (env.VISION_IMAGE_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}
