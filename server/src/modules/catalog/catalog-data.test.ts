import { describe, expect, it } from 'vitest';
import {
  COMPONENT_MAJOR_CLASSES,
  MATTER_MAJOR_CLASSES,
  NATIONAL_MINOR_CEILING,
  majorClassName,
} from '../../../../common/domain/catalog.ts';
import { loadNationalCatalog, makeCatalogEntry, parseCatalogCsv, pinyinKeys } from './catalog-data.ts';

describe('loadNationalCatalog', () => {
  const catalog = loadNationalCatalog();
  const components = catalog.filter((e) => e.kind === 'component');
  const matters = catalog.filter((e) => e.kind === 'matter');

  it('has 153 components and 250 matters (GB/T 47678.5-2026)', () => {
    expect(components).toHaveLength(153);
    expect(matters).toHaveLength(250);
  });

  it('has unique 5-digit codes within each kind', () => {
    for (const list of [components, matters]) {
      const codes = list.map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^\d{5}$/);
    }
  });

  it('puts every code in an existing major class whose name matches', () => {
    for (const e of catalog) {
      expect(e.majorCode).toBe(e.code.slice(0, 2));
      expect(majorClassName(e.kind, e.majorCode)).toBe(e.majorName);
    }
    expect(new Set(components.map((e) => e.majorCode))).toEqual(new Set(Object.keys(COMPONENT_MAJOR_CLASSES)));
    expect(new Set(matters.map((e) => e.majorCode))).toEqual(new Set(Object.keys(MATTER_MAJOR_CLASSES)));
  });

  it('counts matters per class as the standard lists them: 153 anomalies, then 51/7/16/21/2', () => {
    const count = (major: string) => matters.filter((e) => e.majorCode === major).length;
    expect(matters.filter((e) => Number(e.majorCode) <= 5)).toHaveLength(153);
    expect(['06', '07', '08', '09', '10'].map(count)).toEqual([51, 7, 16, 21, 2]);
  });

  it('mirrors every component with a matter of the same code', () => {
    const anomalyCodes = matters.filter((e) => Number(e.majorCode) <= 5).map((e) => e.code);
    expect(anomalyCodes).toEqual(components.map((e) => e.code));
  });

  it('keeps NATIONAL_MINOR_CEILING equal to the highest minor code per class', () => {
    const highest: Record<string, number> = {};
    for (const e of catalog) highest[e.majorCode] = Math.max(highest[e.majorCode] ?? 0, Number(e.code.slice(2)));
    expect(highest).toEqual(NATIONAL_MINOR_CEILING);
  });

  it('carries old codes by the documented mapping, null where there is none', () => {
    const find = (kind: string, code: string) => catalog.find((e) => e.kind === kind && e.code === code);
    expect(find('component', '01001')?.oldCode).toBe('0101');
    expect(find('component', '01069')?.oldCode).toBe('0506');
    expect(find('matter', '01037')?.oldCode).toBe('0137');
    expect(find('matter', '06028')?.oldCode).toBe('0128');
    expect(find('matter', '09013')?.oldCode).toBe('0602');
    expect(find('matter', '10001')?.oldCode).toBe('0507');
    for (const e of catalog) if (e.oldCode !== null) expect(e.oldCode).toMatch(/^\d{4}$/);
  });

  it('computes pinyin once at load', () => {
    const zdjy = catalog.find((e) => e.name === '占道经营');
    expect(zdjy).toMatchObject({
      code: '09006',
      pinyinInitials: 'zdjy',
      pinyin: 'zhandaojingying',
      source: 'national',
    });
  });

  it('returns copies, so a caller cannot change the cached catalog', () => {
    const first = loadNationalCatalog();
    if (first[0]) first[0].name = 'changed';
    expect(loadNationalCatalog()[0]?.name).toBe('供水井盖');
  });
});

describe('pinyinKeys and makeCatalogEntry', () => {
  it('drops punctuation, keeps letters, writes ü as v', () => {
    expect(pinyinKeys('道路遗撒（洒）')).toEqual({ initials: 'dlyss', full: 'daoluyisasa' });
    expect(pinyinKeys('紧急报警点SOS').initials).toBe('jjbjdsos');
    expect(pinyinKeys('绿地').full).toBe('lvdi');
  });

  it('builds a local entry and rejects bad codes', () => {
    const local = makeCatalogEntry({ kind: 'matter', code: '09099', name: '共享电单车乱停放', source: 'local' });
    expect(local).toMatchObject({
      majorName: '街面秩序类',
      oldCode: '0499',
      pinyinInitials: 'gxddcltf',
      source: 'local',
    });
    expect(() => makeCatalogEntry({ kind: 'component', code: '06001', name: 'x' })).toThrow(/大类/);
    expect(() => makeCatalogEntry({ kind: 'matter', code: '0600', name: 'x' })).toThrow(/5 位/);
    expect(() => makeCatalogEntry({ kind: 'matter', code: '06099', name: ' ' })).toThrow(/名称/);
  });

  it('rejects a CSV whose major class does not match the code', () => {
    const header = 'kind,major_code,major_name,code,name\n';
    expect(() => parseCatalogCsv(`${header}matter,06,市容环境类,07001,非法小广告\n`)).toThrow(/line 2/);
    expect(() => parseCatalogCsv(`${header}thing,06,市容环境类,06001,私搭乱建\n`)).toThrow(/kind/);
    expect(() => parseCatalogCsv('code,name\n')).toThrow(/header/);
  });
});
