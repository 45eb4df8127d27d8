import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LIMIT_UNITS } from '../../../../common/domain/catalog.ts';
import { AppError } from '../../platform/errors.ts';
import { loadNationalCatalog } from './catalog-data.ts';
import { FILING_DEFAULTS } from './filing-defaults.ts';
import {
  COLUMNS,
  SHEET_NAME,
  buildStandardsWorkbook,
  formatLimit,
  parseLimitText,
  readStandardsWorkbook,
  toSheetCells,
  validateStandardsRows,
  type Column,
  type RawRow,
} from './standards-sheet.ts';

const catalog = loadNationalCatalog();
const units = ['城区环卫所', '市政维护所', '城管执法大队', '东岳路街道办事处'];
const cells = (over: Partial<Record<Column, string>> = {}): Record<Column, string> => ({
  类型: '事项',
  大类: '街面秩序类',
  小类: '占道经营',
  立案条件: '占用道路进行营利性买卖',
  处置时限: '2紧急工作时',
  结案条件: '取缔',
  处置单位: '城管执法大队',
  ...over,
});
/** Rows from Excel row 2 on, each with its own 立案条件 unless the test sets one. */
const rows = (...list: Array<Partial<Record<Column, string>>>): RawRow[] =>
  list.map((c, i) => ({ row: i + 2, cells: cells({ 立案条件: `占用道路进行营利性买卖（${i}）`, ...c }) }));

describe('parseLimitText / formatLimit', () => {
  it('reads the wordings bureaus use', () => {
    const cases: Array<[string, number, string]> = [
      ['2工作时', 2, 'work_hours'],
      ['4小时', 4, 'work_hours'],
      ['4 个小时内', 4, 'work_hours'],
      ['2紧急工作时', 2, 'emergency_hours'],
      ['1紧急时', 1, 'emergency_hours'],
      ['2紧急工作日', 48, 'emergency_hours'],
      ['3工作日', 3, 'work_days'],
      ['5天', 5, 'work_days'],
      ['2个工作日', 2, 'work_days'],
      ['7自然日', 7, 'calendar_days'],
      ['15日', 15, 'calendar_days'],
      ['１０天', 10, 'work_days'],
    ];
    for (const [text, value, unit] of cases) expect(parseLimitText(text), text).toEqual({ value, unit });
  });

  it('rejects text it cannot read', () => {
    for (const bad of ['', '尽快', '2', '工作日', '0天', '1.5天', '30分钟', '2周', '1000天', '-2天', '2天半']) {
      expect(parseLimitText(bad), bad).toBeNull();
    }
  });

  it('formats canonically and round-trips every unit', () => {
    expect(formatLimit({ value: 2, unit: 'emergency_hours' })).toBe('2紧急工作时');
    expect(formatLimit({ value: 3, unit: 'work_days' })).toBe('3工作日');
    for (const unit of LIMIT_UNITS)
      expect(parseLimitText(formatLimit({ value: 12, unit }))).toEqual({ value: 12, unit });
  });
});

describe('validateStandardsRows', () => {
  it('accepts good rows and resolves 小类 by name, code, old code or component name', () => {
    const { valid, errors } = validateStandardsRows(
      rows(
        {},
        { 类型: '部件', 大类: '市政公用设施', 小类: '供水井盖', 处置单位: '市政维护所' },
        { 类型: '事件', 大类: '', 小类: '0110', 处置时限: '4小时', 处置单位: '城区环卫所' },
        { 类型: '', 大类: '06', 小类: '06014 道路遗撒（洒）', 处置单位: '城区环卫所' },
        { 类型: '事项', 大类: '市容环境类', 小类: '垃圾站满溢', 处置单位: '城区环卫所' },
      ),
      catalog,
      units,
    );
    expect(errors).toEqual([]);
    expect(valid.map((r) => [r.row, r.matterCode, r.matterName])).toEqual([
      [2, '09006', '占道经营'],
      [3, '01001', '供水井盖异常'],
      [4, '06010', '暴露垃圾'],
      [5, '06014', '道路遗撒（洒）'],
      [6, '06042', '垃圾站（箱）满溢'],
    ]);
    expect(valid[2]?.handlingLimit).toEqual({ value: 4, unit: 'work_hours' });
  });

  it('reports each bad row by Excel row number and column, and keeps it out of valid', () => {
    const { valid, errors } = validateStandardsRows(
      rows(
        {},
        { 小类: '飞碟降落' },
        { 处置时限: '尽快' },
        { 立案条件: '  ' },
        { 处置单位: '不存在的单位' },
        { 大类: '宣传广告类' },
        { 类型: '部件', 小类: '占道经营' },
        { 类型: '其他' },
        { 立案条件: ' 占用道路进行营利性买卖（0） ' },
      ),
      catalog,
      units,
    );
    expect(valid.map((r) => r.row)).toEqual([2]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, '小类'],
      [4, '处置时限'],
      [5, '立案条件'],
      [6, '处置单位'],
      [7, '大类'],
      [8, '小类'],
      [9, '类型'],
      [10, '立案条件'],
    ]);
    expect(errors[0]?.message).toContain('飞碟降落');
    expect(errors[1]?.message).toContain('尽快');
    expect(errors[5]?.message).toContain('与类型');
    expect(errors[7]?.message).toContain('第 2 行');
  });

  it('reports every problem of one row and unmapped old codes', () => {
    const { valid, errors } = validateStandardsRows(
      rows({ 小类: '', 处置时限: '', 结案条件: '', 处置单位: '' }, { 类型: '事件', 小类: '0506' }),
      catalog,
      units,
    );
    expect(valid).toEqual([]);
    expect(errors.filter((e) => e.row === 2).map((e) => e.field)).toEqual(['小类', '处置时限', '结案条件', '处置单位']);
    expect(errors.find((e) => e.row === 3)?.message).toContain('0506');
  });
});

describe('workbook round trip', () => {
  it('writes the defaults and reads them back unchanged', async () => {
    const sheetRows = FILING_DEFAULTS.map((d) =>
      toSheetCells({ ...d, unitName: d.defaultUnitKind === 'sanitation' ? '城区环卫所' : '城管执法大队' }, catalog),
    );
    const buf = await buildStandardsWorkbook(sheetRows);
    const read = await readStandardsWorkbook(buf);
    expect(read.map((r) => r.cells)).toEqual(sheetRows);
    expect(read[0]?.row).toBe(2);
    const { valid, errors } = validateStandardsRows(read, catalog, units);
    expect(errors).toEqual([]);
    expect(valid.map((r) => [r.matterCode, r.condition, r.handlingLimit])).toEqual(
      FILING_DEFAULTS.map((d) => [d.matterCode, d.condition, d.handlingLimit]),
    );
  });

  it('writes component anomalies as 类型 部件 with the component name', () => {
    const [first] = FILING_DEFAULTS;
    if (!first) throw new Error('no defaults');
    expect(toSheetCells({ ...first, unitName: 'x' }, catalog)).toMatchObject({
      类型: '部件',
      大类: '市政公用设施',
      小类: '供水井盖',
    });
    expect(() => toSheetCells({ ...first, matterCode: '99999', unitName: 'x' }, catalog)).toThrow(/99999/);
  });

  it('reads columns by header in any order, skips blank rows and keeps Excel row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(SHEET_NAME);
    const order: Column[] = ['小类', '处置单位', '立案条件', '结案条件', '处置时限'];
    sheet.addRow([...order, '备注']);
    sheet.addRow(['占道经营', '城管执法大队', '占道', '取缔', '2紧急工作时', 'x']);
    sheet.addRow([]);
    sheet.addRow(['路灯', '市政维护所', '单盏不亮', '修复', 2]);
    const read = await readStandardsWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read.map((r) => r.row)).toEqual([2, 4]);
    expect(read[1]?.cells).toEqual({
      类型: '',
      大类: '',
      小类: '路灯',
      立案条件: '单盏不亮',
      处置时限: '2',
      结案条件: '修复',
      处置单位: '市政维护所',
    });
    const { errors } = validateStandardsRows(read, catalog, units);
    expect(errors).toEqual([{ row: 4, field: '处置时限', message: expect.stringContaining('「2」') }]);
  });

  it('rejects a sheet without the required headers, or a file that is not xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['小类', '立案条件']);
    const error = await readStandardsWorkbook(Buffer.from(await workbook.xlsx.writeBuffer())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'CATALOG_SHEET_INVALID',
      details: expect.arrayContaining([{ row: 1, field: '处置时限', message: expect.any(String) }]),
    });
    await expect(readStandardsWorkbook(Buffer.from('not a zip'))).rejects.toMatchObject({
      code: 'CATALOG_SHEET_INVALID',
    });
    expect(COLUMNS).toHaveLength(7);
  });
});
