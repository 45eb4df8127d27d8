import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bombSheetXml, SHEET_PATH, sheetXml, withDeclaredSize, workbookWithSheet } from '../testing/xlsx-bombs.ts';
import { AppError } from './errors.ts';
import { dimensionRows, sheetRows, SheetUnreadable, type SheetLimits } from './sheet-rows.ts';
import { readZipDirectory, ZipUnreadable } from './zip-archive.ts';

const MB = 1024 * 1024;
const LIMITS: SheetLimits = { maxUnpackedBytes: 50 * MB, maxRows: 50_000 };

async function collect(file: Buffer, options: { sheet?: string; maxRows?: number; limits?: SheetLimits } = {}) {
  const rows: { number: number; values: unknown[] }[] = [];
  for await (const row of sheetRows(file, {
    sheet: options.sheet,
    maxRows: options.maxRows ?? 1000,
    limits: options.limits ?? LIMITS,
  })) {
    rows.push({ number: row.number, values: (row.values as unknown[]).slice(1) });
  }
  return rows;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
}

/** A central directory listing the sheet twice, both entries on the same bytes: the "overlapping files" bomb shape. */
function withOverlappingEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const dirStart = zip.readUInt32LE(end + 16);
  let p = dirStart;
  for (let k = 0, n = zip.readUInt16LE(end + 10); k < n; k += 1) {
    const size = 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    if (zip.toString('utf8', p + 46, p + 46 + zip.readUInt16LE(p + 28)) === name) {
      const copy = Buffer.from(zip.subarray(p, p + size));
      const eocd = Buffer.from(zip.subarray(end, end + 22));
      eocd.writeUInt16LE(n + 1, 8);
      eocd.writeUInt16LE(n + 1, 10);
      eocd.writeUInt32LE(zip.readUInt32LE(end + 12) + size, 12);
      return Buffer.concat([zip.subarray(0, end), copy, eocd]);
    }
    p += size;
  }
  throw new Error(`no entry ${name}`);
}

describe('sheetRows: ordinary workbooks', () => {
  it('streams the named sheet (or the first), shared strings, numbers and dates, with sheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['not this one']);
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['编号', '时间', '数量']);
    sheet.addRow(['A-1', new Date(Date.UTC(2024, 2, 19, 18, 0)), 3]);
    sheet.getRow(4).values = ['A-3', '', 5];
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const rows = await collect(file, { sheet: '数据' });
    expect(rows.map((r) => r.number)).toEqual([1, 2, 4]);
    expect(rows[1]?.values[0]).toBe('A-1');
    expect((rows[1]?.values[1] as Date).toISOString()).toBe('2024-03-19T18:00:00.000Z');
    expect(rows[2]?.values[2]).toBe(5);
    // No such sheet: the first in the workbook's order.
    expect((await collect(file, { sheet: '没有' }))[0]?.values).toEqual(['not this one']);
  });

  it('reads archives written with data descriptors and absolute part names', async () => {
    const file = await workbookWithSheet(
      sheetXml(['a', 'b'], 2, (r, c) => `${r}-${c}`),
      'S',
      { streamFiles: true, absoluteTarget: true },
    );
    expect((await collect(file)).map((r) => r.values)).toEqual([
      ['a', 'b'],
      ['2-0', '2-1'],
      ['3-0', '3-1'],
    ]);
  });

  it('reads the row estimate from <dimension>', () => {
    expect(dimensionRows('<worksheet><dimension ref="A1:G150000"/><sheetData>')).toBe(150000);
    expect(dimensionRows('<x:dimension ref="B7"/>')).toBe(7);
    expect(dimensionRows('<worksheet><sheetData>')).toBeNull();
  });
});

describe('sheetRows: hostile archives', () => {
  it('refuses an archive whose directory declares more than the limit, before inflating anything (413)', async () => {
    // 150 MB declared for a sheet of a few bytes: refused on the directory alone.
    const file = withDeclaredSize(await workbookWithSheet(sheetXml(['a'], 1, () => 'x')), SHEET_PATH, 150 * MB);
    const err = await failure(collect(file));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      status: 413,
      details: { field: 'body.file', maxUnpackedMb: 50 },
    });
  });

  it('stops a sheet that inflates past the limit while its headers say it is small (413)', async () => {
    const bomb = await workbookWithSheet(bombSheetXml(['a'], 3 * MB));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const lying = withDeclaredSize(bomb, SHEET_PATH, 1000);
    const err = await failure(collect(lying, { limits: { maxUnpackedBytes: 1 * MB, maxRows: 100 } }));
    expect(err).toMatchObject({ code: 'IMPORT_TOO_LARGE', details: { maxUnpackedMb: 1 } });
    // Within the limit, a size that differs from the header's is a broken file.
    expect(await failure(collect(lying))).toBeInstanceOf(SheetUnreadable);
    // And the honest bomb is refused on its declared size.
    expect(await failure(collect(bomb, { limits: { maxUnpackedBytes: 1 * MB, maxRows: 100 } }))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
    });
  });

  it("refuses too many rows: by the sheet's own dimension before parsing, else at the first row past the limit (422)", async () => {
    const claimed = await workbookWithSheet(sheetXml(['a'], 3, () => 'x', 'A1:A1048576'));
    expect(await failure(collect(claimed, { maxRows: 10 }))).toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      status: 422,
      details: { field: 'body.file', maxRows: 10 },
    });
    const many = await workbookWithSheet(sheetXml(['a'], 11, () => 'x'));
    expect(await failure(collect(many, { maxRows: 10 }))).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
    expect(await collect(many, { maxRows: 11 })).toHaveLength(12);
    // The configured limit applies when it is lower than the import's own.
    expect(await failure(collect(many, { maxRows: 1000, limits: { ...LIMITS, maxRows: 5 } }))).toMatchObject({
      details: { maxRows: 5 },
    });
  });

  it('refuses overlapping entries, non-zips and truncated files as unreadable', async () => {
    const file = await workbookWithSheet(sheetXml(['a'], 1, () => 'x'));
    expect(() =>
      readZipDirectory(withOverlappingEntry(file, SHEET_PATH), { maxUnpackedBytes: 50 * MB, maxEntries: 100 }),
    ).toThrow(ZipUnreadable);
    expect(await failure(collect(withOverlappingEntry(file, SHEET_PATH)))).toBeInstanceOf(SheetUnreadable);
    expect(await failure(collect(Buffer.from('工单编号,诉求内容\n1,2\n')))).toBeInstanceOf(SheetUnreadable);
    expect(await failure(collect(file.subarray(0, file.length - 30)))).toBeInstanceOf(SheetUnreadable);
  });
});
