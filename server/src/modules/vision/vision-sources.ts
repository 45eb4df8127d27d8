import { randomBytes } from 'node:crypto';
import type {
  VisionClassesUpdate,
  VisionClassSetting,
  VisionSource,
  VisionSourceCreate,
  VisionSourceUpdate,
  VisionSourceWithSecret,
} from '../../../../common/contracts/vision.ts';
import { VISION_CLASS_DEFAULTS, VISION_CLASSES, type VisionClass } from '../../../../common/domain/vision.ts';
import type { VisionSourcesTable } from '../../db/schema-vision.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createPiiCipher, type PiiCipher } from '../../platform/pii-cipher.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { catalogLookups } from '../catalog/index.ts';
import type { LocatedPoint } from '../geo/index.ts';
import { orgNames } from '../org/index.ts';
import { visionErrors } from './vision.errors.ts';
import * as repo from './vision.repository.ts';

export interface VisionSourceDeps {
  audit: AuditService;
  locatePoint: (tenantId: string, lng: number, lat: number) => Promise<LocatedPoint | null>;
  /** the server's secret ring (config audit keys): webhook secrets are kept encrypted under it */
  secrets: readonly string[];
}

/** The effective setting of every class for a tenant: its stored row, else the default. */
export interface ClassSetting {
  matterCode: string;
  threshold: number;
  active: boolean;
}

export const webhookPath = (id: string) => `/api/vision/events/${id}`;

function parseThresholds(text: string): Record<string, number> {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object') return {};
    return Object.fromEntries(
      Object.entries(v).filter(([k, x]) => VISION_CLASSES.includes(k as VisionClass) && typeof x === 'number'),
    );
  } catch {
    return {};
  }
}

export function sourceView(r: VisionSourcesTable, streetName: string | null): VisionSource {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    lng: Number(r.lng),
    lat: Number(r.lat),
    heading: r.heading === null ? null : Number(r.heading),
    streetName,
    address: r.address,
    secretHint: r.secret_hint,
    secretIssuedAt: r.secret_issued_at,
    thresholds: parseThresholds(r.thresholds),
    active: Number(r.active) === 1,
    version: Number(r.version),
    webhookPath: webhookPath(r.id),
    createdAt: r.created_at,
  };
}

/** Cameras and drones (docs/vision.md, "Sources"): registry, webhook secrets shown once, class settings. */
export function createVisionSources(database: Database, clock: Clock, deps: VisionSourceDeps) {
  const { db } = database;
  const cipher: PiiCipher | null = deps.secrets.length ? createPiiCipher(deps.secrets) : null;

  function newSecret() {
    if (!cipher) throw visionErrors.noSecretRing();
    const secret = randomBytes(32).toString('base64url');
    return { secret, enc: cipher.encrypt(secret), hint: `…${secret.slice(-4)}` };
  }

  async function streetOf(tenantId: string, lng: number, lat: number, field = 'body.lng') {
    const place = await deps.locatePoint(tenantId, lng, lat);
    if (!place) throw visionErrors.field(field, 'inside', 'the position lies outside the city');
    return place.streetId;
  }

  async function views(rows: VisionSourcesTable[]): Promise<VisionSource[]> {
    const names = await orgNames.regionNames(db, [...new Set(rows.flatMap((r) => (r.street_id ? [r.street_id] : [])))]);
    return rows.map((r) => sourceView(r, r.street_id ? (names.get(r.street_id) ?? null) : null));
  }

  async function classSettings(tenantId: string, ex: Executor = db): Promise<Map<VisionClass, ClassSetting>> {
    const stored = new Map((await repo.classRows(ex, tenantId)).map((r) => [r.class, r]));
    return new Map(
      VISION_CLASSES.map((c) => {
        const s = stored.get(c);
        const d = VISION_CLASS_DEFAULTS[c];
        return [
          c,
          s
            ? { matterCode: s.matter_code, threshold: Number(s.threshold), active: Number(s.active) === 1 }
            : { matterCode: d.matterCode, threshold: d.threshold, active: true },
        ];
      }),
    );
  }

  return {
    classSettings,
    parseThresholds,

    /** The secret of a source, for the webhook's signature check; null without a ring. */
    secretOf: (row: VisionSourcesTable): string | null => (cipher ? cipher.decrypt(row.secret_enc) : null),

    async list(actor: Actor): Promise<VisionSource[]> {
      requirePermission(actor, 'device.read');
      return views(await repo.sources(db, actor.tenantId));
    },

    async get(actor: Actor, id: string): Promise<VisionSource> {
      requirePermission(actor, 'device.read');
      const row = await repo.findSource(db, actor.tenantId, id);
      if (!row) throw notFound('vision_source');
      return (await views([row]))[0]!;
    },

    async create(actor: Actor, input: VisionSourceCreate): Promise<VisionSourceWithSecret> {
      requirePermission(actor, 'device.manage');
      if (await repo.sourceByCode(db, actor.tenantId, input.code)) throw visionErrors.codeTaken();
      const streetId = await streetOf(actor.tenantId, input.lng, input.lat);
      const s = newSecret();
      const now = clock.now().toISOString();
      const row: VisionSourcesTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        code: input.code,
        kind: input.kind,
        name: input.name.trim(),
        lng: input.lng,
        lat: input.lat,
        heading: input.heading ?? null,
        street_id: streetId,
        address: input.address?.trim() || null,
        secret_enc: s.enc,
        secret_hint: s.hint,
        secret_issued_at: now,
        thresholds: '{}',
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertSource(tx, row);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'vision.source_create',
          entity: 'vision_source',
          entityId: row.id,
          before: null,
          after: { code: row.code, kind: row.kind, name: row.name, hint: row.secret_hint },
        });
      });
      return { source: (await views([row]))[0]!, secret: s.secret };
    },

    async update(actor: Actor, id: string, input: VisionSourceUpdate): Promise<VisionSource> {
      requirePermission(actor, 'device.manage');
      const cur = await repo.findSource(db, actor.tenantId, id);
      if (!cur) throw notFound('vision_source');
      if (Number(cur.version) !== input.version) throw visionErrors.sourceStale(Number(cur.version));
      const bad = Object.keys(input.thresholds ?? {}).findIndex((k) => !VISION_CLASSES.includes(k as VisionClass));
      if (bad >= 0)
        throw visionErrors.field(`body.thresholds.${Object.keys(input.thresholds!)[bad]}`, 'class', 'unknown class');
      const lng = input.lng ?? Number(cur.lng);
      const lat = input.lat ?? Number(cur.lat);
      const moved = lng !== Number(cur.lng) || lat !== Number(cur.lat);
      const patch: Partial<VisionSourcesTable> = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(moved ? { lng, lat, street_id: await streetOf(actor.tenantId, lng, lat) } : {}),
        ...(input.heading !== undefined ? { heading: input.heading } : {}),
        ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(input.thresholds !== undefined ? { thresholds: JSON.stringify(input.thresholds) } : {}),
        updated_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateSource(tx, actor.tenantId, id, Number(cur.version), patch)))
          throw visionErrors.sourceStale(Number(cur.version));
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'vision.source_update',
          entity: 'vision_source',
          entityId: id,
          before: { name: cur.name, active: cur.active, thresholds: parseThresholds(cur.thresholds) },
          after: { ...patch, thresholds: patch.thresholds ? input.thresholds : undefined },
        });
      });
      return (await views([{ ...cur, ...patch, version: Number(cur.version) + 1 }]))[0]!;
    },

    /** A new secret, shown once; the old one fails at once. */
    async rotateSecret(actor: Actor, id: string): Promise<VisionSourceWithSecret> {
      requirePermission(actor, 'device.manage');
      const cur = await repo.findSource(db, actor.tenantId, id);
      if (!cur) throw notFound('vision_source');
      const s = newSecret();
      const patch = {
        secret_enc: s.enc,
        secret_hint: s.hint,
        secret_issued_at: clock.now().toISOString(),
        updated_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateSource(tx, actor.tenantId, id, Number(cur.version), patch)))
          throw visionErrors.sourceStale(Number(cur.version));
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'vision.source_secret',
          entity: 'vision_source',
          entityId: id,
          before: { hint: cur.secret_hint },
          after: { hint: s.hint },
        });
      });
      const row = { ...cur, ...patch, version: Number(cur.version) + 1 };
      return { source: (await views([row]))[0]!, secret: s.secret };
    },

    async classes(actor: Actor): Promise<VisionClassSetting[]> {
      requirePermission(actor, 'device.read');
      const settings = await classSettings(actor.tenantId);
      const names = await catalogLookups.matterNames(
        db,
        actor.tenantId,
        [...settings.values()].map((s) => s.matterCode),
      );
      return VISION_CLASSES.map((c) => {
        const s = settings.get(c)!;
        return {
          class: c,
          name: VISION_CLASS_DEFAULTS[c].name,
          matterCode: s.matterCode,
          matterName: names.get(s.matterCode) ?? null,
          threshold: s.threshold,
          defaultThreshold: VISION_CLASS_DEFAULTS[c].threshold,
          active: s.active,
        };
      });
    },

    async putClasses(actor: Actor, input: VisionClassesUpdate): Promise<VisionClassSetting[]> {
      requirePermission(actor, 'device.manage');
      for (const [i, item] of input.items.entries())
        if (!(await catalogLookups.activeMatter(db, actor.tenantId, item.matterCode)))
          throw visionErrors.field(`body.items.${i}.matterCode`, 'exists', 'no active matter with this code');
      const before = await classSettings(actor.tenantId);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        for (const item of input.items)
          await repo.putClass(tx, {
            tenant_id: actor.tenantId,
            class: item.class,
            matter_code: item.matterCode,
            threshold: item.threshold,
            active: item.active ? 1 : 0,
            updated_at: now,
          });
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'vision.classes',
          entity: 'vision_classes',
          entityId: actor.tenantId,
          before: Object.fromEntries(input.items.map((i) => [i.class, before.get(i.class)])),
          after: Object.fromEntries(input.items.map((i) => [i.class, i])),
        });
      });
      return this.classes(actor);
    },
  };
}
export type VisionSources = ReturnType<typeof createVisionSources>;
