import type { CaseMapPoint, CaseMapResult } from '../../../../common/contracts/case-map.ts';
import type { Bbox } from '../../../../common/domain/geo.ts';
import { api } from '../../api/client.ts';
import { bboxParam } from './map-style.ts';

export type { CaseMapPoint, CaseMapResult };

export interface CaseMapFilters {
  /** 'open' or one state */
  status: string;
  matterCode: string | null;
  unitId: string | null;
}

export const caseMapApi = {
  /** The cases of a box (most urgent first, at most the server's limit; `truncated` when more match). */
  cases: (box: Bbox, f: CaseMapFilters, signal?: AbortSignal) =>
    api.get<CaseMapResult>('/api/cases/map', {
      query: {
        bbox: bboxParam(box),
        status: f.status,
        matterCode: f.matterCode ?? undefined,
        unitId: f.unitId ?? undefined,
      },
      signal,
    }),
};
