/**
 * Drives the demo city's synthetic vehicles over HTTP (docs/vehicles.md, "Simulation"): signs in as an administrator,
 * issues each synthetic sprinkler and muck truck a GPS key (a key rotation; the seed stores none), then every `TICK_S`
 * seconds posts each vehicle's position as a signed GPS batch. Positions follow `simulatedPositions`: sprinklers
 * 06:00–22:00 on their road, muck trucks 22:00–06:00 on their route, both in the city's time zone.
 *
 *   BASE_URL=http://127.0.0.1:3000 ADMIN_USER=admin ADMIN_PASSWORD=… npx tsx scripts/simulate-vehicles.ts
 *
 * `startVehicleSimulation` is what a combined device simulator calls; it returns a stop function.
 */
import { zonedDateTime } from '../common/domain/zoned-time.ts';
import { gpsMessage, simulatedPositions, type SimVehicle } from '../server/src/modules/vehicles/index.ts';

interface Options {
  baseUrl: string;
  user: string;
  password: string;
  tickS?: number;
  timeZone?: string;
  log?: (line: string) => void;
}

interface Listed {
  id: string;
  code: string;
  plate: string;
  kind: SimVehicle['kind'];
  synthetic: boolean;
  topic: string;
  route: { coordinates: [number, number][] } | null;
}

export async function startVehicleSimulation(o: Options): Promise<() => void> {
  const log = o.log ?? ((l: string) => console.log(l));
  const login = await fetch(`${o.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: o.user, password: o.password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const roads = (await (await fetch(`${o.baseUrl}/api/gazetteer/roads`, { headers })).json()) as {
    features: { geometry: { type: string; coordinates: [number, number][] } }[];
  };
  const lines = roads.features.filter((f) => f.geometry.type === 'LineString').map((f) => f.geometry.coordinates);
  const fleet: { v: SimVehicle; key: string; tenant: string; offset: number }[] = [];
  for (let page = 1; ; page++) {
    const res = (await (await fetch(`${o.baseUrl}/api/vehicles?pageSize=100&page=${page}`, { headers })).json()) as {
      items: Listed[];
      total: number;
    };
    for (const [i, v] of res.items.entries()) {
      if (!v.synthetic || (v.kind !== 'sprinkler' && v.kind !== 'muck')) continue;
      const rotated = await fetch(`${o.baseUrl}/api/vehicles/${v.id}/rotate-key`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      if (!rotated.ok) throw new Error(`no key for ${v.code}: ${rotated.status}`);
      const { key } = (await rotated.json()) as { key: string };
      const line = v.route?.coordinates ?? lines[(fleet.length + i) % Math.max(1, lines.length)] ?? [];
      fleet.push({
        v: { code: v.code, plate: v.plate, kind: v.kind, line },
        key,
        tenant: v.topic.split('/')[1]!,
        offset: (fleet.length * 7) % 60,
      });
    }
    if (page * 100 >= res.total) break;
  }
  log(`simulating ${fleet.length} vehicles`);
  let seq = 0;
  const tick = async () => {
    const now = new Date();
    const local = zonedDateTime(now, o.timeZone ?? 'Asia/Shanghai');
    const minute = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) + now.getUTCSeconds() / 60;
    for (const f of fleet) {
      const p = simulatedPositions(f.v, minute, f.offset);
      if (!p) continue;
      const message = gpsMessage({ tenant: f.tenant, vehicle: f.v.code, key: f.key, seq: seq++, at: now }, p);
      await fetch(`${o.baseUrl}/api/vehicles/gps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: f.tenant, vehicle: f.v.code, messages: [message] }),
      }).catch((err: unknown) => log(`post failed: ${String(err)}`));
    }
  };
  const timer = setInterval(() => void tick(), (o.tickS ?? 10) * 1000);
  void tick();
  return () => clearInterval(timer);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startVehicleSimulation({
    baseUrl: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    user: process.env.ADMIN_USER ?? 'admin',
    password: process.env.ADMIN_PASSWORD ?? '',
    tickS: Number(process.env.TICK_S ?? 10),
  });
}
