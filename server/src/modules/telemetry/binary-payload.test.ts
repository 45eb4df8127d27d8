import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signingString } from '../../../../common/domain/iot.ts';
import { BINARY_V1, decodeBinary, encodeBinary, isBinaryFrame, MIN_FRAME_BYTES, TAG_BYTES } from './binary-payload.ts';
import { readMessage, Refusal } from './telemetry-message.ts';

const KEY = 'a'.repeat(64);
const CTX = { tenant: '420281', device: 'JG-0001', kind: 'telemetry' } as const;
const NOW = new Date('2024-03-12T02:00:30Z');
const TS = Date.parse('2024-03-12T02:00:10Z') / 1000;

/** Re-signs a frame whose bytes a test changed, so only the change is wrong. */
function resign(body: Buffer, key = KEY, ctx: { tenant: string; device: string; kind: string } = CTX): Buffer {
  const tag = createHmac('sha256', key)
    .update(`cityloop-b1\n${ctx.tenant}\n${ctx.device}\n${ctx.kind}\n`)
    .update(body)
    .digest()
    .subarray(0, TAG_BYTES);
  return Buffer.concat([body, tag]);
}
const bodyOf = (frame: Buffer) => frame.subarray(0, frame.length - TAG_BYTES);

function refusal(payload: Buffer): { reason: string; detail: string | null } {
  try {
    readMessage(CTX, payload, KEY, NOW);
  } catch (err) {
    if (err instanceof Refusal) return { reason: err.reason, detail: err.detail };
    throw err;
  }
  throw new Error('accepted');
}

describe('binary payload', () => {
  it('matches the documented example byte for byte and reads as the JSON message does', () => {
    const frame = encodeBinary(CTX, { ts: TS, seq: 17, values: { tilt_deg: 16.5, battery_pct: 87 } }, KEY);
    // 10 header bytes, two metrics of 5 bytes, a 16-byte tag: 36 bytes where the JSON message takes ~150
    expect(frame.length).toBe(36);
    expect(frame.toString('hex')).toBe('b165efb72a0000001102010000407408000153d808a375237bf2e680e776dd29cd6f298c');
    const json = JSON.stringify({
      v: 1,
      ts: '2024-03-12T02:00:10Z',
      seq: 17,
      values: { tilt_deg: 16.5, battery_pct: 87 },
      sig: createHmac('sha256', KEY)
        .update(
          signingString({ ...CTX, ts: '2024-03-12T02:00:10Z', seq: 17, values: { tilt_deg: 16.5, battery_pct: 87 } }),
        )
        .digest('hex'),
    });
    expect(readMessage(CTX, frame, KEY, NOW)).toEqual(readMessage(CTX, Buffer.from(json), KEY, NOW));
  });

  it('carries metrics outside the id table by name, negative values and thousandths exactly', () => {
    const values = { humidity_pct: 55.125, rssi_dbm: -97, level_m: 0.001, running: 0 };
    const frame = encodeBinary(CTX, { ts: TS, seq: 4_000_000_000, values }, KEY);
    expect(decodeBinary(CTX, frame, KEY)).toEqual({ ok: true, ts: TS, seq: 4_000_000_000, values });
  });

  it('is told from JSON by its first byte', () => {
    expect(isBinaryFrame(Buffer.from('{"v":1}'))).toBe(false);
    expect(isBinaryFrame(Buffer.from(' {'))).toBe(false);
    expect(isBinaryFrame(Buffer.from([BINARY_V1]))).toBe(true);
    expect(isBinaryFrame(Buffer.from([0xb2, 0]))).toBe(true);
  });

  it('refuses every malformation with its reason', () => {
    const good = encodeBinary(CTX, { ts: TS, seq: 1, values: { tilt_deg: 3 } }, KEY);
    // short: a header without room for the tag
    expect(refusal(good.subarray(0, MIN_FRAME_BYTES - 1))).toEqual({
      reason: 'bad_payload',
      detail: `binary: ${MIN_FRAME_BYTES - 1} bytes, a frame has at least ${MIN_FRAME_BYTES}`,
    });
    // a version this server does not know
    const v2 = Buffer.from(good);
    v2[0] = 0xb2;
    expect(refusal(v2)).toEqual({ reason: 'bad_payload', detail: 'binary: unknown format byte 0xb2' });
    // a metric id missing from the table
    const unknown = Buffer.from(bodyOf(good));
    unknown[10] = 200;
    expect(refusal(resign(unknown))).toEqual({ reason: 'bad_payload', detail: 'binary: unknown metric id 200' });
    // more than 16 metrics
    const many = Buffer.from(bodyOf(good));
    many[9] = 17;
    expect(refusal(resign(many))).toEqual({ reason: 'bad_payload', detail: 'binary: 17 metrics, at most 16' });
    // a count that promises more metrics than the frame holds
    const promised = Buffer.from(bodyOf(good));
    promised[9] = 2;
    expect(refusal(resign(promised))).toEqual({
      reason: 'bad_payload',
      detail: 'binary: the frame ends inside metric 2',
    });
    // trailing bytes between the metrics and the tag
    expect(refusal(resign(Buffer.concat([bodyOf(good), Buffer.from([0, 0])])))).toEqual({
      reason: 'bad_payload',
      detail: 'binary: 2 bytes more than the metrics and the signature take',
    });
    // the same metric twice
    const twice = encodeBinary(CTX, { ts: TS, seq: 1, values: { tilt_deg: 3, water_cm: 1 } }, KEY);
    const dup = Buffer.from(bodyOf(twice));
    dup[15] = 1;
    expect(refusal(resign(dup))).toEqual({ reason: 'bad_payload', detail: 'binary: metric tilt_deg twice' });
    // a name that is no metric name
    const named = Buffer.from(bodyOf(encodeBinary(CTX, { ts: TS, seq: 1, values: { abc: 1 } }, KEY)));
    named[12] = 'A'.charCodeAt(0);
    expect(refusal(resign(named)).detail).toMatch(/^binary: metric 1: name must match/);
  });

  it('refuses a forged or moved signature, and a stale clock', () => {
    const frame = encodeBinary(CTX, { ts: TS, seq: 1, values: { tilt_deg: 3 } }, KEY);
    expect(refusal(encodeBinary(CTX, { ts: TS, seq: 1, values: { tilt_deg: 3 } }, 'b'.repeat(64))).reason).toBe(
      'bad_signature',
    );
    // one value changed after signing
    const changed = Buffer.from(frame);
    changed[14] = changed[14]! ^ 1;
    expect(refusal(changed).reason).toBe('bad_signature');
    // the heartbeat topic's kind is signed: a telemetry frame does not pass as a heartbeat
    expect(() => readMessage({ ...CTX, kind: 'heartbeat' }, frame, KEY, NOW)).toThrow(Refusal);
    const old = encodeBinary(CTX, { ts: TS - 2 * 86_400, seq: 1, values: { tilt_deg: 3 } }, KEY);
    expect(refusal(old)).toEqual({ reason: 'stale', detail: 'ts 2024-03-10T02:00:10.000Z' });
  });

  it('refuses to encode what the format cannot carry', () => {
    expect(() => encodeBinary(CTX, { ts: TS, seq: 1, values: { tilt_deg: 3e6 } }, KEY)).toThrow(RangeError);
    expect(() => encodeBinary(CTX, { ts: TS, seq: 2 ** 32, values: {} }, KEY)).toThrow(RangeError);
  });
});
