import type { Inbox } from '../../../../common/domain/case-channels.ts';
import { useResource } from '../../api/use-resource.ts';
import { casesApi, type InboxCounts } from './cases.api.ts';

/**
 * The badge counts of the inbox tabs: the whole steps in one request, and (when some tab shows only my tasks, as an
 * inspector's 待核实/待核查 do) my tasks in a second one, counted by the server with the list's own filter. A failed
 * count keeps the last ones: the page beside it reports the failure. Used by the inbox and by the 工作台.
 */
export function useInboxCounts(mineTabs: readonly Inbox[], reloadKey: number): InboxCounts | null {
  return useResource(
    (signal) =>
      Promise.all([
        casesApi.counts({}, signal),
        mineTabs.length ? casesApi.counts({ mine: true }, signal) : Promise.resolve(null),
      ]).then(([all, mine]): InboxCounts => ({
        ...all,
        ...(mine ? Object.fromEntries(mineTabs.map((i) => [i, mine[i] ?? 0])) : {}),
      })),
    [mineTabs, reloadKey],
  ).data;
}
