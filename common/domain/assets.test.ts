import { describe, expect, it } from 'vitest';
import { attributeFromText, schemaProblems, type AttributeProperty } from './assets.ts';

/** Attribute cells read from a CSV, and schema contradictions around the date kind (docs/assets.md). */
describe('attributeFromText', () => {
  const date: AttributeProperty = { type: 'string', format: 'date', title: '建成日期' };

  it('writes a date as spreadsheets in China spell it back as YYYY-MM-DD, and leaves the rest to the schema check', () => {
    expect(attributeFromText(date, ' 2019/6/3 ')).toBe('2019-06-03');
    expect(attributeFromText(date, '2019.12.31')).toBe('2019-12-31');
    expect(attributeFromText(date, '2019-06-30')).toBe('2019-06-30');
    expect(attributeFromText(date, '2019-6-31')).toBe('2019-06-31');
    expect(attributeFromText(date, '30/06/2019')).toBe('30/06/2019');
    expect(attributeFromText(date, '')).toBeUndefined();
  });

  it('reads the other kinds as before', () => {
    expect(attributeFromText({ type: 'string', title: 't' }, '2019/6/3')).toBe('2019/6/3');
    expect(attributeFromText({ type: 'integer', title: 'n' }, '12')).toBe(12);
    expect(attributeFromText({ type: 'boolean', title: 'b' }, '是')).toBe(true);
  });
});

describe('schemaProblems', () => {
  it('names a date on a number, or a date with a list of values, on its format', () => {
    const problems = schemaProblems({
      type: 'object',
      properties: {
        a: { type: 'number', format: 'date', title: 'a' },
        b: { type: 'string', format: 'date', enum: ['2024-01-01'], title: 'b' },
        c: { type: 'string', format: 'date', title: 'c' },
      },
    });
    expect(problems.map((p) => [p.field, p.key])).toEqual([
      ['properties.a.format', 'formatType'],
      ['properties.b.format', 'formatEnum'],
    ]);
  });
});
