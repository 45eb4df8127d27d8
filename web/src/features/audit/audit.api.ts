import type { AuditEntry, AuditQuery } from '../../../../common/contracts/org.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { AuditEntry };

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<Page<AuditEntry>>('/api/audit', { query: query, signal }),
};
