import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('handles quoted fields with commas, doubled quotes and line breaks', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","he said ""hi"""\r\n2,"line\nbreak",\n\n3,"",z';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'he said "hi"'],
      ['2', 'line\nbreak', ''],
      ['3', '', 'z'],
    ]);
  });

  it('keeps a last line without a line end and rejects an unterminated quote', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('a,"b\n1,2')).toThrow(/^CSV: unterminated/);
  });

  it('reads CR line ends, rows of different lengths, Chinese text and a quote inside an unquoted field', () => {
    expect(parseCsv('工单编号,诉求内容\r路灯"不亮",\r\rGD-2')).toEqual([
      ['工单编号', '诉求内容'],
      ['路灯"不亮"', ''],
      ['GD-2'],
    ]);
  });

  it('keeps a line of empty fields (a row the caller reports) but not an empty line', () => {
    expect(parseCsv('a,b\n,\n\nc,d\n')).toEqual([
      ['a', 'b'],
      ['', ''],
      ['c', 'd'],
    ]);
    expect(parseCsv('')).toEqual([]);
  });
});
