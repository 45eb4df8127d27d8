import { describe, expect, it } from 'vitest';
import { loadNationalCatalog, makeCatalogEntry } from './catalog-data.ts';
import { createCatalogSearch, type CatalogSearchHit } from './catalog-search.ts';

const local = makeCatalogEntry({ kind: 'matter', code: '09099', name: '共享电单车乱停放', source: 'local' });
const catalog = createCatalogSearch([...loadNationalCatalog(), local]);
const label = (hits: CatalogSearchHit[]) => hits.map((h) => `${h.entry.kind[0]}${h.entry.code}:${h.match}`);
const names = (hits: CatalogSearchHit[]) => hits.map((h) => h.entry.name);

describe('catalog search', () => {
  it('finds 占道经营 by pinyin initials zdjy, alone', () => {
    const hits = catalog.search('zdjy');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ match: 'initials', entry: { code: '09006', name: '占道经营' } });
  });

  it('ranks the exact code first, then code-prefix matches', () => {
    const hits = catalog.search('09006');
    expect(label(hits)).toEqual(['m09006:code']);
    const prefix = catalog.search('0900', { limit: 50 });
    expect(prefix.every((h) => h.match === 'codePrefix')).toBe(true);
    expect(prefix.map((h) => h.entry.code)).toContain('09001');
    expect(prefix.map((h) => h.entry.code)).not.toContain('09010');
  });

  it('finds by old 4-digit code, before plain code prefixes', () => {
    // Old 0406 is both component 雕塑 (→ 04006 and its anomaly) and event 占道经营 (→ 09006).
    const hits = catalog.search('0406', { limit: 50 });
    expect(label(hits)).toEqual(['c04006:oldCode', 'm04006:oldCode', 'm09006:oldCode']);
    expect(label(catalog.search('0101', { kind: 'matter', limit: 3 }))).toEqual(
      expect.arrayContaining(['m01001:oldCode', 'm06001:oldCode']),
    );
  });

  it('matches a single Chinese character and 2-character terms as substrings', () => {
    expect(names(catalog.search('溢', { limit: 50 }))).toEqual(['垃圾站（箱）满溢']);
    const hits = catalog.search('井盖', { kind: 'component', limit: 50 });
    expect(hits).toHaveLength(20); // 01001–01023 less 01004 雨水箅子, 01013 消防设施 and the 01016 gap
    expect(hits.every((h) => h.match === 'nameSubstring')).toBe(true);
  });

  it('ranks a name containing the term by how much of it the term covers: 垃圾 finds 暴露垃圾 first among matters', () => {
    const matters = catalog.search('垃圾', { kind: 'matter', limit: 50 });
    expect(names(matters.slice(0, 1))).toEqual(['暴露垃圾']);
    expect(names(matters)).toEqual(expect.arrayContaining(['垃圾箱异常', '垃圾未分类', '积存垃圾渣土']));
    // the shorter name first; at equal length the name starting with the term
    const lengths = matters.map((h) => Array.from(h.entry.name).length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(catalog.search('垃圾', { limit: 50 })[0]?.entry.name).toBe('垃圾箱'); // component before its anomaly
  });

  it('orders match kinds: exact name, then name prefix, shorter names first', () => {
    const hits = catalog.search('路灯', { kind: 'component', limit: 10 });
    expect(label(hits)).toEqual(['c01037:name', 'c01006:namePrefix', 'c01060:namePrefix']);
  });

  it('finds by full pinyin prefix, spaces and apostrophes ignored', () => {
    expect(names(catalog.search('zhandaojing'))).toEqual(['占道经营']);
    expect(names(catalog.search("zhan'dao jingy"))).toEqual(['占道经营']);
    expect(label(catalog.search('zhandao'))).toEqual([
      'm09006:pinyin', // 占道经营
      'm09021:pinyin', // 占道洗车
      'm09022:pinyin', // 占道促销宣传
      'm08002:pinyinInfix', // 施工占道
    ]);
  });

  it('matches every reading of a polyphonic character', () => {
    expect(names(catalog.search('xds', { kind: 'component' }))).toEqual(['行道树']);
    expect(names(catalog.search('xingdao', { kind: 'component' }))).toEqual(['行道树']);
    expect(names(catalog.search('hds', { kind: 'component' }))).toEqual(['行道树']);
  });

  it('finds initials and pinyin in the middle of a name, after whole-name matches', () => {
    const hits = catalog.search('jg', { kind: 'component', limit: 50 });
    expect(hits[0]?.match).toBe('initials');
    expect(hits.some((h) => h.entry.name === '供水井盖' && h.match === 'initialsInfix')).toBe(true);
    expect(catalog.search('jinggai', { kind: 'component', limit: 50 }).some((h) => h.entry.name === '雨水井盖')).toBe(
      true,
    );
  });

  it('matches Latin letters and full-width input in names', () => {
    expect(names(catalog.search('sos', { kind: 'component' }))).toEqual(['紧急报警点SOS']);
    expect(label(catalog.search('０９００６'))).toEqual(['m09006:code']);
  });

  it('searches local extensions and filters by kind and major class', () => {
    expect(label(catalog.search('gxddc'))).toEqual(['m09099:initials']);
    expect(catalog.search('垃圾', { majorCode: '06', limit: 50 }).every((h) => h.entry.majorCode === '06')).toBe(true);
    expect(catalog.search('垃圾', { kind: 'component', limit: 50 }).every((h) => h.entry.kind === 'component')).toBe(
      true,
    );
  });

  it('respects the limit and returns nothing for blank or unknown queries', () => {
    expect(catalog.search('0', { limit: 7 })).toHaveLength(7);
    expect(catalog.search('   ')).toEqual([]);
    expect(catalog.search('火星')).toEqual([]);
    expect(catalog.search('qqqq')).toEqual([]);
  });
});
