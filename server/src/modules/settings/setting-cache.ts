/**
 * Settings read on every intake, kept for a few seconds per (tenant, key) (docs/decisions/0010-intake-cost.md).
 * A write through the settings service forgets every entry, and for a short window after it nothing is stored:
 * the write's transaction may not have committed yet, and a read racing it would keep the old value. Other
 * instances see a change once their entry is older than SETTING_ENTRY_MS.
 */
export const SETTING_ENTRY_MS = 3000;
/** Longer than any transaction that writes a setting. */
const QUIET_MS = 2000;
const MAX_ENTRIES = 10_000;

/** `V`: what a read answers (the stored setting). */
export function createSettingCache<V>() {
  const entries = new Map<string, { value: Promise<V | undefined>; until: number }>();
  let quietUntil = 0;
  return {
    read(tenantId: string, key: string, load: () => Promise<V | undefined>) {
      const id = `${tenantId}\u0000${key}`;
      const now = Date.now();
      const hit = entries.get(id);
      if (hit && hit.until > now) return hit.value;
      const value = load();
      if (now >= quietUntil) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(id, { value, until: now + SETTING_ENTRY_MS });
        value.catch(() => {
          if (entries.get(id)?.value === value) entries.delete(id);
        });
      }
      return value;
    },
    forget() {
      entries.clear();
      quietUntil = Date.now() + QUIET_MS;
    },
  };
}
