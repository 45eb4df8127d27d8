import { describe, expect, it } from 'vitest';
import { isComponentId, isGridCode } from '../../../../common/domain/geo.ts';
import {
  buildComponentId,
  buildGridCode,
  parseComponentId,
  parseGridCode,
  upgradeLegacyGridCode,
  validateComponentId,
  validateGridCode,
} from './grid-codes.ts';

describe('grid codes (15 digits = admin 6 + street 3 + community 3 + serial 3)', () => {
  it('builds and parses', () => {
    const code = buildGridCode('420281001002', 17);
    expect(code).toBe('420281001002017');
    expect(parseGridCode(code)).toEqual({
      adminCode: '420281',
      streetCode: '420281001',
      communityCode: '420281001002',
      serial: 17,
    });
    expect(isGridCode(code)).toBe(true);
  });

  it('rejects serials outside 1–999 and malformed community codes', () => {
    expect(() => buildGridCode('420281001002', 0)).toThrow(/1–999/);
    expect(() => buildGridCode('420281001002', 1000)).toThrow(/1–999/);
    expect(() => buildGridCode('42028100100', 1)).toThrow(/12 digits/);
    expect(() => buildGridCode('420281000002', 1)).toThrow(/street/);
  });

  it('validates with the field path and says which segment is wrong', () => {
    expect(validateGridCode('42028100100201', 'features[0].properties.code')).toEqual([
      { path: 'features[0].properties.code', message: expect.stringMatching(/15 digits/) },
    ]);
    expect(validateGridCode(420281001002001)[0]?.message).toMatch(/15 digits/);
    expect(validateGridCode('420281001000001')[0]?.message).toMatch(/community/);
    expect(validateGridCode('420281001002000')[0]?.message).toMatch(/serial/);
    expect(validateGridCode('020281001002001')[0]?.message).toMatch(/admin/);
    expect(parseGridCode('42028100100200x')).toBeNull();
    for (const bad of ['420281001002000', '420281000002001', '420281001000001', '42028100100200', '020281001002001'])
      expect(isGridCode(bad)).toBe(false);
  });

  it('upgrades CJ/T 213 14-digit codes by widening the serial', () => {
    expect(upgradeLegacyGridCode('42028100100217')).toBe('420281001002017');
    expect(upgradeLegacyGridCode('420281001002017')).toBe('420281001002017');
    expect(upgradeLegacyGridCode('4202810010021')).toBeNull();
  });
});

describe('component ids (17 digits = admin 6 + class 5 + serial 6)', () => {
  it('builds and parses', () => {
    const id = buildComponentId('420281', '01037', 42);
    expect(id).toBe('42028101037000042');
    expect(parseComponentId(id)).toEqual({
      adminCode: '420281',
      classCode: '01037',
      majorClass: '01',
      minorClass: '037',
      serial: 42,
    });
    expect(isComponentId(id)).toBe(true);
  });

  it('rejects bad parts', () => {
    expect(() => buildComponentId('42028', '01037', 1)).toThrow(/admin/);
    expect(() => buildComponentId('420281', '0137', 1)).toThrow(/5 digits/);
    expect(() => buildComponentId('420281', '01037', 1_000_000)).toThrow(/999999/);
    expect(validateComponentId('4202810103700004', 'id')[0]).toEqual({
      path: 'id',
      message: expect.stringMatching(/17 digits/),
    });
    expect(validateComponentId('42028100037000042')[0]?.message).toMatch(/major class/);
    expect(validateComponentId('42028101000000042')[0]?.message).toMatch(/minor class/);
    expect(validateComponentId('42028101037000000')[0]?.message).toMatch(/serial/);
    expect(parseComponentId('x')).toBeNull();
    for (const bad of ['42028100037000042', '42028101000000042', '42028101037000000', '4202810103700004'])
      expect(isComponentId(bad)).toBe(false);
  });
});
