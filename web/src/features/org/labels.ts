import { tryT, type Locale } from '../../../../common/i18n/core.ts';
import { ROLES } from '../../../../common/domain/roles.ts';
import { REGION_KINDS, UNIT_KINDS, type RegionKind, type UnitKind } from '../../../../common/domain/org.ts';

/** Catalog label of a closed-vocabulary value; the raw value if a newer server sends one we do not know yet. */
const label = (locale: Locale, prefix: string, value: string) => tryT(locale, `${prefix}.${value}`) ?? value;

export const roleLabel = (locale: Locale, role: string) => label(locale, 'roles', role);
export const regionKindLabel = (locale: Locale, kind: string) => label(locale, 'regionKinds', kind);
export const unitKindLabel = (locale: Locale, kind: string) => label(locale, 'unitKinds', kind);
export const permissionLabel = (locale: Locale, permission: string) => label(locale, 'permissions', permission);

export const roleOptions = (locale: Locale) => ROLES.map((value) => ({ value, label: roleLabel(locale, value) }));
export const regionKindOptions = (locale: Locale) =>
  REGION_KINDS.map((value) => ({ value, label: regionKindLabel(locale, value) }));
export const unitKindOptions = (locale: Locale) =>
  UNIT_KINDS.map((value) => ({ value, label: unitKindLabel(locale, value) }));

export const asRegionKind = (value: string): RegionKind | undefined => REGION_KINDS.find((k) => k === value);
export const asUnitKind = (value: string): UnitKind | undefined => UNIT_KINDS.find((k) => k === value);
