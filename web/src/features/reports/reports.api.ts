import type { ReportQuery, StatReport } from '../../../../common/contracts/reports.ts';
import { api, type Query } from '../../api/client.ts';

export type { StatReport };

/** The statistics report routes (server/src/modules/reports). */
export const REPORT_URL = {
  json: '/api/reports/statistics',
  docx: '/api/reports/statistics.docx',
  xlsx: '/api/reports/statistics.xlsx',
} as const;

export const reportsApi = {
  get: (query: ReportQuery, signal?: AbortSignal) =>
    api.get<StatReport>(REPORT_URL.json, { query: query as unknown as Query, signal }),
};
