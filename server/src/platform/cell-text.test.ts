import { describe, expect, it } from 'vitest';
import { csvField, inertCell, inertText, restoredText } from './cell-text.ts';

describe('spreadsheet cell text', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula, and only there', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(inertText(text)).toBe(`'${text}`);
    for (const text of ['占道经营', '12345', 'a=b', ' =1', '', "'already"]) expect(inertText(text)).toBe(text);
    expect(inertCell(-5)).toBe(-5);
    expect(inertCell(null)).toBeNull();
    expect(inertCell('=1')).toBe("'=1");
  });

  it('quotes CSV fields that need it, after making them inert', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(-114.5)).toBe('-114.5');
    expect(csvField(null)).toBe('');
  });

  it('restores exported text on import, so a round trip keeps the original', () => {
    for (const text of ['=1+1', '-后续处理', '@张三', '普通文字', "'引号开头"])
      expect(restoredText(inertText(text))).toBe(text);
  });
});
