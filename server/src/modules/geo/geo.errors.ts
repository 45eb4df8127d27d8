import { AppError, conflict, invalidField } from '../../platform/errors.ts';

/** The geo module's error codes (texts in common/i18n errors.<CODE>). */
export const geoErrors = {
  invalidBbox: (field: string) =>
    invalidField(
      field,
      'bbox',
      'bbox must be minLng,minLat,maxLng,maxLat with min ≤ max, in WGS84 degrees',
      'GEO_INVALID_BBOX',
    ),
  noGeometry: (communityCode: string) =>
    new AppError('GEO_NO_GEOMETRY', 409, [
      {
        field: 'params.id',
        rule: 'geometry',
        message: `community ${communityCode} has no polygon yet: import it first`,
      },
    ]),
  gridsExist: (field: string, rule: string, message: string) => conflict('GEO_GRIDS_EXIST', [{ field, rule, message }]),
  /** 404 for a point off the map: outside the tenant, or inside it but on no street. */
  notLocated: (lng: number, lat: number, insideTenant: boolean) =>
    new AppError(insideTenant ? 'GEO_NOT_COVERED' : 'GEO_OUTSIDE_TENANT', 404, { lng, lat }),
  /** A GeoValidationError of the pure layer (code GEO_*), with its issues as details. */
  invalidGeometry: (code: string, details: unknown) => new AppError(code, 400, details),
};
