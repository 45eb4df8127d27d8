/** Telemetry of 城市之感 (docs/iot.md): the MQTT consumer, signed device messages, raw readings with 1-minute and
 *  1-hour roll-ups and their retention, and the log of rejected messages. */
export { createTelemetry } from './telemetry.module.ts';
export { type TelemetryService, type ReadingWatch, type TelemetryConfig } from './telemetry.service.ts';
export { registerTelemetryRoutes } from './telemetry.routes.ts';
export { startMqttConsumer, DEVICE_TOPICS, GPS_TOPIC, type MqttConfig, type Consumer } from './mqtt-consumer.ts';
export type { GpsSink } from './gps-sink.ts';
export { readMessage, Refusal, MAX_LAG_MS } from './telemetry-message.ts';
export { latestReadings } from './latest-readings.ts';
export {
  encodeBinary,
  decodeBinary,
  isBinaryFrame,
  BINARY_V1,
  METRIC_IDS,
  type Frame,
  type FrameContext,
} from './binary-payload.ts';
