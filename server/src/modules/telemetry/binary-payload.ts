import { createHmac, timingSafeEqual } from 'node:crypto';
import { METRIC_NAME, type RejectReason, type SignedKind } from '../../../../common/domain/iot.ts';

/**
 * The compact binary frame for LPWAN devices (docs/iot.md, "Binary payload"): NB-IoT and LoRa links carry tens of
 * bytes, where the JSON message with its 64-character hex signature takes two hundred. The frame says the same thing
 * (ts, seq, up to 16 metrics, a signature under the device key) and decodes to the very values the JSON path reads,
 * so storage, rules and refusals are shared. All integers are big-endian.
 */

/** Byte 0 of a version-1 frame. */
export const BINARY_V1 = 0xb1;
/** Bytes of the truncated HMAC-SHA256 at the end of a frame (128 bits, the floor RFC 2104 §5 recommends). */
export const TAG_BYTES = 16;
/** format (1) + ts (4) + seq (4) + metric count (1) */
const HEADER_BYTES = 10;
export const MIN_FRAME_BYTES = HEADER_BYTES + TAG_BYTES;
export const MAX_METRICS = 16;
/** A metric named in the frame instead of by id: id 0, then the name's length and its ASCII bytes. */
const NAMED = 0;
const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;

/**
 * Metric ids (one byte). The table only grows: an id once given keeps its metric, since devices in the field carry
 * it in their firmware. Metrics without an id travel by name (id 0).
 */
export const METRIC_IDS: Readonly<Record<number, string>> = {
  1: 'tilt_deg',
  2: 'water_cm',
  3: 'lel_pct',
  4: 'fill_pct',
  5: 'level_m',
  6: 'pm10_ugm3',
  7: 'noise_dba',
  8: 'battery_pct',
  9: 'rssi_dbm',
  10: 'running',
  11: 'temp_c',
  12: 'snr_db',
};
const ID_OF: ReadonlyMap<string, number> = new Map(Object.entries(METRIC_IDS).map(([id, name]) => [name, Number(id)]));

/**
 * Whether a payload is a binary frame rather than JSON text. Bytes 0x80–0xBF continue a UTF-8 sequence and can begin
 * no UTF-8 text, so a frame is never mistaken for JSON nor JSON for a frame; other versions will take other bytes
 * of that range.
 */
export const isBinaryFrame = (payload: Uint8Array): boolean =>
  payload.length > 0 && payload[0]! >= 0x80 && payload[0]! <= 0xbf;

export interface FrameContext {
  tenant: string;
  device: string;
  kind: SignedKind;
}

export interface Frame {
  /** whole seconds since 1970-01-01T00:00:00Z */
  ts: number;
  seq: number;
  values: Record<string, number>;
}

/** What the signature covers ahead of the frame: the topic's tenant, device and kind, as in the JSON signing string. */
function macOf(ctx: FrameContext, key: string, body: Uint8Array): Buffer {
  return createHmac('sha256', Buffer.from(key, 'utf8'))
    .update(`cityloop-b1\n${ctx.tenant}\n${ctx.device}\n${ctx.kind}\n`, 'utf8')
    .update(body)
    .digest()
    .subarray(0, TAG_BYTES);
}

/** Builds a signed frame (devices' firmware does the same; the simulator and the tests use this one). */
export function encodeBinary(ctx: FrameContext, frame: Frame, key: string): Buffer {
  const names = Object.keys(frame.values);
  if (names.length > MAX_METRICS) throw new RangeError(`at most ${MAX_METRICS} metrics`);
  if (!Number.isInteger(frame.ts) || frame.ts < 0 || frame.ts > 0xffffffff) throw new RangeError('ts: uint32 seconds');
  if (!Number.isInteger(frame.seq) || frame.seq < 0 || frame.seq > 0xffffffff) throw new RangeError('seq: uint32');
  const parts: Buffer[] = [];
  const head = Buffer.alloc(HEADER_BYTES);
  head.writeUInt8(BINARY_V1, 0);
  head.writeUInt32BE(frame.ts, 1);
  head.writeUInt32BE(frame.seq, 5);
  head.writeUInt8(names.length, 9);
  parts.push(head);
  for (const name of names) {
    const id = ID_OF.get(name);
    if (id !== undefined) parts.push(Buffer.from([id]));
    else {
      if (!METRIC_NAME.test(name)) throw new RangeError(`metric name ${name}`);
      parts.push(Buffer.from([NAMED, name.length]), Buffer.from(name, 'ascii'));
    }
    const thousandths = Math.round(frame.values[name]! * 1000);
    if (thousandths > INT32_MAX || thousandths < INT32_MIN) throw new RangeError(`${name}: out of the int32 range`);
    const v = Buffer.alloc(4);
    v.writeInt32BE(thousandths, 0);
    parts.push(v);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, macOf(ctx, key, body)]);
}

export type Decoded = (Frame & { ok: true }) | { ok: false; reason: RejectReason; detail: string | null };

const refuse = (detail: string): Decoded => ({ ok: false, reason: 'bad_payload', detail: `binary: ${detail}` });

/**
 * Reads a frame and checks its signature. Every malformation answers the reason the message is refused with
 * (`bad_payload` with what is wrong, or `bad_signature`); the caller judges the timestamp like the JSON path's.
 */
export function decodeBinary(ctx: FrameContext, payload: Buffer, key: string): Decoded {
  if (payload.length === 0 || payload[0] !== BINARY_V1)
    return refuse(`unknown format byte 0x${(payload[0] ?? 0).toString(16).padStart(2, '0')}`);
  if (payload.length < MIN_FRAME_BYTES)
    return refuse(`${payload.length} bytes, a frame has at least ${MIN_FRAME_BYTES}`);
  const ts = payload.readUInt32BE(1);
  const seq = payload.readUInt32BE(5);
  const count = payload.readUInt8(9);
  if (count > MAX_METRICS) return refuse(`${count} metrics, at most ${MAX_METRICS}`);
  const values: Record<string, number> = {};
  let at = HEADER_BYTES;
  const end = payload.length - TAG_BYTES;
  for (let i = 0; i < count; i++) {
    if (at + 1 > end) return refuse(`the frame ends inside metric ${i + 1}`);
    const id = payload[at++]!;
    let name: string;
    if (id === NAMED) {
      if (at + 1 > end) return refuse(`the frame ends inside metric ${i + 1}`);
      const len = payload[at++]!;
      if (at + len > end) return refuse(`the frame ends inside metric ${i + 1}`);
      name = payload.toString('latin1', at, at + len);
      at += len;
      if (!METRIC_NAME.test(name)) return refuse(`metric ${i + 1}: name must match ${METRIC_NAME.source}`);
    } else {
      const known = METRIC_IDS[id];
      if (!known) return refuse(`unknown metric id ${id}`);
      name = known;
    }
    if (at + 4 > end) return refuse(`the frame ends inside metric ${i + 1}`);
    if (Object.hasOwn(values, name)) return refuse(`metric ${name} twice`);
    values[name] = payload.readInt32BE(at) / 1000;
    at += 4;
  }
  if (at < end) return refuse(`${end - at} bytes more than the metrics and the signature take`);
  const expected = macOf(ctx, key, payload.subarray(0, end));
  if (!timingSafeEqual(expected, payload.subarray(end))) return { ok: false, reason: 'bad_signature', detail: null };
  return { ok: true, ts, seq, values };
}
