import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';
import { flattenCatalog, hasMessage, resolveLocale, t, tryT } from './index.ts';
import { PERMISSIONS, ROLES } from '../domain/roles.ts';
import { REGION_KINDS, UNIT_KINDS } from '../domain/org.ts';
import { CATALOG_KINDS, COMPONENT_MAJOR_CLASSES, LIMIT_UNITS, MATTER_MAJOR_CLASSES } from '../domain/catalog.ts';
import { COMPONENT_STATES } from '../contracts/components.ts';
import { GEO_LEVELS } from '../contracts/geo.ts';
import { CRS_VALUES } from '../domain/geo.ts';

const zhFlat = flattenCatalog(zhCN);
const enFlat = flattenCatalog(en);
/** Names a message takes: `{name}` placeholders and `{name, plural, …}` arguments, each once. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1]))].sort();

describe('catalogs', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(zhFlat).sort());
    expect(Object.keys(zhFlat).length).toBeGreaterThan(200);
  });

  it('no message is empty', () => {
    for (const [locale, messages] of Object.entries({ 'zh-CN': zhFlat, en: enFlat })) {
      const empty = Object.entries(messages)
        .filter(([, text]) => text.trim() === '')
        .map(([key]) => `${locale}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('both languages use the same placeholders for each key', () => {
    const mismatched = Object.keys(zhFlat).filter(
      (key) => placeholders(zhFlat[key] ?? '').join() !== placeholders(enFlat[key] ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('the English catalog is English (only the language menu names Chinese in itself)', () => {
    const chinese = Object.entries(enFlat).filter(
      ([key, text]) => key !== 'lang.zh-CN' && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text),
    );
    expect(chinese).toEqual([]);
  });

  it('labels every role, permission, region kind and unit kind of the domain', () => {
    const wanted = [
      ...ROLES.map((r) => `roles.${r}`),
      ...PERMISSIONS.map((p) => `permissions.${p}`),
      ...REGION_KINDS.map((k) => `regionKinds.${k}`),
      ...UNIT_KINDS.map((k) => `unitKinds.${k}`),
    ];
    expect(wanted.filter((key) => !hasMessage(key))).toEqual([]);
  });

  it('has the server error codes', () => {
    const codes = [
      'VALIDATION_FAILED',
      'AUTH_INVALID_CREDENTIALS',
      'AUTH_LOCKED',
      'AUTH_REQUIRED',
      'AUTH_CSRF',
      'AUTH_FORBIDDEN',
      'AUTH_WRONG_PASSWORD',
      'AUTH_PASSWORD_REUSED',
      'NOT_FOUND',
      'CONFLICT',
      'ORG_DUPLICATE_USERNAME',
      'ORG_DUPLICATE_CODE',
      'ORG_INVALID_PARENT',
      'ORG_UNKNOWN_UNIT',
      'ORG_UNKNOWN_REGION',
      'ORG_GRANT_NEEDS_UNIT',
      'ORG_REGION_IN_USE',
      'ORG_SELF_LOCKOUT',
      'RATE_LIMITED',
      'INTERNAL',
      'BAD_REQUEST',
    ];
    expect(codes.filter((code) => !hasMessage(`errors.${code}`))).toEqual([]);
  });

  // The codes thrown under server/src/modules/{catalog,calendar,geo,components} (kept in step by hand: common/
  // must not read the server's files).
  it('has the data-model error codes', () => {
    const codes = [
      'CATALOG_UNKNOWN_MATTER',
      'CATALOG_UNKNOWN_UNIT',
      'CATALOG_UNKNOWN_MAJOR',
      'CATALOG_ANOMALY_NEEDS_COMPONENT',
      'CATALOG_NATIONAL_READONLY',
      'CATALOG_AMBIGUOUS_CODE',
      'CATALOG_LOCAL_RANGE_FULL',
      'CATALOG_DUPLICATE_NAME',
      'CATALOG_DUPLICATE_CONDITION',
      'CATALOG_CODE_TAKEN',
      'CATALOG_OLD_CODE_UNMAPPED',
      'CATALOG_IMPORT_INVALID',
      'CATALOG_SHEET_INVALID',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'CALENDAR_INVALID_DAYS',
      'CALENDAR_INVALID_PERIODS',
      'CALENDAR_YEAR_NOT_IN_PACKAGE',
      'CALENDAR_OUT_OF_RANGE',
      'GEO_INVALID_COORDINATE',
      'GEO_INVALID_GEOMETRY',
      'GEO_INVALID_CODE',
      'GEO_INVALID_CELL_SIZE',
      'GEO_TOO_MANY_GRIDS',
      'GEO_INVALID_BBOX',
      'GEO_IMPORT_INVALID',
      'GEO_GRIDS_EXIST',
      'GEO_NO_GEOMETRY',
      'GEO_NOT_COVERED',
      'GEO_OUTSIDE_TENANT',
      'COMPONENT_CODE_OR_CLASS_REQUIRED',
      'COMPONENT_DUPLICATE_CODE',
      'COMPONENT_EXPORT_TOO_LARGE',
      'COMPONENT_IMPORT_INVALID',
      'COMPONENT_INVALID_CODE',
      'COMPONENT_OUTSIDE_TENANT',
      'COMPONENT_SERIALS_EXHAUSTED',
      'COMPONENT_UNKNOWN_CLASS',
      'COMPONENT_UNKNOWN_GRID',
      // external cases, hotline work orders, Open311 client applications
      'CASE_NOT_CLOSED',
      'CASE_REOPEN_EXPIRED',
      'HOTLINE_IMPORT_INVALID',
      'HOTLINE_SHEET_INVALID',
      'HOTLINE_INVALID',
      'HOTLINE_TRANSITION_NOT_ALLOWED',
      'HOTLINE_STALE',
      'HOTLINE_CASE_NOT_CLOSED',
      'HOTLINE_WEBHOOK_UNAUTHORIZED',
      'OPEN311_CLIENT_NAME_TAKEN',
    ];
    expect(codes.filter((code) => !hasMessage(`errors.${code}`))).toEqual([]);
    expect(
      t('en', 'errors.CALENDAR_YEAR_NOT_IN_PACKAGE', {
        source: 'chinese-days@1.5.7',
        year: 2030,
        available: '2023, 2024',
      }),
    ).toBe(
      "The holiday data package chinese-days@1.5.7 has no data for 2030 (it covers 2023, 2024); enter that year's holidays and working days by hand",
    );
  });

  it('labels every catalog kind, major class, limit unit, component state, map layer and coordinate system', () => {
    const wanted = [
      ...CATALOG_KINDS.map((k) => `catalog.kind.${k}`),
      ...Object.keys(COMPONENT_MAJOR_CLASSES).flatMap((m) => [`catalog.majors.component.${m}`, `map.classes.${m}`]),
      ...Object.keys(MATTER_MAJOR_CLASSES).map((m) => `catalog.majors.matter.${m}`),
      ...LIMIT_UNITS.map((u) => `catalog.limitUnit.${u}`),
      ...COMPONENT_STATES.map((s) => `component.states.${s}`),
      ...GEO_LEVELS.map((l) => `map.layers.${l}`),
      ...CRS_VALUES.map((c) => `geo.crs.${c}`),
    ];
    expect(wanted.filter((key) => !hasMessage(key))).toEqual([]);
  });

  it('labels the audit actions and entities of the data model', () => {
    const actions = [
      'catalog.entry.create',
      'catalog.entry.update',
      'catalog.condition.create',
      'catalog.condition.update',
      'catalog.condition.delete',
      'catalog.condition.import',
      'calendar.days_replace',
      'calendar.days_reseed',
      'setting.update',
      'component.create',
      'component.update',
      'component.import',
      'geo.import',
      'geo.grids.generate',
      'enforcement.basis.create',
      'enforcement.basis.starter',
      'enforcement.document.issue',
      'enforcement.template.update',
      'enforcement.bundle.export',
      'enforcement.certificate.create',
      'enforcement.leniency.create',
      'device.maintenance_done',
      'device.maintenance_recharged',
    ];
    const entities = [
      'catalog_entry',
      'filing_condition',
      'filing_condition_import',
      'calendar_year',
      'setting',
      'component',
      'grid',
      'tenant',
      'region',
      'legal_basis',
      'enforcement_case',
      'enforcement_template',
      'enforcement_certificate',
      'enforcement_leniency',
      'device_maintenance_task',
    ];
    expect(
      [...actions.map((a) => `audit.actions.${a}`), ...entities.map((e) => `audit.entities.${e}`)].filter(
        (key) => !hasMessage(key),
      ),
    ).toEqual([]);
  });
});

describe('module files', () => {
  // The top files spread one object per module: a top-level key defined twice would silently drop one module's texts.
  it('define disjoint top-level namespaces', () => {
    const files = import.meta.glob<Record<string, object>>('./zh-CN/*.ts', { eager: true });
    const keys = Object.values(files).flatMap((module) =>
      Object.values(module).flatMap((catalog) => Object.keys(catalog)),
    );
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(new Set(keys).size).toBe(Object.keys(zhCN).length);
  });
});

describe('t', () => {
  it('translates and interpolates', () => {
    expect(t('zh-CN', 'roles.shiftLeader')).toBe('值班长');
    expect(t('en', 'roles.shiftLeader')).toBe('Shift leader');
    expect(t('zh-CN', 'errors.AUTH_LOCKED', { minutes: 15 })).toBe('账号已锁定，请15分钟后再试');
    expect(t('en', 'validation.minLength', { limit: 8 })).toBe('At least 8 characters');
  });

  it('leaves a placeholder without a value untouched', () => {
    expect(t('zh-CN', 'errors.AUTH_LOCKED')).toBe('账号已锁定，请{minutes}分钟后再试');
  });

  it('tryT answers undefined for keys the catalog lacks', () => {
    expect(tryT('en', 'errors.NO_SUCH_CODE')).toBeUndefined();
    expect(tryT('en', 'errors.NOT_FOUND')).toBe('The record does not exist or you cannot access it');
    expect(tryT('en', 'errors')).toBeUndefined();
  });

  it('resolves Accept-Language', () => {
    expect(resolveLocale(undefined)).toBe('zh-CN');
    expect(resolveLocale('en-US,en;q=0.9')).toBe('en');
    expect(resolveLocale('fr-FR,en;q=0.5,zh-CN;q=0.8')).toBe('zh-CN');
    expect(resolveLocale('fr')).toBe('zh-CN');
  });
});
