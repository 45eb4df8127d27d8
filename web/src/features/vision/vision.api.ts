import type { Page } from '../../../../common/domain/paging.ts';
import type {
  VisionClassesUpdate,
  VisionClassSetting,
  VisionConfirmed,
  VisionEvent,
  VisionEventQuery,
  VisionMission,
  VisionMissionCreate,
  VisionRates,
  VisionReview,
  VisionSource,
  VisionSourceCreate,
  VisionSourceUpdate,
  VisionSourceWithSecret,
} from '../../../../common/contracts/vision.ts';
import { api } from '../../api/client.ts';

export type { VisionClassSetting, VisionEvent, VisionMission, VisionRates, VisionSource };
const enc = encodeURIComponent;

/** 城市之眼 (docs/vision.md). */
export const visionApi = {
  sources: (signal?: AbortSignal) => api.get<VisionSource[]>('/api/vision/sources', { signal }),
  createSource: (body: VisionSourceCreate) => api.post<VisionSourceWithSecret>('/api/vision/sources', body),
  updateSource: (id: string, body: VisionSourceUpdate) =>
    api.patch<VisionSource>(`/api/vision/sources/${enc(id)}`, body),
  rotateSecret: (id: string) => api.post<VisionSourceWithSecret>(`/api/vision/sources/${enc(id)}/secret`),
  classes: (signal?: AbortSignal) => api.get<VisionClassSetting[]>('/api/vision/classes', { signal }),
  putClasses: (body: VisionClassesUpdate) => api.put<VisionClassSetting[]>('/api/vision/classes', body),
  rates: (signal?: AbortSignal) => api.get<VisionRates>('/api/vision/rates', { signal }),
  desk: (query: VisionEventQuery, signal?: AbortSignal) =>
    api.get<Page<VisionEvent>>('/api/vision/review', { query, signal }),
  events: (query: VisionEventQuery, signal?: AbortSignal) =>
    api.get<Page<VisionEvent>>('/api/vision/events', { query, signal }),
  /** 核实 confirmed: the event, and the enforcement lead it handed over (null when none). */
  confirm: (id: string, body: VisionReview) => api.post<VisionConfirmed>(`/api/vision/review/${enc(id)}/confirm`, body),
  /** 核实不通过: a false positive. */
  reject: (id: string, body: VisionReview) => api.post<VisionEvent>(`/api/vision/review/${enc(id)}/reject`, body),
  missions: (signal?: AbortSignal) => api.get<VisionMission[]>('/api/vision/missions', { signal }),
  createMission: (body: VisionMissionCreate) => api.post<VisionMission>('/api/vision/missions', body),
};
