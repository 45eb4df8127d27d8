import type { MqttClient } from 'mqtt';
import type { TelemetryService } from './telemetry.service.ts';

export interface MqttConfig {
  url: string;
  clientId: string;
  username: string | null;
  password: string | null;
  /** MQTT 5 shared subscription group, so N app instances split the messages; null = one consumer */
  shareGroup: string | null;
}

export const DEVICE_TOPICS = ['cityloop/+/+/telemetry', 'cityloop/+/+/heartbeat'] as const;
/** Vehicle positions (docs/vehicles.md, "GPS messages"), handed to the vehicles module's sink when one is given. */
export const GPS_TOPIC = 'cityloop/+/+/gps';

/** Where GPS messages go: like `TelemetryService.ingest`, it throws only when storage fails. */
export interface GpsSink {
  ingest(topic: string, payload: Buffer): Promise<unknown>;
}

export interface Consumer {
  client: MqttClient;
  close(): Promise<void>;
}

/**
 * The MQTT consumer (docs/iot.md, "Topics"): QoS 1 on a persistent session (clean session off, a stable client id),
 * so what devices publish while the consumer or the broker is down is delivered when they are back. The PUBACK of a
 * message is sent only once it is stored (mqtt.js sends it when `handleMessage` calls back), and messages are handled
 * one at a time in arrival order; a storage failure is retried until it succeeds, holding the rest back.
 */
export async function startMqttConsumer(
  config: MqttConfig,
  telemetry: TelemetryService,
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
  gps: GpsSink | null = null,
): Promise<Consumer> {
  // mqtt.js (about 19 MiB once loaded) is loaded only by a process that has a broker to talk to.
  const { default: mqtt } = await import('mqtt');
  let closing = false;
  const client = mqtt.connect(config.url, {
    clientId: config.clientId,
    clean: false,
    protocolVersion: config.shareGroup ? 5 : 4,
    ...(config.shareGroup ? { properties: { sessionExpiryInterval: 7 * 86_400 } } : {}),
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    ...(config.username ? { username: config.username } : {}),
    ...(config.password ? { password: config.password } : {}),
  });
  const topics = [...DEVICE_TOPICS, ...(gps ? [GPS_TOPIC] : [])].map((t) =>
    config.shareGroup ? `$share/${config.shareGroup}/${t}` : t,
  );
  client.on('connect', (connack) => {
    telemetry.setConnected(true);
    log.info({ sessionPresent: connack.sessionPresent }, 'mqtt consumer connected');
    // Subscribed on every connect, also when the broker kept the session: a session can exist without the
    // subscriptions (the first CONNECT was accepted but its CONNACK timed out here). Subscribing again keeps the
    // messages queued for the session.
    client.subscribe(topics, { qos: 1 }, (err) => {
      if (err) log.warn({ err }, 'mqtt subscribe failed');
    });
  });
  client.on('close', () => telemetry.setConnected(false));
  client.on('error', (err) => log.warn({ err }, 'mqtt consumer error'));
  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return callback();
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    const attempt = (delayMs: number): void => {
      (gps && packet.topic.endsWith('/gps')
        ? gps.ingest(packet.topic, payload)
        : telemetry.ingest(packet.topic, payload)
      ).then(
        () => callback(),
        (err: unknown) => {
          log.warn({ err, topic: packet.topic }, 'message not stored; retrying before acknowledging it');
          if (closing) return;
          setTimeout(() => attempt(Math.min(delayMs * 2, 30_000)), delayMs).unref();
        },
      );
    };
    attempt(500);
  };
  return {
    client,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        telemetry.setConnected(false);
        client.end(false, {}, () => resolve());
      }),
  };
}
