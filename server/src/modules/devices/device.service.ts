import type {
  Device,
  DeviceCreate,
  DeviceQuery,
  DeviceUpdate,
  DeviceWithKey,
} from '../../../../common/contracts/iot.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { DevicesTable } from '../../db/schema-iot.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { componentAt } from '../components/index.ts';
import type { GeoService } from '../geo/index.ts';
import { accountDirectory, tenantColumns } from '../org/index.ts';
import type { DeviceKeyBox } from './device-keys.ts';
import { deviceErrors } from './device.errors.ts';
import * as repo from './device.repository.ts';

export interface DeviceDeps {
  audit: AuditService;
  geo: Pick<GeoService, 'locatePoint'>;
  keys: DeviceKeyBox;
}

/** Heartbeats a device may miss before it counts as offline (docs/iot.md, "Heartbeat and offline"). */
export const MISSED_HEARTBEATS = 3;
const DEFAULT_HEARTBEAT_S = 300;

/**
 * How stale a stored last-seen time may be before a batch writes it again: a tenth of the heartbeat interval, at
 * most 5 s (so the offline watch starts at most a thirtieth of its three intervals early).
 */
export const seenStep = (heartbeatS: number) => Math.min(5000, heartbeatS * 100);

/** The row already says enough: seen within `seenStep` before `at`, still watched, no new battery reading. */
export function seenRecently(row: DevicesTable, at: Date, batteryPct: number | null): boolean {
  if (row.last_seen_at === null || row.offline_due_at === null) return false;
  if (batteryPct !== null && batteryPct !== Number(row.battery_pct)) return false;
  return at.getTime() - Date.parse(row.last_seen_at) < seenStep(row.heartbeat_s);
}

/** A device as the topic names it, with its key opened: what the consumer verifies a message with. */
export interface KnownDevice {
  row: DevicesTable;
  tenantCode: string;
  key: string;
}

/** The device registry (docs/iot.md): tenant data, permission-checked, keys issued by the platform and shown once. */
export function createDeviceService(database: Database, clock: Clock, deps: DeviceDeps) {
  const opened = new Map<string, string>();
  const { db } = database;

  async function topicOf(tenantId: string, code: string): Promise<string> {
    const t = await tenantColumns(db, tenantId, ['code']);
    return `cityloop/${t?.code ?? '?'}/${code}`;
  }

  function view(row: DevicesTable, topic: string): Device {
    const now = clock.now().toISOString();
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      type: row.type,
      model: row.model,
      componentCode: row.component_code,
      lng: Number(row.lng),
      lat: Number(row.lat),
      address: row.address,
      installDate: row.install_date,
      firmware: row.firmware,
      batteryPct: row.battery_pct === null ? null : Number(row.battery_pct),
      heartbeatS: row.heartbeat_s,
      active: row.active === 1,
      online: row.active === 1 && row.offline_due_at !== null && row.offline_due_at > now,
      keyFingerprint: row.key_fingerprint,
      keyIssuedAt: row.key_issued_at,
      lastSeenAt: row.last_seen_at,
      topic,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function load(actor: Actor, id: string, permission: 'device.read' | 'device.manage' = 'device.read') {
    requirePermission(actor, permission);
    const row = await repo.findDevice(db, actor.tenantId, id);
    if (!row) throw notFound('device');
    return row;
  }

  /** Where the device is: its component's position, or the point given, which must lie inside the city. */
  async function placeOf(
    tenantId: string,
    input: { componentCode?: string | null; lng?: number; lat?: number },
    current: Pick<DevicesTable, 'lng' | 'lat' | 'component_code'> | null,
  ): Promise<{ component_code: string | null; lng: number; lat: number }> {
    const code = input.componentCode === undefined ? (current?.component_code ?? null) : input.componentCode;
    if (code && (input.componentCode !== undefined || input.lng === undefined)) {
      const c = await componentAt(db, tenantId, code);
      if (!c) throw deviceErrors.field('body.componentCode', 'exists', 'no such component in this city');
      if (input.componentCode !== undefined || !current) return { component_code: code, lng: c.lng, lat: c.lat };
    }
    const lng = input.lng ?? (current ? Number(current.lng) : undefined);
    const lat = input.lat ?? (current ? Number(current.lat) : undefined);
    if (lng === undefined || lat === undefined)
      throw deviceErrors.field('body.lng', 'required', 'give a component or a point (lng, lat)');
    if (!(await deps.geo.locatePoint(tenantId, lng, lat)))
      throw deviceErrors.field('body.lng', 'inside', 'the point lies outside the city');
    return { component_code: code, lng, lat };
  }

  return {
    async list(actor: Actor, query: DeviceQuery): Promise<Page<Device>> {
      requirePermission(actor, 'device.read');
      const w = listWindow(
        query,
        { code: 'code', name: 'name', lastSeenAt: 'last_seen_at', installDate: 'install_date' },
        'code',
      );
      const { rows, total } = await repo.listDevices(
        db,
        actor.tenantId,
        {
          ...(query.type ? { type: query.type } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.q ? { q: query.q } : {}),
          now: clock.now().toISOString(),
        },
        w,
      );
      const prefix = (await topicOf(actor.tenantId, '')).slice(0, -1);
      return {
        items: rows.map((r) => view(r, `${prefix}/${r.code}`)),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    async get(actor: Actor, id: string): Promise<Device> {
      const row = await load(actor, id);
      return view(row, await topicOf(row.tenant_id, row.code));
    },

    async create(actor: Actor, input: DeviceCreate): Promise<DeviceWithKey> {
      requirePermission(actor, 'device.manage');
      const place = await placeOf(actor.tenantId, input, null);
      const now = clock.now().toISOString();
      const issued = deps.keys.issue();
      const row: DevicesTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        code: input.code,
        name: input.name.trim(),
        type: input.type,
        model: input.model ?? null,
        ...place,
        address: input.address ?? null,
        install_date: input.installDate ?? null,
        firmware: input.firmware ?? null,
        battery_pct: null,
        heartbeat_s: input.heartbeatS ?? DEFAULT_HEARTBEAT_S,
        active: 1,
        key_sealed: issued.sealed,
        key_fingerprint: issued.fingerprint,
        key_issued_at: now,
        last_seen_at: null,
        // watched for heartbeats from its first message on (a device registered before it is mounted is not offline)
        offline_due_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertDevice(tx, row);
          await deps.audit.record(tx, actor, actor.tenantId, {
            action: 'device.create',
            entity: 'device',
            entityId: row.id,
            before: null,
            after: { code: row.code, name: row.name, type: row.type, componentCode: row.component_code },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw deviceErrors.codeTaken();
        throw err;
      }
      return { device: view(row, await topicOf(row.tenant_id, row.code)), key: issued.key };
    },

    async update(actor: Actor, id: string, input: DeviceUpdate): Promise<Device> {
      const cur = await load(actor, id, 'device.manage');
      if (cur.version !== input.version) throw deviceErrors.stale(cur.version);
      const moved = input.componentCode !== undefined || input.lng !== undefined || input.lat !== undefined;
      const place = moved ? await placeOf(actor.tenantId, input, cur) : null;
      const patch: Partial<DevicesTable> = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.model !== undefined ? { model: input.model } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
        ...(input.installDate !== undefined ? { install_date: input.installDate } : {}),
        ...(input.firmware !== undefined ? { firmware: input.firmware } : {}),
        ...(input.heartbeatS !== undefined ? { heartbeat_s: input.heartbeatS } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(place ?? {}),
        updated_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateDevice(tx, actor.tenantId, id, cur.version, patch)))
          throw deviceErrors.stale(cur.version);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'device.update',
          entity: 'device',
          entityId: id,
          before: pick(cur, patch),
          after: patch,
        });
      });
      return this.get(actor, id);
    },

    /** A new key replaces the old one at once (the old one stops verifying); shown once. */
    async rotateKey(actor: Actor, id: string): Promise<DeviceWithKey> {
      const cur = await load(actor, id, 'device.manage');
      const issued = deps.keys.issue();
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const ok = await repo.updateDevice(tx, actor.tenantId, id, cur.version, {
          key_sealed: issued.sealed,
          key_fingerprint: issued.fingerprint,
          key_issued_at: now,
          updated_at: now,
        });
        if (!ok) throw deviceErrors.stale(cur.version);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'device.rotate_key',
          entity: 'device',
          entityId: id,
          before: { keyFingerprint: cur.key_fingerprint },
          after: { keyFingerprint: issued.fingerprint },
        });
      });
      return { device: await this.get(actor, id), key: issued.key };
    },

    /** The device a topic names, with its key (null: no such tenant or device). */
    async known(tenantCode: string, deviceCode: string): Promise<KnownDevice | { tenantId: string } | null> {
      const tenant = await accountDirectory.findTenantByCode(db, tenantCode);
      if (!tenant) return null;
      const row = await repo.findByCode(db, tenant.id, deviceCode);
      if (!row) return { tenantId: tenant.id };
      return { row, tenantCode, key: deps.keys.open(row.key_sealed) };
    },

    /**
     * The devices a batch of topics names, read in one query per call so a key rotated or a device switched off
     * counts from the next batch on (codes absent from the map are not registered; null: no such tenant).
     */
    async knownMany(
      tenantCode: string,
      deviceCodes: readonly string[],
    ): Promise<{ tenantId: string; devices: Map<string, KnownDevice> } | null> {
      const tenant = await accountDirectory.findTenantByCode(db, tenantCode);
      if (!tenant) return null;
      const devices = new Map<string, KnownDevice>();
      for (let i = 0; i < deviceCodes.length; i += 1000)
        for (const row of await repo.findByCodes(db, tenant.id, deviceCodes.slice(i, i + 1000))) {
          // opening a key is an AES-GCM decryption: each sealed key is opened once
          let key = opened.get(row.key_sealed);
          if (key === undefined) {
            if (opened.size >= 100_000) opened.clear();
            key = deps.keys.open(row.key_sealed);
            opened.set(row.key_sealed, key);
          }
          devices.set(row.code, { row, tenantCode, key });
        }
      return { tenantId: tenant.id, devices };
    },

    /** A message was accepted: the device is online until MISSED_HEARTBEATS intervals pass without another. */
    async seen(ex: Executor, row: DevicesTable, at: Date, batteryPct: number | null): Promise<void> {
      const due = new Date(at.getTime() + MISSED_HEARTBEATS * row.heartbeat_s * 1000).toISOString();
      await repo.markSeen(ex, row.id, at.toISOString(), due, batteryPct);
    },

    /**
     * `seen` for the devices of a batch (each once), in one statement. A device whose row (as the batch read it)
     * was seen less than `seenStep` ago, with its watch running and the same battery, is not written again: at
     * thousands of messages a second each such update rewrote the row and every index of `devices` (docs/iot.md,
     * "Heartbeat and offline").
     */
    async seenMany(
      ex: Executor,
      items: readonly { row: DevicesTable; at: Date; batteryPct: number | null }[],
    ): Promise<void> {
      await repo.markSeenMany(
        ex,
        items.flatMap(({ row, at, batteryPct }) =>
          seenRecently(row, at, batteryPct)
            ? []
            : [
                {
                  id: row.id,
                  at: at.toISOString(),
                  offlineDueAt: new Date(at.getTime() + MISSED_HEARTBEATS * row.heartbeat_s * 1000).toISOString(),
                  batteryPct,
                },
              ],
        ),
      );
    },

    overdue: (now: Date, limit: number) => repo.overdue(db, now.toISOString(), limit),
    stopWatching: (ex: Executor, id: string, due: string) => repo.stopWatching(ex, id, due),
    devicesById: (ex: Executor, tenantId: string, ids: readonly string[]) => repo.devicesById(ex, tenantId, ids),
    findRow: (ex: Executor, tenantId: string, id: string) => repo.findDevice(ex, tenantId, id),
  };
}
export type DeviceService = ReturnType<typeof createDeviceService>;

function pick(row: DevicesTable, patch: Partial<DevicesTable>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(patch) as (keyof DevicesTable)[]) if (k !== 'updated_at') out[k] = row[k];
  return out;
}
