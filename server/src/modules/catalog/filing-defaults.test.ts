import { describe, expect, it } from 'vitest';
import { LIMIT_UNITS } from '../../../../common/domain/catalog.ts';
import { UNIT_KINDS } from '../../../../common/domain/org.ts';
import { loadNationalCatalog } from './catalog-data.ts';
import { FILING_DEFAULTS, FILING_UNIT_KINDS, filingDefaultsFor } from './filing-defaults.ts';

const matters = new Map(
  loadNationalCatalog()
    .filter((e) => e.kind === 'matter')
    .map((e) => [e.code, e.name]),
);

describe('filing defaults', () => {
  it('has 30–60 rows, each on a national matter with complete, valid fields', () => {
    expect(FILING_DEFAULTS.length).toBeGreaterThanOrEqual(30);
    expect(FILING_DEFAULTS.length).toBeLessThanOrEqual(60);
    for (const d of FILING_DEFAULTS) {
      expect(matters.has(d.matterCode), d.matterCode).toBe(true);
      expect(d.condition.trim()).not.toBe('');
      expect(d.closingCondition.trim()).not.toBe('');
      expect(LIMIT_UNITS).toContain(d.handlingLimit.unit);
      expect(Number.isInteger(d.handlingLimit.value) && d.handlingLimit.value > 0).toBe(true);
      expect(FILING_UNIT_KINDS).toContain(d.defaultUnitKind);
      expect(UNIT_KINDS).toContain(d.defaultUnitKind);
    }
  });

  it('has no duplicate condition within a matter', () => {
    const keys = FILING_DEFAULTS.map((d) => `${d.matterCode}|${d.condition}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers the matters the seed report deals with', () => {
    const covered = new Set(FILING_DEFAULTS.map((d) => matters.get(d.matterCode)));
    const wanted = [
      '占道经营',
      '店外经营',
      '暴露垃圾',
      '垃圾站（箱）满溢',
      '违规户外广告',
      '私搭乱建',
      '油烟污染',
      '噪声扰民',
      '道路遗撒（洒）',
      '供水井盖异常',
      '雨水井盖异常',
      '路灯异常',
      '垃圾箱异常',
      '户外广告异常',
      '行道树异常',
    ];
    for (const name of wanted) expect(covered.has(name), name).toBe(true);
  });

  it('uses the real 运城 values where they exist', () => {
    const limitOf = (code: string, condition: string) =>
      filingDefaultsFor(code).find((d) => d.condition.startsWith(condition));
    expect(limitOf('09006', '违法占用')).toMatchObject({
      handlingLimit: { value: 2, unit: 'emergency_hours' },
      basis: 'reference',
    });
    expect(limitOf('06010', '公共场所')?.handlingLimit).toEqual({ value: 4, unit: 'work_hours' });
    expect(limitOf('01037', '单盏不亮')?.handlingLimit).toEqual({ value: 2, unit: 'work_days' });
    expect(limitOf('04002', '缺失')?.handlingLimit).toEqual({ value: 15, unit: 'work_days' });
    // 「2紧急工作日」: urgent, natural time.
    expect(limitOf('06001', '违法搭建的建筑物、构筑物和其他设施（正在建设）')?.handlingLimit).toEqual({
      value: 48,
      unit: 'emergency_hours',
    });
    // 积水 has no GB/T 47678.5 matter; its 运城 row lives under 01004 雨水箅子异常.
    expect(filingDefaultsFor('01004').some((d) => d.condition.includes('道路积水'))).toBe(true);
  });

  it('marks values without a 运城 row as plausible', () => {
    expect(filingDefaultsFor('06027').every((d) => d.basis === 'plausible')).toBe(true);
    expect(FILING_DEFAULTS.filter((d) => d.basis === 'reference').length).toBeGreaterThan(30);
  });

  it('hands out copies', () => {
    const [first] = filingDefaultsFor('09006');
    if (first) first.handlingLimit.value = 99;
    expect(filingDefaultsFor('09006')[0]?.handlingLimit.value).toBe(2);
    expect(filingDefaultsFor('99999')).toEqual([]);
  });
});
