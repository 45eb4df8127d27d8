import { useEffect, useState } from 'react';
import { DEFAULT_LINES_SETTING, type Line, type LinesSetting } from '../../../../common/domain/lines.ts';
import { linesApi } from './lines.api.ts';

/**
 * The tenant's business lines (docs/lines.md), read once per page load and shared by the menu, the route guard, the
 * map and the 大屏; the settings page puts what it saved so every reader follows at once.
 */
let current: LinesSetting | null = null;
let pending: Promise<LinesSetting> | null = null;
const listeners = new Set<(s: LinesSetting) => void>();

function load(): Promise<LinesSetting> {
  pending ??= linesApi.settings().then(
    (s) => publish(s),
    () => {
      // Unreadable (signed out, a network error): show every line rather than hide work; the server still refuses.
      pending = null;
      return DEFAULT_LINES_SETTING;
    },
  );
  return pending;
}

function publish(s: LinesSetting): LinesSetting {
  current = s;
  for (const l of listeners) l(s);
  return s;
}

/** After a save: every mounted reader takes the new setting. */
export const putLines = (s: LinesSetting) => void publish(s);

/** For tests: forget the cached setting. */
export function resetLinesCache(): void {
  current = null;
  pending = null;
}

/** The setting, or null until it is known. `enabled` = true reads it (false: never asks, e.g. signed out). */
export function useLinesSetting(enabled = true): LinesSetting | null {
  const [value, setValue] = useState<LinesSetting | null>(current);
  useEffect(() => {
    if (!enabled) return undefined;
    listeners.add(setValue);
    if (current) setValue(current);
    else void load().then(setValue);
    return () => {
      listeners.delete(setValue);
    };
  }, [enabled]);
  return value;
}

/** The lines switched on, or undefined while unknown. */
export function useEnabledLines(enabled = true): readonly Line[] | undefined {
  return useLinesSetting(enabled)?.enabled;
}
