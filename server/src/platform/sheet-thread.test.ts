import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bombSheetXml, SHEET_PATH, withDeclaredSize, workbookWithSheet } from '../testing/xlsx-bombs.ts';
import { AppError } from './errors.ts';
import { withImportProgress } from './import-progress.ts';
import { sheetRows, SheetUnreadable, type SheetLimits } from './sheet-rows.ts';
import { sheetRowsOffThread, type SheetRow } from './sheet-thread.ts';

/** The worker-thread reader gives exactly what the in-process one gives, and fails the same way. */
const MB = 1024 * 1024;
const LIMITS: SheetLimits = { maxUnpackedBytes: 4 * MB, maxRows: 5000 };

const plain = (row: Pick<SheetRow, 'number' | 'eachCell'>) => {
  const cells: [number, unknown, string][] = [];
  row.eachCell((cell, col) => cells.push([col, cell.value, cell.text]));
  return { number: row.number, cells };
};

async function both(file: Buffer, sheet?: string) {
  const options = { ...(sheet ? { sheet } : {}), maxRows: 5000, limits: LIMITS };
  const here: ReturnType<typeof plain>[] = [];
  for await (const row of sheetRows(file, options)) here.push(plain(row));
  const there: ReturnType<typeof plain>[] = [];
  const progress: [number, number | null][] = [];
  await withImportProgress(
    (done, total) => progress.push([done, total]),
    async () => {
      for await (const row of sheetRowsOffThread(file, options)) there.push(plain(row));
    },
  );
  return { here, there, progress };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
async function drain(file: Buffer) {
  for await (const row of sheetRowsOffThread(file, { maxRows: 5000, limits: LIMITS })) void row;
}

describe('sheet rows on a worker thread', () => {
  it('reads the same rows, values and texts as the in-process reader (dates, numbers, rich text, formulas, gaps), over several batches', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('other').addRow(['not this one']);
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['编号', '日期', '数量', '说明', '公式']);
    for (let i = 1; i <= 1200; i += 1) {
      sheet.addRow([
        `R-${i}`,
        new Date(Date.UTC(2024, 2, 1 + (i % 28))),
        i * 1.5,
        i % 3 === 0 ? { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] } : null,
        { formula: `C${i + 1}*2`, result: i * 3 },
      ]);
    }
    sheet.getCell('H5').value = '远处的单元格';
    const { here, there, progress } = await both(Buffer.from(await wb.xlsx.writeBuffer()), '数据');
    expect(here).toHaveLength(1201);
    expect(there).toEqual(here);
    expect(there[2]?.cells[1]?.[1]).toBeInstanceOf(Date);
    // Progress: rows read as they come, and the real count once reading ended.
    expect(progress.at(-1)?.[0]).toBe(1200);
    expect(progress.some(([done, total]) => done === 1200 && total === 1200)).toBe(true);
  });

  it('refuses bombs and unreadable files with the same errors, and keeps working afterwards', async () => {
    const header = ['a', 'b'];
    const declared = await failure(drain(await workbookWithSheet(bombSheetXml(header, 6 * MB))));
    expect(declared).toBeInstanceOf(AppError);
    expect(declared).toMatchObject({ code: 'IMPORT_TOO_LARGE', status: 413, details: { maxUnpackedMb: 4 } });
    const lying = await failure(
      drain(withDeclaredSize(await workbookWithSheet(bombSheetXml(header, 6 * MB)), SHEET_PATH, 2048)),
    );
    expect(lying).toMatchObject({ code: 'IMPORT_TOO_LARGE', status: 413 });
    expect(await failure(drain(Buffer.from('编号,日期\n1,2\n')))).toBeInstanceOf(SheetUnreadable);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRows([['x'], ['y']]);
    const { there } = await both(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(there.map((r) => r.cells[0]?.[2])).toEqual(['x', 'y']);
  });
});
