import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded on first use: loading it takes about as long as loading the rest of the server, while most
 * processes (and most test files) never read or write a workbook. Types come from `import type ExcelJS from 'exceljs'`.
 */
export function excel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
