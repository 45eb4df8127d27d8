import { createHmac, timingSafeEqual } from 'node:crypto';
import { Compile } from 'typebox/compile';
import { DeviceMessage } from '../../../../common/contracts/iot.ts';
import {
  signingString,
  TOPIC_PATTERN,
  type MessageKind,
  type RejectReason,
  type SignedKind,
} from '../../../../common/domain/iot.ts';
import { decodeBinary, isBinaryFrame } from './binary-payload.ts';

/**
 * Reading one MQTT message (docs/iot.md, "Topics", "Payload", "Signature", "Binary payload"): the topic, the JSON
 * against its schema or the binary frame, the HMAC under the device key and the device's clock. Each check names the reason a message is refused.
 */
export interface Topic {
  tenant: string;
  device: string;
  kind: MessageKind;
}

export function parseTopic(topic: string): Topic | null {
  const m = TOPIC_PATTERN.exec(topic);
  return m ? { tenant: m[1]!, device: m[2]!, kind: m[3] as MessageKind } : null;
}

export class Refusal extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string | null = null,
  ) {
    super(reason);
  }
}

const checker = Compile(DeviceMessage);

/** A device clock may lag this far behind the server (queued readings after an outage) ... */
export const MAX_LAG_MS = 24 * 3_600_000;
/** ... and run this far ahead of it. */
export const MAX_LEAD_MS = 10 * 60_000;

export interface Accepted {
  at: Date;
  seq: number;
  values: Record<string, number>;
}

export function readMessage(
  topic: Omit<Topic, 'kind'> & { kind: SignedKind },
  payload: Buffer,
  key: string,
  now: Date,
): Accepted {
  if (isBinaryFrame(payload)) {
    const frame = decodeBinary(topic, payload, key);
    if (!frame.ok) throw new Refusal(frame.reason, frame.detail);
    const at = new Date(frame.ts * 1000);
    inTime(at, now);
    return { at, seq: frame.seq, values: frame.values };
  }
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new Refusal('bad_json');
  }
  if (!checker.Check(body)) {
    const first = [...checker.Errors(body)][0];
    throw new Refusal('bad_payload', first ? `${first.instancePath || '/'} ${first.message}`.slice(0, 200) : null);
  }
  for (const v of Object.values(body.values))
    if (!Number.isFinite(v) || Math.abs(v) > 1e9) throw new Refusal('bad_payload', 'values: out of range');
  const expected = createHmac('sha256', Buffer.from(key, 'utf8'))
    .update(signingString({ tenant: topic.tenant, device: topic.device, kind: topic.kind, ...body }), 'utf8')
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(body.sig, 'hex'))) throw new Refusal('bad_signature');
  const at = new Date(body.ts);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(body.ts) || Number.isNaN(at.getTime()))
    throw new Refusal('bad_payload', '/ts must be an ISO-8601 UTC instant');
  inTime(at, now, body.ts);
  return { at, seq: body.seq, values: body.values };
}

function inTime(at: Date, now: Date, sent = at.toISOString()): void {
  const skew = at.getTime() - now.getTime();
  if (skew < -MAX_LAG_MS || skew > MAX_LEAD_MS) throw new Refusal('stale', `ts ${sent}`);
}
