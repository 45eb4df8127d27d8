import { Type, type Static } from 'typebox';
import { Id, Nullable, PageOf } from './common.ts';
import { KpiCaseItem } from './kpi.ts';

/** Per-inspector 漏报 (docs/monitor.md, "Per-inspector 漏报"): filed in the window, in the inspector's grids, found by others. */
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const MissedQuery = Type.Object({ from: CalendarDate, to: CalendarDate }, { additionalProperties: false });
export type MissedQuery = Static<typeof MissedQuery>;

export const InspectorMissed = Type.Object({
  inspectorId: Id,
  displayName: Type.String(),
  unitName: Nullable(Type.String()),
  grids: Type.Integer({ description: 'responsibility grids today' }),
  missed: Type.Integer(),
});
export type InspectorMissed = Static<typeof InspectorMissed>;
export const InspectorMissedList = Type.Object({
  from: Type.String(),
  to: Type.String(),
  items: Type.Array(InspectorMissed),
});
export type InspectorMissedList = Static<typeof InspectorMissedList>;

export const MissedCasesQuery = Type.Object(
  {
    from: CalendarDate,
    to: CalendarDate,
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type MissedCasesQuery = Static<typeof MissedCasesQuery>;
export const MissedCasePage = PageOf(KpiCaseItem);
export type MissedCasePage = Static<typeof MissedCasePage>;
