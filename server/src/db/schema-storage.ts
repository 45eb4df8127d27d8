/** Tables of migration 0017_storage_health. */

/** One row, rewritten by every health check: proof that the database accepts writes (modules/health). */
export interface HealthHeartbeatTable {
  id: string;
  beat_at: string;
}
