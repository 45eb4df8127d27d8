import { describe, expect, it } from 'vitest';
import { isComponentAnomalyCode, majorClassName } from './catalog.ts';

describe('catalog vocabularies', () => {
  it('names major classes per kind (docs/standards.md, "Catalog: classes and codes")', () => {
    expect(majorClassName('component', '03')).toBe('市容环卫设施');
    expect(majorClassName('matter', '03')).toBe('市容环卫设施类');
    expect(majorClassName('matter', '09')).toBe('街面秩序类');
    expect(majorClassName('component', '06')).toBeUndefined();
    expect(majorClassName('matter', 'toString')).toBeUndefined();
  });

  it('tells component anomalies (01–05) from matters proper (06–10)', () => {
    expect(isComponentAnomalyCode('01001')).toBe(true);
    expect(isComponentAnomalyCode('05009')).toBe(true);
    expect(isComponentAnomalyCode('06001')).toBe(false);
  });
});
