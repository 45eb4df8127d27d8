import { describe, expect, it } from 'vitest';

import type { TenantCatalog } from '../catalog/index.ts';
import { COMMON_MATTERS, PLAIN_WORDS, searchPlainMatters } from './citizen-matters.ts';
import { createCatalogSearch, loadNationalCatalog } from '../catalog/index.ts';

const national = loadNationalCatalog();
const matters = national.filter((e) => e.kind === 'matter');
const rows = national.map((e) => ({ kind: e.kind, code: e.code, name: e.name, major_name: e.majorName, active: 1 }));
const catalog = {
  rows,
  entries: national,
  byKey: new Map(),
  search: createCatalogSearch(national),
} as unknown as TenantCatalog;
const names = (q?: string) => searchPlainMatters(catalog, q).map((m) => m.name);

describe('plain-word matter search (citizens)', () => {
  it('maps every everyday word to real GB/T 47678.5 matters, and the common list to real codes', () => {
    const known = new Set(matters.map((m) => m.name));
    const missing = Object.entries(PLAIN_WORDS).flatMap(([word, targets]) =>
      targets.filter((t) => !known.has(t)).map((t) => `${word} → ${t}`),
    );
    expect(missing).toEqual([]);
    const codes = new Set(matters.map((m) => m.code));
    expect(COMMON_MATTERS.filter((c) => !codes.has(c))).toEqual([]);
  });

  it('finds 垃圾, 井盖 and 占道 in plain Chinese, the likeliest meaning first', () => {
    expect(names('垃圾').slice(0, 2)).toEqual(['暴露垃圾', '垃圾站（箱）满溢']);
    expect(names('垃圾')).toEqual(expect.arrayContaining(['积存垃圾渣土', '垃圾箱异常']));
    expect(names('井盖')[0]).toBe('不明井盖异常');
    expect(names('井盖')).toEqual(expect.arrayContaining(['污水井盖异常', '雨水井盖异常']));
    expect(names('占道')).toEqual(expect.arrayContaining(['占道经营', '施工占道', '占道洗车']));
  });

  it('understands words no catalog name contains (摆摊, 乱停车, 噪音, 牛皮癣) and phrases around them', () => {
    expect(names('摆摊')[0]).toBe('占道经营');
    expect(names('路边有人摆摊卖菜')[0]).toBe('占道经营');
    expect(names('乱停车').slice(0, 2)).toEqual(['机动车乱停放', '非机动车乱停放']);
    expect(names('噪音')[0]).toBe('噪声扰民');
    expect(names('牛皮癣')).toEqual(['非法小广告']);
  });

  it('still takes codes and pinyin initials, offers the common problems without a query, and only matters', () => {
    expect(names('zdjy')).toEqual(['占道经营']);
    expect(names('06010')).toEqual(['暴露垃圾']);
    expect(searchPlainMatters(catalog, '').map((m) => m.code)).toEqual([...COMMON_MATTERS]);
    const componentOnly = searchPlainMatters(catalog, '供水井盖');
    expect(componentOnly.map((m) => m.code)).toEqual(['01001']);
  });

  it('leaves out inactive matters', () => {
    const off = {
      ...catalog,
      rows: rows.map((r) => (r.code === '09006' && r.kind === 'matter' ? { ...r, active: 0 } : r)),
    } as unknown as TenantCatalog;
    expect(searchPlainMatters(off, '摆摊').map((m) => m.name)).not.toContain('占道经营');
  });
});
