/**
 * Resolved sessions kept for a few seconds, so an authenticated request does not read its session, user and grants
 * on every call (docs/decisions/0010-intake-cost.md). Any write that could change what a session resolves to
 * (sign-out, a password set, a user or their grants edited, sessions deleted) forgets every entry in this process,
 * and for a short window after it nothing is stored: that write's transaction may not have committed yet, and a
 * resolve racing it would otherwise keep the old answer. Other instances learn of such a change by the entries'
 * age at most (ENTRY_MS). Keyed by the session id (the HMAC of the cookie), unique across databases.
 */
import type { Actor } from './actor.ts';

/** What a session resolves to (auth.service.ts resolves it; kept here, below the service, for the cache). */
export interface SessionInfo {
  actor: Omit<Actor, 'requestId'>;
  sessionId: string;
  csrfToken: string;
  /** Set after an administrator chose the password: only changing it, signing out and "who am I" are allowed. */
  mustChangePassword: boolean;
}

/** How long a resolved session is reused. */
export const ENTRY_MS = 3000;
/** After a forgetting write, how long nothing is stored (longer than any transaction that makes such a write). */
const QUIET_MS = 2000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { info: SessionInfo; until: number; freshUntil: number }>();
let quietUntil = 0;

/**
 * The kept answer for session `id`, if it is younger than ENTRY_MS (real time) and, at `clockMs` (the app's clock),
 * neither the session has ended nor its sliding expiry is due to be written again.
 */
export function cachedSession(id: string, clockMs: number): SessionInfo | undefined {
  const hit = entries.get(id);
  if (!hit) return undefined;
  if (hit.until > Date.now() && hit.freshUntil > clockMs) return hit.info;
  entries.delete(id);
  return undefined;
}

/** Keeps `info` for ENTRY_MS, and no longer than `freshUntilMs` on the app's clock (session end or next touch). */
export function keepSession(id: string, info: SessionInfo, freshUntilMs: number): void {
  const now = Date.now();
  if (now < quietUntil) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(id, { info, until: now + ENTRY_MS, freshUntil: freshUntilMs });
}

/** Called by every write that may change a session's answer. */
export function forgetCachedSessions(): void {
  entries.clear();
  quietUntil = Date.now() + QUIET_MS;
}
