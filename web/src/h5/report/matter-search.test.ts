import { describe, expect, it } from 'vitest';
import { searchMatters, type MatterOption } from './matter-search.ts';

const items: MatterOption[] = [
  { code: '06010', name: '暴露垃圾', pinyinInitials: 'bllj', pinyin: 'baolulaji' },
  { code: '09005', name: '店外经营', pinyinInitials: 'dwjy', pinyin: 'dianwaijingying' },
  { code: '09006', name: '占道经营', pinyinInitials: 'zdjy', pinyin: 'zhandaojingying' },
  { code: '06041', name: '垃圾未分类', pinyinInitials: 'ljwfl', pinyin: 'lajiweifenlei' },
];

describe('offline matter search', () => {
  it('finds by pinyin initials, code, name and full pinyin', () => {
    expect(searchMatters(items, 'zdjy').map((m) => m.name)).toEqual(['占道经营']);
    expect(searchMatters(items, 'ZDJY').map((m) => m.code)).toEqual(['09006']);
    expect(searchMatters(items, '0900').map((m) => m.code)).toEqual(['09005', '09006']);
    expect(searchMatters(items, '经营').map((m) => m.code)).toEqual(['09005', '09006']);
    expect(searchMatters(items, 'zhandao').map((m) => m.code)).toEqual(['09006']);
  });

  it('ranks prefixes first (lj: 垃圾未分类 before 暴露垃圾)', () => {
    expect(searchMatters(items, 'lj').map((m) => m.code)).toEqual(['06041', '06010']);
    expect(searchMatters(items, '垃圾').map((m) => m.code)).toEqual(['06041', '06010']);
  });

  it('lists everything (up to the limit) for an empty query', () => {
    expect(searchMatters(items, ' ', 2)).toHaveLength(2);
  });
});
