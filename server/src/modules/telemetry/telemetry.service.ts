import type {
  ConsumerStatus,
  Readings,
  ReadingsQuery,
  RejectedMessage,
  RejectedQuery,
} from '../../../../common/contracts/iot.ts';
import { PRIMARY_METRIC, type RejectReason } from '../../../../common/domain/iot.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { DevicesTable, TelemetryRejectedTable } from '../../db/schema-iot.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { DeviceService } from '../devices/index.ts';
import * as batch from './batch-store.ts';
import { isBinaryFrame } from './binary-payload.ts';
import type { JournalRecord } from './ingest-journal.ts';
import type { GpsSink } from './gps-sink.ts';
import { prepareTelemetryPartitions, sweepTelemetry } from './retention.ts';
import { addToBuckets } from './rollup-store.ts';
import type { TelemetryConfig } from './telemetry-config.ts';

export type { TelemetryConfig };
import { parseTopic, readMessage, Refusal, type Topic } from './telemetry-message.ts';
import * as repo from './telemetry.repository.ts';

/** What the alarms module does with accepted messages, inside their transaction (composition root). */
export interface ReadingWatch {
  /** new readings of a device; returns what to do after commit (live events, cases to file) */
  readings(
    tx: Executor,
    device: DevicesTable,
    readings: readonly { metric: string; value: number; at: string }[],
  ): Promise<() => Promise<void>>;
  /** the device was heard from (either topic) */
  seen(tx: Executor, device: DevicesTable): Promise<() => Promise<void>>;
  /** a batch: `seen` for each device and `readings` for its new readings, in one go */
  batch(
    tx: Executor,
    items: readonly { device: DevicesTable; readings: readonly { metric: string; value: number; at: string }[] }[],
  ): Promise<() => Promise<void>>;
}

const PAYLOAD_KEPT = 1000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The refused payload as the log keeps it: text as text (its first 1 000 bytes), and a binary frame or other bytes
 * that are not UTF-8 as `hex:` and the hex of their first 500 bytes, which a reader can decode by hand.
 */
export function keptPayload(payload: Buffer): string {
  if (!isBinaryFrame(payload))
    try {
      strictUtf8.decode(payload);
      // the cut may split a character; it shows as one replacement mark
      return payload.subarray(0, PAYLOAD_KEPT).toString('utf8').replaceAll('\u0000', '\uFFFD');
    } catch {
      // not text: kept as hex below
    }
  return `hex:${payload.subarray(0, PAYLOAD_KEPT / 2).toString('hex')}`;
}
const HOUR = 3_600_000;
const MAX_POINTS = 5000;

function rejectedRow(
  topic: string,
  tenantId: string | null,
  deviceCode: string | null,
  reason: RejectReason,
  detail: string | null,
  payload: Buffer,
  receivedAt: number,
): TelemetryRejectedTable {
  return {
    id: newId(),
    tenant_id: tenantId,
    topic: topic.slice(0, 200),
    device_code: deviceCode,
    reason,
    detail,
    payload: keptPayload(payload),
    payload_bytes: payload.length,
    received_at: new Date(receivedAt).toISOString(),
  };
}

/** Ingest of device messages, the readings and roll-ups behind the chart, and the rejected-message log. */
export function createTelemetryService(
  database: Database,
  clock: Clock,
  deps: { devices: DeviceService; watch: ReadingWatch | null; config: TelemetryConfig; log?: (err: unknown) => void },
) {
  const { db } = database;
  const counts = { received: 0, accepted: 0, rejected: {} as Record<string, number> };
  let connected = false;
  let enabled = false;

  /** GPS messages of a batch already handed over, so a retried batch does not hand them over twice. */
  const gpsDone = new WeakSet<JournalRecord>();

  async function reject(
    topic: string,
    tenantId: string | null,
    deviceCode: string | null,
    reason: RejectReason,
    detail: string | null,
    payload: Buffer,
  ) {
    await repo.insertRejected(
      db,
      rejectedRow(topic, tenantId, deviceCode, reason, detail, payload, clock.now().getTime()),
    );
    counts.rejected[reason] = (counts.rejected[reason] ?? 0) + 1;
    return { accepted: false as const, reason };
  }

  return {
    /**
     * One message from the broker. Never throws for a bad message: it is counted and stored as rejected. A storage
     * failure does throw, so the consumer withholds the PUBACK and the broker delivers the message again.
     */
    async ingest(
      topic: string,
      payload: Buffer,
    ): Promise<{ accepted: true } | { accepted: false; reason: RejectReason }> {
      counts.received++;
      const t = parseTopic(topic);
      if (!t) return reject(topic, null, null, 'bad_topic', null, payload);
      const known = await deps.devices.known(t.tenant, t.device);
      if (!known) return reject(topic, null, t.device, 'unknown_device', null, payload);
      if (!('row' in known)) return reject(topic, known.tenantId, t.device, 'unknown_device', null, payload);
      const device = known.row;
      if (device.active !== 1) return reject(topic, device.tenant_id, t.device, 'inactive_device', null, payload);
      const now = clock.now();
      let msg;
      try {
        msg = readMessage(t, payload, known.key, now);
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        return reject(topic, device.tenant_id, t.device, err.reason, err.detail, payload);
      }
      const at = msg.at.toISOString();
      const after = await db.transaction().execute(async (tx) => {
        // one message's readings are stored like a batch's: a redelivered one is left out of the buckets and rules
        const stored =
          t.kind === 'telemetry'
            ? await batch.insertReadings(
                tx,
                Object.entries(msg.values).map(([metric, value]) => ({
                  tenantId: device.tenant_id,
                  deviceId: device.id,
                  metric,
                  at,
                  value,
                  receivedAt: now.toISOString(),
                })),
              )
            : [];
        await addToBuckets(tx, stored);
        const fresh = stored.map((r) => ({ metric: r.metric, value: r.value, at: r.at }));
        const battery = msg.values.battery_pct;
        await deps.devices.seen(tx, device, now, typeof battery === 'number' ? battery : null);
        const steps: (() => Promise<void>)[] = [];
        if (deps.watch) {
          steps.push(await deps.watch.seen(tx, device));
          if (fresh.length) steps.push(await deps.watch.readings(tx, device, fresh));
        }
        return steps;
      });
      counts.accepted++;
      for (const step of after) await step().catch((err) => deps.log?.(err));
      return { accepted: true };
    },

    /**
     * A batch of journaled messages from the consumer, stored in one transaction with the same outcome as `ingest`
     * one message at a time: refused messages recorded, new readings stored once and added to their buckets, the
     * devices marked seen, the rules judged; then the live events and automatic cases. GPS messages go to `gps` in
     * order. Throws only when storage fails (the whole batch is then retried: storing is idempotent).
     */
    async ingestBatch(records: readonly JournalRecord[], gps: GpsSink | null = null): Promise<void> {
      const rejected: TelemetryRejectedTable[] = [];
      const refusedBy: Record<string, number> = {};
      const refuse = (
        r: JournalRecord,
        tenantId: string | null,
        deviceCode: string | null,
        reason: RejectReason,
        detail: string | null = null,
      ) => {
        rejected.push(rejectedRow(r.topic, tenantId, deviceCode, reason, detail, r.payload, r.receivedAt));
        refusedBy[reason] = (refusedBy[reason] ?? 0) + 1;
      };
      const parsed: { r: JournalRecord; t: Topic }[] = [];
      const codes = new Map<string, Set<string>>();
      let gpsCount = 0;
      for (const r of records) {
        if (gps && r.topic.endsWith('/gps')) {
          if (!gpsDone.has(r)) {
            await gps.ingest(r.topic, r.payload);
            gpsDone.add(r);
          }
          gpsCount++;
          continue;
        }
        const t = parseTopic(r.topic);
        if (!t) {
          refuse(r, null, null, 'bad_topic');
          continue;
        }
        parsed.push({ r, t });
        let set = codes.get(t.tenant);
        if (!set) codes.set(t.tenant, (set = new Set()));
        set.add(t.device);
      }
      const known = new Map<string, Awaited<ReturnType<DeviceService['knownMany']>>>();
      for (const [tenant, set] of codes) known.set(tenant, await deps.devices.knownMany(tenant, [...set]));

      const readings: repo.Reading[] = [];
      const heard = new Map<string, { device: DevicesTable; at: Date; battery: number | null }>();
      let accepted = 0;
      for (const { r, t } of parsed) {
        const tenant = known.get(t.tenant);
        if (!tenant) {
          refuse(r, null, t.device, 'unknown_device');
          continue;
        }
        const k = tenant.devices.get(t.device);
        if (!k) {
          refuse(r, tenant.tenantId, t.device, 'unknown_device');
          continue;
        }
        const device = k.row;
        if (device.active !== 1) {
          refuse(r, device.tenant_id, t.device, 'inactive_device');
          continue;
        }
        const now = new Date(r.receivedAt);
        let msg;
        try {
          msg = readMessage(t, r.payload, k.key, now);
        } catch (err) {
          if (!(err instanceof Refusal)) throw err;
          refuse(r, device.tenant_id, t.device, err.reason, err.detail);
          continue;
        }
        accepted++;
        const at = msg.at.toISOString();
        if (t.kind === 'telemetry')
          for (const [metric, value] of Object.entries(msg.values))
            readings.push({
              tenantId: device.tenant_id,
              deviceId: device.id,
              metric,
              at,
              value,
              receivedAt: now.toISOString(),
            });
        // the device as last heard in the batch: the latest receipt, and the battery its last message reported
        const battery = msg.values.battery_pct;
        const prev = heard.get(device.id);
        heard.set(device.id, {
          device,
          at: now,
          battery: typeof battery === 'number' ? battery : (prev?.battery ?? null),
        });
      }

      const after = await db.transaction().execute(async (tx) => {
        await batch.insertRejected(tx, rejected);
        const fresh = await batch.insertReadings(tx, readings);
        await addToBuckets(tx, fresh);
        await deps.devices.seenMany(
          tx,
          [...heard.values()].map((h) => ({ row: h.device, at: h.at, batteryPct: h.battery })),
        );
        if (!deps.watch || heard.size === 0) return null;
        const byDevice = new Map<string, { metric: string; value: number; at: string }[]>();
        for (const f of fresh) {
          const list = byDevice.get(f.deviceId);
          const x = { metric: f.metric, value: f.value, at: f.at };
          if (list) list.push(x);
          else byDevice.set(f.deviceId, [x]);
        }
        return deps.watch.batch(
          tx,
          [...heard.values()].map((h) => ({ device: h.device, readings: byDevice.get(h.device.id) ?? [] })),
        );
      });
      for (const r of records) gpsDone.delete(r);
      counts.received += records.length - gpsCount;
      counts.accepted += accepted;
      for (const [reason, n] of Object.entries(refusedBy)) counts.rejected[reason] = (counts.rejected[reason] ?? 0) + n;
      await after?.().catch((err) => deps.log?.(err));
    },

    /** The receipt time of a message (the service's clock), journaled with it. */
    receivedAt(): number {
      return clock.now().getTime();
    },

    setConnected(on: boolean) {
      enabled = true;
      connected = on;
    },

    async status(actor: Actor): Promise<ConsumerStatus> {
      requirePermission(actor, 'alarm.read');
      return {
        enabled,
        connected,
        received: counts.received,
        accepted: counts.accepted,
        rejected: { ...counts.rejected },
      };
    },

    async readings(actor: Actor, deviceId: string, query: ReadingsQuery): Promise<Readings & { metrics: string[] }> {
      const device = await deps.devices.get(actor, deviceId);
      const hours = query.hours ?? 6;
      const resolution =
        query.resolution ?? (hours <= Math.min(6, deps.config.rawHours) ? 'raw' : hours <= 72 ? 'minute' : 'hour');
      const metric = query.metric ?? PRIMARY_METRIC[device.type].metric;
      const from = new Date(clock.now().getTime() - hours * HOUR).toISOString();
      const metrics = await repo.metricsOf(db, device.id, from);
      if (resolution === 'raw') {
        const rows = await repo.rawSeries(db, device.id, metric, from, MAX_POINTS);
        return {
          metric,
          metrics,
          resolution,
          points: rows
            .reverse()
            .map((r) => ({ at: r.at, value: Number(r.value), min: Number(r.value), max: Number(r.value) })),
        };
      }
      const rows = await repo.bucketSeries(db, resolution, device.id, metric, from, MAX_POINTS);
      return {
        metric,
        metrics,
        resolution,
        points: rows.reverse().map((r) => ({
          at: r.bucket,
          value: Math.round((Number(r.sum) / Number(r.n)) * 1000) / 1000,
          min: Number(r.min),
          max: Number(r.max),
        })),
      };
    },

    async rejected(actor: Actor, query: RejectedQuery): Promise<Page<RejectedMessage>> {
      requirePermission(actor, 'alarm.read');
      const w = listWindow(query, { receivedAt: 'received_at' }, 'receivedAt');
      const order = query.order ?? 'desc';
      const { rows, total } = await repo.listRejected(
        db,
        actor.tenantId,
        { ...(query.reason ? { reason: query.reason } : {}), ...(query.q ? { q: query.q } : {}) },
        { ...w, order },
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          topic: r.topic,
          deviceCode: r.device_code,
          reason: r.reason,
          detail: r.detail,
          payload: r.payload,
          payloadBytes: r.payload_bytes,
          receivedAt: r.received_at,
        })),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    /** Retention (the hourly job): partitions ahead on PostgreSQL, then what is past its window goes (retention.ts). */
    sweep(now: Date) {
      return sweepTelemetry(database, deps.config, now);
    },

    /** Partitions for the current and next periods, at start before any reading arrives (PostgreSQL). */
    preparePartitions(now: Date) {
      return prepareTelemetryPartitions(database, now);
    },
  };
}
export type TelemetryService = ReturnType<typeof createTelemetryService>;
