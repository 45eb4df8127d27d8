import type {
  PublicNearby,
  PublicReportCard,
  PublicReportsPage,
  PublicSubscribe,
  PublicSubscribeChannels,
  PublicSubscribed,
  PublicSupportResult,
} from '../../../../common/contracts/participation.ts';
import { publicCall as call } from './public.api.ts';

export type { PublicReportCard, PublicReportsPage, PublicSubscribeChannels };

const enc = encodeURIComponent;

/** Nearby reports, 我也遇到, the public list and subscriptions (all public, through the citizen page's client). */
export const participationApi = {
  nearby: (matterCode: string, lng: number, lat: number, signal?: AbortSignal) =>
    call<PublicNearby>(
      'GET',
      `/api/public/nearby?matterCode=${enc(matterCode)}&lng=${lng.toFixed(6)}&lat=${lat.toFixed(6)}`,
      { signal },
    ),
  support: (caseNo: string, phone?: string) =>
    call<PublicSupportResult>('POST', `/api/public/cases/${enc(caseNo)}/support`, { json: phone ? { phone } : {} }),
  reports: (page: number, open: boolean, signal?: AbortSignal) =>
    call<PublicReportsPage>('GET', `/api/public/cases?page=${page}${open ? '&open=true' : ''}`, { signal }),
  channels: (signal?: AbortSignal) =>
    call<PublicSubscribeChannels>('GET', '/api/public/subscriptions/channels', { signal }),
  subscribe: (caseNo: string, body: PublicSubscribe) =>
    call<PublicSubscribed>('POST', `/api/public/cases/${enc(caseNo)}/subscriptions`, { json: body }),
  unsubscribe: (token: string) => call<{ subscribed: false }>('POST', `/api/public/subscriptions/${enc(token)}/cancel`),
};
