/**
 * A private Mosquitto broker for tests: its own port and persistence folder, so a test can stop and restart it and
 * find the consumer's persistent session (and the QoS 1 messages queued for it) still there. Stopped by its PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../resilience/server-process.ts';
import { makeTempDir, removeTempDir } from './temp-dir.ts';

export const MOSQUITTO = process.env.MOSQUITTO_BIN || '/usr/sbin/mosquitto';

/**
 * The per-client queue settings docs/iot.md ("Broker settings") asks a deployment to put in mosquitto.conf; the test
 * and bench brokers use the same, so what they measure is what a city runs. Mosquitto's defaults (20 in flight,
 * 1,000 queued) would drop what a consumer that is behind or restarting has not received yet.
 */
export const BROKER_QUEUE_SETTINGS = ['max_inflight_messages 1000', 'max_queued_messages 1000000'];

export interface PrivateBroker {
  port: number;
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** stops the broker and removes its folder */
  dispose(): Promise<void>;
}

async function listening(port: number, deadline: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `fixedPort`: a port the caller already handed to the app (an end-to-end journey's server); else a free one. */
export async function startPrivateBroker(fixedPort?: number): Promise<PrivateBroker> {
  const port = fixedPort ?? (await freePort());
  const dir = makeTempDir('cityloop-mqtt-');
  // Started as root, Mosquitto drops to the `mosquitto` user: that user must be able to write its database here.
  chmodSync(dir, 0o777);
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${dir}/`,
      'autosave_interval 1',
      ...BROKER_QUEUE_SETTINGS,
      'log_dest none',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' });
    await listening(port, Date.now() + 10_000);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    start,
    stop,
    async dispose() {
      await stop();
      removeTempDir(dir);
    },
  };
}
