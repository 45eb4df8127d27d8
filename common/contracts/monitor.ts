import { Type, type Static } from 'typebox';
import { ATTENDANCE } from '../domain/monitor.ts';
import { Id, Literals, Nullable } from './common.ts';

/** 监督员管理 API (docs/monitor.md): grids, roster, position reports, the duty board, tracks and settings. */
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, the city time' });
const GridCode = Type.String({ pattern: '^[0-9]{15}$' });
export const AttendanceSchema = Literals(ATTENDANCE);

export const MonitorSettingsBody = Type.Object(
  {
    intervalSec: Type.Integer({ minimum: 5, maximum: 600 }),
    retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    maxSpeedKmh: Type.Integer({ minimum: 10, maximum: 500 }),
    graceMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    outOfAreaShare: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);
export type MonitorSettingsBody = Static<typeof MonitorSettingsBody>;

export const ShiftView = Type.Object({ day: Type.String(), starts: Type.String(), ends: Type.String() });
export type ShiftView = Static<typeof ShiftView>;

/** What the inspector app asks before and while it reports. */
export const DutyState = Type.Object({
  onDuty: Type.Boolean(),
  shift: Nullable(ShiftView),
  intervalSec: Type.Integer(),
  /** the instant the duty state next changes (shift start or end), null when no shift is left today */
  nextChangeAt: Nullable(Type.String()),
});
export type DutyState = Static<typeof DutyState>;

export const PositionBatch = Type.Object(
  {
    points: Type.Array(
      Type.Object(
        {
          at: Type.String({ format: 'date-time', description: 'capture time (the app queues offline)' }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          accuracyM: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type PositionBatch = Static<typeof PositionBatch>;

export const PositionReceipt = Type.Object({
  stored: Type.Integer(),
  duplicates: Type.Integer(),
  /** captured outside the inspector's shift: not stored (positions are only kept while on duty) */
  offDuty: Type.Integer(),
  implausible: Type.Integer(),
});
export type PositionReceipt = Static<typeof PositionReceipt>;

export const InspectorDay = Type.Object({
  inspectorId: Type.String(),
  displayName: Type.String(),
  unitName: Nullable(Type.String()),
  shift: Nullable(ShiftView),
  onDuty: Type.Boolean(),
  attendance: AttendanceSchema,
  late: Type.Boolean(),
  outOfArea: Type.Boolean(),
  firstAt: Nullable(Type.String()),
  lastAt: Nullable(Type.String()),
  distanceM: Type.Integer(),
  points: Type.Integer(),
  implausiblePoints: Type.Integer(),
  grids: Type.Array(Type.String()),
  gridsVisited: Type.Integer(),
  /** share of assigned grids visited (0..1), null without grids */
  coverage: Nullable(Type.Number()),
});
export type InspectorDay = Static<typeof InspectorDay>;

export const DayQuery = Type.Object({ day: Type.Optional(CalendarDate) }, { additionalProperties: false });
export const InspectorDayList = Type.Object({ day: Type.String(), items: Type.Array(InspectorDay) });
export type InspectorDayList = Static<typeof InspectorDayList>;

export const TrackView = Type.Object({
  day: InspectorDay,
  /**
   * The positions in time order as `[at, lng, lat, implausible 0/1]`: a day holds thousands, and tuples keep the
   * replay's answer small and quick to serialize.
   */
  points: Type.Array(Type.Tuple([Type.String(), Type.Number(), Type.Number(), Type.Integer()])),
});
export type TrackView = Static<typeof TrackView>;

export const LastPosition = Type.Object({
  inspectorId: Type.String(),
  displayName: Type.String(),
  onDuty: Type.Boolean(),
  at: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
});
export type LastPosition = Static<typeof LastPosition>;
export const LastPositionList = Type.Array(LastPosition);

export const GridAssignment = Type.Object(
  { gridCodes: Type.Array(GridCode, { maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type GridAssignment = Static<typeof GridAssignment>;

export const RosterBody = Type.Object(
  {
    inspectorIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }),
    from: CalendarDate,
    to: CalendarDate,
    starts: ClockTime,
    ends: ClockTime,
    /** only the working days of the work calendar (default), or every day */
    workdaysOnly: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RosterBody = Static<typeof RosterBody>;

export const RosterQuery = Type.Object({ from: CalendarDate, to: CalendarDate }, { additionalProperties: false });
export const RosterEntry = Type.Object({
  inspectorId: Type.String(),
  displayName: Type.String(),
  day: Type.String(),
  starts: Type.String(),
  ends: Type.String(),
});
export const RosterList = Type.Array(RosterEntry);
export type RosterEntry = Static<typeof RosterEntry>;

/** The 发核实/发核查 picker: inspectors on duty first, nearest to the case by their last position. */
export const InspectorChoice = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  onDuty: Type.Boolean(),
  /** metres to the case rounded to 100 m, null without a position today */
  distanceM: Nullable(Type.Integer()),
});
export type InspectorChoice = Static<typeof InspectorChoice>;
export const InspectorChoiceQuery = Type.Object({ caseId: Type.Optional(Id) }, { additionalProperties: false });
