import type {
  IcDemolition,
  IcDemolitionCreate,
  IcDemolitionQuery,
  IcLetter,
  IcLetterCreate,
  IcLetterQuery,
  IcLetterReply,
  IcMapQuery,
  IcReport,
  IcReportCreate,
  IcReportQuery,
  IcReportUpdate,
  IcStats,
  IcStopNotice,
  IcStopNoticeCreate,
  IcStopNoticeQuery,
} from '../../../../common/contracts/illegal-construction.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';
import { downloadFile } from '../../components/download.ts';

export type { IcDemolition, IcLetter, IcReport, IcStats, IcStopNotice };

const enc = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;
const BASE = '/api/illegal-construction';

export interface SiteFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    id: string;
    status: IcReport['status'];
    address: string;
    regionName: string | null;
    reportedOn: string;
  };
}

export const icApi = {
  reports: (query: IcReportQuery, signal?: AbortSignal) =>
    api.get<Page<IcReport>>(`${BASE}/reports`, { query: q(query), signal }),
  createReport: (body: IcReportCreate) => api.post<IcReport>(`${BASE}/reports`, body),
  updateReport: (id: string, body: IcReportUpdate) => api.patch<IcReport>(`${BASE}/reports/${enc(id)}`, body),
  notices: (query: IcStopNoticeQuery, signal?: AbortSignal) =>
    api.get<Page<IcStopNotice>>(`${BASE}/stop-notices`, { query: q(query), signal }),
  createNotice: (body: IcStopNoticeCreate) => api.post<IcStopNotice>(`${BASE}/stop-notices`, body),
  noticeFile: (id: string, format: 'docx' | 'pdf', locale: string) =>
    downloadFile(`${BASE}/stop-notices/${enc(id)}/file`, { format }, locale, `stop-notice.${format}`),
  letters: (query: IcLetterQuery, signal?: AbortSignal) =>
    api.get<Page<IcLetter>>(`${BASE}/letters`, { query: q(query), signal }),
  createLetter: (body: IcLetterCreate) => api.post<IcLetter>(`${BASE}/letters`, body),
  replyLetter: (id: string, body: IcLetterReply) => api.post<IcLetter>(`${BASE}/letters/${enc(id)}/reply`, body),
  demolitions: (query: IcDemolitionQuery, signal?: AbortSignal) =>
    api.get<Page<IcDemolition>>(`${BASE}/demolitions`, { query: q(query), signal }),
  createDemolition: (body: IcDemolitionCreate) => api.post<IcDemolition>(`${BASE}/demolitions`, body),
  stats: (year: number, signal?: AbortSignal) => api.get<IcStats>(`${BASE}/stats`, { query: { year }, signal }),
  sites: (query: IcMapQuery, signal?: AbortSignal) =>
    api.get<{ type: 'FeatureCollection'; features: SiteFeature[] }>(`${BASE}/map`, { query: q(query), signal }),
};

/** Colours of a site's status, on the map and in the tags. */
export const STATUS_COLORS: Record<IcReport['status'], string> = {
  reported: '#fa8c16',
  stopped: '#f5222d',
  demolished: '#52c41a',
  legalised: '#1677ff',
};
