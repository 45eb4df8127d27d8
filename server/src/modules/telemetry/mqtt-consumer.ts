import type { MqttClient } from 'mqtt';
import type { GpsSink } from './gps-sink.ts';
import { IngestJournal } from './ingest-journal.ts';
import { createIngestPipeline, type PipelineOptions } from './ingest-pipeline.ts';
import type { TelemetryService } from './telemetry.service.ts';

export interface MqttConfig {
  url: string;
  clientId: string;
  username: string | null;
  password: string | null;
  /** MQTT 5 shared subscription group, so N app instances split the messages; null = one consumer */
  shareGroup: string | null;
  /** the ingest journal (docs/iot.md, "Topics"): its folder, whether each append is flushed to disk, and batching */
  journal: { dir: string; fsync: boolean; segmentBytes: number } & PipelineOptions;
}

export const DEVICE_TOPICS = ['cityloop/+/+/telemetry', 'cityloop/+/+/heartbeat'] as const;
/** Vehicle positions (docs/vehicles.md, "GPS messages"), handed to the vehicles module's sink when one is given. */
export const GPS_TOPIC = 'cityloop/+/+/gps';

export interface Consumer {
  client: MqttClient;
  close(): Promise<void>;
}

/**
 * The MQTT consumer (docs/iot.md, "Topics"): QoS 1 on a persistent session (clean session off, a stable client id),
 * so what devices publish while the consumer or the broker is down is delivered when they are back. Each message is
 * appended to the ingest journal and then acknowledged (mqtt.js sends the PUBACK when `handleMessage` calls back and
 * reads the next packet only then); batches of journaled messages are stored, in arrival order, by the pipeline,
 * which holds the PUBACKs back when too much is waiting. A storage failure is retried until it succeeds.
 */
export async function startMqttConsumer(
  config: MqttConfig,
  telemetry: TelemetryService,
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
  gps: GpsSink | null = null,
): Promise<Consumer> {
  // mqtt.js (about 19 MiB once loaded) is loaded only by a process that has a broker to talk to.
  const { default: mqtt } = await import('mqtt');
  const journal = new IngestJournal(config.journal.dir, config.clientId, config.journal);
  // what a previous process journaled but did not store goes first
  const pipeline = createIngestPipeline(
    journal,
    (records) => telemetry.ingestBatch(records, gps),
    config.journal,
    () => telemetry.receivedAt(),
    log,
  );
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
    pipeline.accept(packet.topic, payload, () => callback());
  };
  return {
    client,
    close: () =>
      new Promise<void>((resolve) => {
        telemetry.setConnected(false);
        client.end(false, {}, () => resolve());
      }).then(() => pipeline.close()),
  };
}
