import type { PeriodQuery } from '../../../../common/contracts/kpi.ts';
import type {
  PrefectureKpi,
  PrefectureRanking,
  PrefectureTrend,
  RankingQuery,
  TrendQuery,
} from '../../../../common/contracts/prefecture.ts';
import { api, type Query } from '../../api/client.ts';

export type { PrefectureKpi, PrefectureRanking, PrefectureTrend };

const q = (o: object) => o as unknown as Query;

/** The 地级市 view's routes (server/src/modules/prefecture). */
export const prefectureApi = {
  kpi: (query: PeriodQuery, signal?: AbortSignal) =>
    api.get<PrefectureKpi>('/api/prefecture/kpi', { query: q(query), signal }),
  ranking: (query: RankingQuery, signal?: AbortSignal) =>
    api.get<PrefectureRanking>('/api/prefecture/ranking', { query: q(query), signal }),
  trend: (query: TrendQuery, signal?: AbortSignal) =>
    api.get<PrefectureTrend>('/api/prefecture/trend', { query: q(query), signal }),
};
