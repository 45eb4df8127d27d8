import { newId } from './ids.ts';
import type { LiveEvent, LiveHub } from './live-events.ts';

/**
 * The Redis relay of the live-event hub (several app instances: docs/architecture.md, "Several instances"). Each instance publishes the events its
 * services raise to one Redis channel and delivers what the other instances published to its own SSE
 * connections, so a case created through instance A appears on a console connected to instance B.
 * Off unless REDIS_URL is set: one process needs no relay (the hub is in-process).
 *
 * Live events are a hint to refresh, never the record (the console re-reads over HTTP): while Redis is away an
 * instance keeps serving and its publishes are dropped, not queued; ioredis reconnects by itself.
 */
export interface LiveRelay {
  /** this process's id on the channel (its own messages are skipped: the hub already delivered them locally) */
  readonly instanceId: string;
  readonly channel: string;
  close(): Promise<void>;
}

export interface LiveRelayOptions {
  url: string;
  /** key prefix shared by every instance of one installation (REDIS_PREFIX), e.g. `cityloop:` */
  prefix: string;
  onError?: (err: unknown) => void;
  /** how long to wait for the first connection before starting anyway (and retrying in the background) */
  connectTimeoutMs?: number;
}

interface Envelope {
  origin: string;
  event: LiveEvent;
}

function isEvent(v: unknown): v is LiveEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.type === 'string' && typeof e.tenantId === 'string' && typeof e.data === 'object' && e.data !== null;
}

/** Parses one channel message; null for anything malformed (a foreign publisher must not break delivery). */
export function parseEnvelope(message: string): Envelope | null {
  try {
    const v = JSON.parse(message) as Partial<Envelope>;
    return typeof v.origin === 'string' && isEvent(v.event) ? { origin: v.origin, event: v.event } : null;
  } catch {
    return null;
  }
}

export async function startLiveRelay(hub: LiveHub, options: LiveRelayOptions): Promise<LiveRelay> {
  const instanceId = newId();
  const channel = `${options.prefix}live`;
  const onError = options.onError ?? (() => undefined);
  // ioredis is loaded only by the instances that relay through Redis (docs/decisions/0012-footprint-and-logging.md).
  const { Redis } = await import('ioredis');
  // Two connections: a subscribed connection may issue nothing but (un)subscribe commands. The subscribe waits
  // in the offline queue however long Redis is away (maxRetriesPerRequest: null) and is replayed on reconnect.
  const publisher = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(options.url, { maxRetriesPerRequest: null });
  publisher.on('error', onError);
  subscriber.on('error', onError);
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    const envelope = parseEnvelope(message);
    if (envelope && envelope.origin !== instanceId) hub.deliver(envelope.event);
  });
  const subscribed = subscriber.subscribe(channel);
  subscribed.catch(onError);
  let timer: NodeJS.Timeout | undefined;
  // Start once subscribed, or after the timeout anyway (an app without live updates still serves).
  await Promise.race([
    subscribed,
    new Promise((resolve) => {
      timer = setTimeout(resolve, options.connectTimeoutMs ?? 5000);
    }),
  ]).catch(() => undefined);
  clearTimeout(timer);

  hub.setRelay((event) => {
    if (publisher.status !== 'ready') return;
    publisher.publish(channel, JSON.stringify({ origin: instanceId, event } satisfies Envelope)).catch(onError);
  });

  return {
    instanceId,
    channel,
    async close() {
      hub.setRelay(null);
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
