import { AppError, invalidField } from '../../platform/errors.ts';

/** The 监督员管理 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const MONITOR_ERRORS = {
  outsideTenant: 'MONITOR_OUTSIDE_TENANT',
  futureTime: 'MONITOR_FUTURE_TIME',
  tooOld: 'MONITOR_TOO_OLD',
  unknownInspector: 'MONITOR_UNKNOWN_INSPECTOR',
  unknownGrid: 'MONITOR_UNKNOWN_GRID',
  dateRange: 'MONITOR_DATE_RANGE',
  shiftTimes: 'MONITOR_SHIFT_TIMES',
  censusClass: 'MONITOR_CENSUS_UNKNOWN_CLASS',
  censusRegion: 'MONITOR_CENSUS_UNKNOWN_REGION',
  censusNoGrids: 'MONITOR_CENSUS_NO_GRIDS',
  censusRecord: 'MONITOR_CENSUS_RECORD_INVALID',
  censusNotFound: 'MONITOR_CENSUS_NOT_FOUND',
  censusClosed: 'MONITOR_CENSUS_CLOSED',
} as const;

export const monitorErrors = {
  outsideTenant: (index: number) =>
    invalidField(`body.points.${index}`, 'inside', 'the position lies outside the city', MONITOR_ERRORS.outsideTenant),
  futureTime: (index: number) =>
    invalidField(`body.points.${index}.at`, 'past', 'the capture time is in the future', MONITOR_ERRORS.futureTime),
  tooOld: (index: number) =>
    invalidField(
      `body.points.${index}.at`,
      'retention',
      'the capture time is older than the retention period',
      MONITOR_ERRORS.tooOld,
    ),
  /** The same 404 for "no such inspector" and "not one of yours" (docs/conventions.md, "Errors"). */
  unknownInspector: () => new AppError(MONITOR_ERRORS.unknownInspector, 404, { entity: 'inspector' }),
  unknownGrid: (index: number) =>
    invalidField(`body.gridCodes.${index}`, 'exists', 'no such grid in this city', MONITOR_ERRORS.unknownGrid),
  dateRange: (message: string) => invalidField('body.to', 'range', message, MONITOR_ERRORS.dateRange),
  queryRange: (message: string) => invalidField('query.to', 'range', message, MONITOR_ERRORS.dateRange),
  shiftTimes: () => invalidField('body.ends', 'order', 'the shift must end after it starts', MONITOR_ERRORS.shiftTimes),
  inspectorNotFound: (index: number) =>
    invalidField(
      `body.inspectorIds.${index}`,
      'exists',
      'not an inspector of your team',
      MONITOR_ERRORS.unknownInspector,
    ),
  censusClass: () =>
    invalidField('body.classCode', 'exists', 'no such active component class', MONITOR_ERRORS.censusClass),
  censusRegion: (index: number) =>
    invalidField(`body.regionIds.${index}`, 'exists', 'no such street or community', MONITOR_ERRORS.censusRegion),
  censusNoGrids: () =>
    invalidField('body.regionIds', 'grids', 'the chosen areas hold no grids', MONITOR_ERRORS.censusNoGrids),
  censusRecord: (index: number, field: string, rule: string, message: string) =>
    invalidField(`body.records.${index}.${field}`, rule, message, MONITOR_ERRORS.censusRecord),
  /** The same 404 for a missing task and one that is not the caller's. */
  censusNotFound: () => new AppError(MONITOR_ERRORS.censusNotFound, 404, { entity: 'census' }),
  censusClosed: () => new AppError(MONITOR_ERRORS.censusClosed, 409),
};
