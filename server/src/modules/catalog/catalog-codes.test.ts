import { describe, expect, it } from 'vitest';
import {
  checkCatalogCode,
  checkLocalCode,
  checkOldCode,
  isLocalCode,
  nextLocalCode,
  newToOldCode,
  oldToNewCode,
} from './catalog-codes.ts';
import { loadNationalCatalog } from './catalog-data.ts';

describe('old → new codes (docs/standards.md, "Old to new codes")', () => {
  it('maps components AA BB → AA 0 BB with the documented examples', () => {
    const examples: Array<[string, string]> = [
      ['0101', '01001'], // 上水井盖 → 供水井盖
      ['0114', '01014'],
      ['0123', '01023'],
      ['0137', '01037'],
      ['0150', '01050'],
      ['0154', '01054'],
      ['0211', '02011'],
      ['0219', '02019'],
      ['0304', '03004'],
      ['0401', '04001'],
      ['0503', '05003'],
    ];
    for (const [oldCode, code] of examples) expect(oldToNewCode('component', oldCode)).toBe(code);
  });

  it('applies the 05 component exceptions', () => {
    expect(oldToNewCode('component', '0504')).toBeNull(); // 液化气站
    expect(oldToNewCode('component', '0506')).toBe('01069');
    expect(oldToNewCode('component', '0507')).toBe('01070');
    expect(oldToNewCode('component', '0508')).toBe('01071');
    // The rule would also land on 01069–01071; what old 0169–0171 held is unknown, so they stay unmapped.
    expect(oldToNewCode('component', '0169')).toBeNull();
  });

  it('maps events of old classes 01–04 to (AA+5) 0 BB with the documented examples', () => {
    const examples: Array<[string, string]> = [
      ['0101', '06001'],
      ['0110', '06010'],
      ['0128', '06028'],
      ['0136', '06036'],
      ['0201', '07001'],
      ['0206', '07006'],
      ['0311', '08011'],
      ['0401', '09001'],
      ['0405', '09005'],
      ['0406', '09006'],
      ['0410', '09010'],
    ];
    for (const [oldCode, code] of examples) expect(oldToNewCode('matter', oldCode)).toBe(code);
  });

  it('applies the old 05/06 event exceptions and leaves the rest unmapped', () => {
    expect(oldToNewCode('matter', '0507')).toBe('10001');
    expect(oldToNewCode('matter', '0508')).toBe('10002');
    expect(oldToNewCode('matter', '0602')).toBe('09013');
    for (const gone of ['0501', '0502', '0505', '0506', '0503', '0601'])
      expect(oldToNewCode('matter', gone)).toBeNull();
    expect(oldToNewCode('matter', '0413')).toBeNull();
  });

  it('maps old local extensions onto the new local range and rejects malformed input', () => {
    expect(oldToNewCode('component', '0199')).toBe('01099'); // 运城 0199 违规小产权房
    expect(oldToNewCode('matter', '0493')).toBe('09093'); // 运城 0493 共享单车管理
    for (const bad of ['101', '01011', '0100', 'ab12', '0701']) expect(oldToNewCode('matter', bad)).toBeNull();
  });
});

describe('new → old codes', () => {
  it('inverts the rule and the exceptions', () => {
    expect(newToOldCode('component', '01001')).toBe('0101');
    expect(newToOldCode('component', '01070')).toBe('0507');
    expect(newToOldCode('matter', '01001')).toBe('0101'); // component anomaly keeps the old component code
    expect(newToOldCode('matter', '06028')).toBe('0128');
    expect(newToOldCode('matter', '09013')).toBe('0602');
    expect(newToOldCode('matter', '10002')).toBe('0508');
    expect(newToOldCode('component', '06001')).toBeNull();
    expect(newToOldCode('matter', '06100')).toBeNull();
  });

  it('round-trips every national entry that has an old code', () => {
    for (const e of loadNationalCatalog()) {
      if (e.oldCode === null) continue;
      const oldKind = e.kind === 'matter' && Number(e.majorCode) <= 5 ? 'component' : e.kind;
      expect(oldToNewCode(oldKind, e.oldCode), `${e.kind} ${e.code}`).toBe(e.code);
    }
  });
});

describe('code checks', () => {
  it('explains what is wrong with a code', () => {
    expect(checkCatalogCode('matter', '09006')).toEqual({ ok: true });
    expect(checkCatalogCode('matter', '9006')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkCatalogCode('matter', '09000')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkCatalogCode('component', '06001')).toMatchObject({ ok: false, problem: 'unknown_major' });
    expect(checkCatalogCode('matter', '11001')).toMatchObject({ ok: false, problem: 'unknown_major' });
    const bad = checkCatalogCode('matter', 'abc');
    expect(bad.ok ? '' : bad.message).toContain('「abc」');
    expect(checkOldCode('0101')).toEqual({ ok: true });
    for (const c of ['0700', '0100', '01001', 'x101']) expect(checkOldCode(c).ok).toBe(false);
  });

  it('accepts local codes only above the national ceiling and unused', () => {
    expect(isLocalCode('01099')).toBe(true);
    expect(isLocalCode('01078')).toBe(true);
    expect(isLocalCode('01077')).toBe(false); // 综合杆
    expect(isLocalCode('01016')).toBe(false); // national gap, not local
    expect(isLocalCode('01100')).toBe(false);
    expect(checkLocalCode('matter', '06099', [])).toEqual({ ok: true });
    expect(checkLocalCode('matter', '06031', [])).toMatchObject({ problem: 'not_local' });
    expect(checkLocalCode('matter', '06099', ['06099'])).toMatchObject({ problem: 'taken' });
    expect(checkLocalCode('component', '07099', [])).toMatchObject({ problem: 'unknown_major' });
  });
});

describe('nextLocalCode (99, 98, 97 …)', () => {
  const nationalIn = (major: string) =>
    loadNationalCatalog()
      .filter((e) => e.majorCode === major)
      .map((e) => e.code);

  it('counts down from 099 and skips codes in use', () => {
    expect(nextLocalCode('09', nationalIn('09'))).toBe('09099');
    expect(nextLocalCode('09', [...nationalIn('09'), '09099'])).toBe('09098');
    expect(nextLocalCode('09', [...nationalIn('09'), '09099', '09097'])).toBe('09098');
  });

  it('never enters national gaps and throws when the local range is full', () => {
    const locals = Array.from({ length: 22 }, (_, i) => `01${String(99 - i).padStart(3, '0')}`); // 01099 … 01078
    expect(() => nextLocalCode('01', [...nationalIn('01'), ...locals])).toThrow(/已用完/);
    expect(() => nextLocalCode('11', [])).toThrow(/不存在/);
  });
});
