import { describe, expect, it } from 'vitest';
import { canonicalProps, dateOf, fieldOf, headingOf, parseAttributes } from './component-fields.ts';

describe('component file columns', () => {
  it('knows the GB/T 47678.5 labels, the 表 2 abbreviations and the old CJ/T 214 interface names', () => {
    expect(fieldOf('管理部件标识码')).toBe('code');
    expect(fieldOf('GLBJBSM')).toBe('code');
    expect(fieldOf('ObjID')).toBe('code');
    expect(fieldOf('DeptName1')).toBe('deptName');
    expect(fieldOf(' 养护单位 ')).toBe('maintainerName');
    expect(fieldOf('BGID')).toBe('gridCode');
    expect(fieldOf('Longitude')).toBe('lng');
    expect(fieldOf('所在街道名称')).toBeUndefined(); // export-only column, ignored on import
    expect(headingOf('deptName')).toBe('主管部门名称');
    expect(canonicalProps({ 管理部件标识码: 'a', code: 'b', 备注: 'n', extra: 1 })).toEqual({ code: 'a', notes: 'n' });
  });

  it('reads dates as 表 2 writes them, as ISO text and as Excel dates, and refuses days that do not exist', () => {
    expect(dateOf('20240301')).toBe('2024-03-01');
    expect(dateOf('2024-03-01')).toBe('2024-03-01');
    expect(dateOf('2024/3/01')).toBeNull();
    expect(dateOf('2023-02-29')).toBeNull();
    expect(dateOf(new Date(Date.UTC(2023, 5, 1)))).toBe('2023-06-01');
  });

  it('checks the attributes and names each bad field', () => {
    expect(parseAttributes({ deptName: '市政所', state: '破损' }).value).toMatchObject({
      deptName: '市政所',
      state: 'damaged',
      name: null,
    });
    expect(parseAttributes({ deptName: '市政所' }).value?.state).toBe('intact');
    const bad = parseAttributes({ state: '占用', initialDate: '昨天', name: '灯'.repeat(31) });
    expect(bad.value).toBeNull();
    expect(bad.issues.map((i) => i.field).sort()).toEqual(['deptName', 'initialDate', 'name', 'state']);
  });
});
