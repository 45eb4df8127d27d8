import { describe, expect, it } from 'vitest';
import { catalogKindLabel, limitText, majorLabel, majorOptions } from './labels.ts';

describe('catalog labels', () => {
  it('writes a handling limit as value and unit', () => {
    expect(limitText('zh-CN', { value: 2, unit: 'emergency_hours' })).toBe('2 紧急工作时');
    expect(limitText('zh-CN', { value: 4, unit: 'work_hours' })).toBe('4 工作时');
    expect(limitText('zh-CN', { value: 1, unit: 'work_days' })).toBe('1 工作日');
    expect(limitText('zh-CN', { value: 15, unit: 'calendar_days' })).toBe('15 自然日');
    expect(limitText('en', { value: 3, unit: 'work_days' })).toBe('3 working days');
    expect(limitText('en', { value: 1, unit: 'work_days' })).toBe('1 working day');
    expect(limitText('en', { value: 3, unit: 'fortnights' })).toBe('3 fortnights');
  });

  it('names major classes per kind and language', () => {
    expect(majorLabel('zh-CN', 'component', '01')).toBe('市政公用设施');
    expect(majorLabel('zh-CN', 'matter', '09')).toBe('街面秩序类');
    expect(majorLabel('en', 'matter', '09')).toBe('Street order');
    expect(catalogKindLabel('en', 'component')).toBe('Component');
  });

  it('offers only 06–10 for a new local matter, 01–05 for a component, all ten as a filter', () => {
    expect(majorOptions('zh-CN', 'matter', 'create').map((o) => o.value)).toEqual(['06', '07', '08', '09', '10']);
    expect(majorOptions('zh-CN', 'component', 'create').map((o) => o.value)).toEqual(['01', '02', '03', '04', '05']);
    expect(majorOptions('zh-CN', undefined).map((o) => o.value)).toHaveLength(10);
    expect(majorOptions('zh-CN', 'matter', 'create')[0]?.label).toBe('06 市容环境类');
  });
});
