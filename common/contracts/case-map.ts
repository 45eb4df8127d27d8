import { Type, type Static } from 'typebox';
import { CASE_STATES } from '../domain/case-status.ts';
import { Literals, Nullable } from './common.ts';
import { BboxParam } from './geo.ts';

/** The most cases one map request returns: a box holding more answers the most urgent ones and says so. */
export const CASE_MAP_MAX_LIMIT = 2000;
export const CASE_MAP_DEFAULT_LIMIT = 1000;

/** 一张图 case layer: the cases inside a box, filtered like the case list, most urgent first. */
export const CaseMapQuery = Type.Object({
  bbox: BboxParam,
  /** `open` (default): every state before 结案/作废 */
  status: Type.Optional(Literals(['open', ...CASE_STATES])),
  matterCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
  unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: CASE_MAP_MAX_LIMIT })),
});
export type CaseMapQuery = Static<typeof CaseMapQuery>;

export const CaseMapPoint = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  status: Type.String(),
  matterCode: Type.String(),
  matterName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  /** the running step's colour, as in the lists: green, yellow, red, paused (挂账) or none */
  sla: Type.String(),
  stepDeadline: Nullable(Type.String()),
  handlingDeadline: Nullable(Type.String()),
});
export type CaseMapPoint = Static<typeof CaseMapPoint>;

export const CaseMapResult = Type.Object({
  items: Type.Array(CaseMapPoint),
  /** more cases match than `limit`: the map shows the most urgent ones */
  truncated: Type.Boolean(),
});
export type CaseMapResult = Static<typeof CaseMapResult>;
