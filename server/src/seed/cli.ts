/**
 * `npm run seed`: migrates the database named by DATABASE_URL (default: the SQLite file in DATA_DIR) and seeds the
 * demo city 大冶市 (420281) when it is not there yet, exactly as the server does on its first start. Running it
 * again changes nothing. Options: --url <DATABASE_URL> (instead of the environment), --schema <name> (PostgreSQL).
 * Exit 0 on success (seeded or already present), 1 on failure, 2 on a usage or configuration error.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { systemClock } from '../platform/clock.ts';
import { prepareDatabase } from '../prepare.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};

let url: string | undefined;
let config: ReturnType<typeof loadConfig> | undefined;
try {
  config = loadConfig();
  url = option('--url') ?? config.databaseUrl;
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`Configuration error: ${err.message}`);
  process.exit(2);
}
if (!url || (argv.includes('--url') && !option('--url')) || (argv.includes('--schema') && !option('--schema'))) {
  console.error('usage: npm run seed -- [--url <DATABASE_URL>] [--schema <name>]');
  process.exit(2);
}
const schema = option('--schema');
try {
  const { applied, seeded, history } = await prepareDatabase(url, systemClock, {
    seedDemo: true,
    config: config ?? null,
    history: config?.demoHistory ? config : null,
    ...(schema ? { schema } : {}),
  });
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  if (history)
    console.log(
      `demo history: ${history.cases} cases, ${history.events} timeline rows, ${history.hotlineOrders} hotline orders in ${(history.ms / 1000).toFixed(1)} s`,
    );
  console.log(
    seeded ? 'demo city 大冶市 (420281) seeded' : 'demo city 大冶市 (420281) already present; nothing changed',
  );
} catch (err) {
  console.error(err);
  process.exitCode = 1;
}
