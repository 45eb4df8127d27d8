import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import * as repo from './login-throttle.repository.ts';

/**
 * Sign-in throttle per (tenant, username as typed, client address), docs/security.md "Sign-in, sessions and
 * passwords". Keying on the address as well as the account means a stranger who fails against `admin` blocks only
 * their own address, and keying on the username as typed (not the account) means an unknown username is throttled
 * exactly like a real one, so the answers never tell them apart.
 */
export interface ThrottleSettings {
  /** failures that start a block */
  maxFailures: number;
  /** the first block; each further one doubles */
  firstMinutes: number;
  /** the longest block */
  capMinutes: number;
}

/** A day without a failure forgets the address's history with that account. */
export const THROTTLE_MEMORY_MS = 24 * 3600_000;
const MINUTE = 60_000;

/** Length of the n-th block (n ≥ 1): first, 2 × first, 4 × first, … up to the cap. */
export function blockMinutes(level: number, s: ThrottleSettings): number {
  return Math.min(s.firstMinutes * 2 ** Math.max(0, level - 1), s.capMinutes);
}

export interface ThrottleSubject {
  /** tenant id, or `?<code>` for a tenant code that names no tenant */
  tenantKey: string;
  username: string;
  ip: string;
}

export function createLoginThrottle(db: Executor, clock: Clock, settings: ThrottleSettings) {
  const idOf = (s: ThrottleSubject) =>
    createHash('sha256').update(`${s.tenantKey}\n${s.username}\n${s.ip}`).digest('hex');

  return {
    /** Minutes left when this address is blocked for this username, else null. Forgets a long-quiet history. */
    async blockedFor(subject: ThrottleSubject): Promise<number | null> {
      const row = await repo.findThrottle(db, idOf(subject));
      if (!row) return null;
      const now = clock.now().getTime();
      if (row.blocked_until && Date.parse(row.blocked_until) > now)
        return Math.ceil((Date.parse(row.blocked_until) - now) / MINUTE);
      if (Date.parse(row.updated_at) < now - THROTTLE_MEMORY_MS) await repo.deleteThrottle(db, row.id);
      return null;
    },

    /** Counts a failure; answers the block's minutes when this failure starts one, else null. */
    async fail(subject: ThrottleSubject): Promise<number | null> {
      const now = clock.now();
      const nowIso = now.toISOString();
      const id = idOf(subject);
      const counted = await repo.countFailure(db, {
        id,
        tenant_key: subject.tenantKey,
        username: subject.username,
        ip: subject.ip,
        updated_at: nowIso,
      });
      if (counted.failures < settings.maxFailures) return null;
      const level = counted.level + 1;
      const minutes = blockMinutes(level, settings);
      await repo.startBlock(
        db,
        id,
        settings.maxFailures,
        level,
        new Date(now.getTime() + minutes * MINUTE).toISOString(),
        nowIso,
      );
      return minutes;
    },

    /** A successful sign-in from the address clears its history with the account. */
    async succeed(subject: ThrottleSubject): Promise<void> {
      await repo.deleteThrottle(db, idOf(subject));
    },

    async purge(): Promise<void> {
      const now = clock.now();
      await repo.deleteStaleThrottles(
        db,
        new Date(now.getTime() - THROTTLE_MEMORY_MS).toISOString(),
        now.toISOString(),
      );
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
