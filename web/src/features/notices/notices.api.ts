import type { MyNotices, Notice, NoticeInput } from '../../../../common/contracts/notices.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { MyNotices, Notice, NoticeInput };

const enc = (value: string) => encodeURIComponent(value);

export const noticesApi = {
  mine: (signal?: AbortSignal) => api.get<MyNotices>('/api/notices', { signal }),
  markRead: (id: string) => api.post<MyNotices>(`/api/notices/${enc(id)}/read`, {}),
  list: (page: number, pageSize: number, signal?: AbortSignal) =>
    api.get<Page<Notice>>('/api/notices/manage', { query: { page, pageSize }, signal }),
  create: (body: NoticeInput) => api.post<Notice>('/api/notices/manage', body),
  update: (id: string, body: NoticeInput) => api.put<Notice>(`/api/notices/manage/${enc(id)}`, body),
  remove: (id: string) => api.delete<{ ok: boolean }>(`/api/notices/manage/${enc(id)}`),
};
