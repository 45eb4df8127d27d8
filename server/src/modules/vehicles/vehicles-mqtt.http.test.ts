import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateBroker, type PrivateBroker } from '../../testing/mosquitto.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { gpsMessage } from './vehicle-sim.ts';

/**
 * The MQTT path of the GPS feed on a private Mosquitto: the telemetry consumer hands `…/gps` topics to the vehicles
 * module, which stores a signed position and drops a forged one.
 */
let broker: PrivateBroker;
let ctx: TestContext;
let admin: Session;
let publisher: MqttClient;
// this file's broker port, inside the range set aside for the vehicle tests (18850–18899)
const PORT = 18000 + 850 + (process.pid % 50);

async function until(test: () => Promise<boolean>, what: string): Promise<void> {
  // generous: the journal's batch runs on a test database shared with a loaded machine's other passes
  const deadline = Date.now() + 60_000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  broker = await startPrivateBroker(PORT);
  ctx = await createTestApp({
    env: { MQTT_URL: broker.url, MQTT_CLIENT_ID: `cityloop-vehicles-${process.pid}` },
  });
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  await until(async () => (await as(ctx.app, admin).get('/api/telemetry/consumer')).json().connected, 'the consumer');
  publisher = await mqtt.connectAsync(broker.url, { clientId: `gps-sim-${process.pid}`, clean: true });
}, 180_000);
afterAll(async () => {
  await publisher?.endAsync();
  await ctx?.close();
  await broker?.dispose();
});

it('stores a signed position published on the gps topic and refuses a forged one', async () => {
  const api = as(ctx.app, admin);
  const made = await api.post('/api/vehicles', { code: 'MQ-SS-01', plate: '鄂B·M0001', kind: 'sprinkler' });
  expect(made.statusCode, made.body).toBe(201);
  const { vehicle, key } = made.json() as { vehicle: { id: string; topic: string }; key: string };
  const tenant = vehicle.topic.split('/')[1]!;
  const forged = {
    ...gpsMessage(
      { tenant, vehicle: 'MQ-SS-01', key, seq: 1, at: new Date('2024-03-12T01:30:00Z') },
      { lng: 114.95, lat: 30.0863, speedKmh: 12, headingDeg: 90 },
    ),
    sig: 'b'.repeat(64),
  };
  const good = gpsMessage(
    { tenant, vehicle: 'MQ-SS-01', key, seq: 2, at: new Date('2024-03-12T01:31:00Z') },
    { lng: 114.951, lat: 30.0863, speedKmh: 12, headingDeg: 90 },
  );
  await publisher.publishAsync(vehicle.topic, JSON.stringify(forged), { qos: 1 });
  await publisher.publishAsync(vehicle.topic, JSON.stringify(good), { qos: 1 });
  await until(async () => (await api.get(`/api/vehicles/${vehicle.id}`)).json().lastAt !== null, 'the position');
  const track = (
    await api.get(`/api/vehicles/${vehicle.id}/track?from=2024-03-12T01:00:00Z&to=2024-03-12T02:00:00Z`)
  ).json() as { points: { at: string; lng: number }[] };
  expect(track.points).toEqual([expect.objectContaining({ at: '2024-03-12T01:31:00.000Z', lng: 114.951 })]);
}, 90_000);
