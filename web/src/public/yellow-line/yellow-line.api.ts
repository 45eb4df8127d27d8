import type { PublicZone, PublicZoneList } from '../../../../common/contracts/yellow-line.ts';
import { publicCall as call } from '../api/public.api.ts';

export type { PublicZone };

/** The permitted 文明黄线 in force today (public; no person's name or phone). */
export const yellowLineApi = {
  zones: (signal?: AbortSignal) => call<PublicZoneList>('GET', '/api/public/yellow-line/zones', { signal }),
};
