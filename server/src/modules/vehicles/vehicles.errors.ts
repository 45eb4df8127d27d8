import { AppError, invalidField } from '../../platform/errors.ts';

/** The vehicles module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs. */
export const VEHICLE_ERRORS = {
  invalid: 'VEHICLE_INVALID',
  taken: 'VEHICLE_TAKEN',
  stale: 'VEHICLE_STALE',
  gpsRefused: 'VEHICLE_GPS_REFUSED',
  leadState: 'VEHICLE_LEAD_STATE',
} as const;

export const vehicleErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, VEHICLE_ERRORS.invalid),
  taken: (field: 'body.code' | 'body.plate') =>
    new AppError(VEHICLE_ERRORS.taken, 409, [{ field, rule: 'unique', message: 'another vehicle has this value' }]),
  stale: (version: number) =>
    new AppError(VEHICLE_ERRORS.stale, 409, [
      { field: 'body.version', rule: 'version', message: `the record changed; current version ${version}` },
    ]),
  /** Every point of a batch was refused: each named by its field. */
  gpsRefused: (rejected: readonly { index: number; field: string; rule: string }[]) =>
    new AppError(
      VEHICLE_ERRORS.gpsRefused,
      400,
      rejected.map((r) => ({
        field: `body.messages.${r.index}${r.field ? `.${r.field}` : ''}`,
        rule: r.rule,
        message: `point refused: ${r.rule}`,
      })),
    ),
  leadState: () =>
    new AppError(VEHICLE_ERRORS.leadState, 409, [
      { field: 'body.state', rule: 'state', message: 'only an open lead can be dismissed or referred' },
    ]),
};
