import pg from 'pg';

/**
 * Samples pg_stat_activity every 10 ms on a connection of its own and, when stopped, answers the share of samples
 * in each state of the other client connections of this database: `active (CPU)` for a statement running without a
 * wait, `active: Lock/transactionid` and the like for a wait, `idle in transaction` for a transaction waiting on the
 * app between statements. Where a write path's wall time goes when its server CPU does not explain it.
 */
export function sampleWaits(url: string): { stop(): Promise<string> } {
  const client = new pg.Client({ connectionString: url });
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ state: string | null; wt: string | null; w: string | null }>(
        `select state, wait_event_type as wt, wait_event as w from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      samples++;
      for (const r of rows) {
        if (r.state === 'idle') continue;
        const key =
          r.wt && r.state === 'active'
            ? `active: ${r.wt}/${r.w}`
            : r.state === 'active'
              ? 'active (CPU)'
              : `${r.state}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const lines = [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `  ${(n / samples).toFixed(2).padStart(6)} connections on average  ${k}`);
      return `PostgreSQL connections of the app, ${samples} samples every 10 ms (idle ones left out):\n${lines.join('\n')}`;
    },
  };
}
