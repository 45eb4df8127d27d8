import type * as CsvParse from 'csv-parse/sync';
import { lazyRequire } from './lazy-require.ts';

const csvParse = lazyRequire<typeof CsvParse>('csv-parse/sync');

/**
 * RFC 4180 CSV through csv-parse: fields may be quoted, quotes inside quoted fields are doubled, quoted fields may
 * hold commas and line breaks; CRLF, LF or CR line ends, mixed within one file (spreadsheet exports and hand edits
 * mix them); a UTF-8 BOM is dropped; blank lines are skipped; rows may differ in length (callers map by header).
 * A quote inside an unquoted field is kept as text. Size limits are the caller's (route body limits).
 * Throws an Error whose message starts with "CSV:" when the text cannot be read (e.g. an unterminated quote).
 */
export function parseCsv(text: string): string[][] {
  const { CsvError, parse } = csvParse();
  try {
    return parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    });
  } catch (err) {
    if (err instanceof CsvError) {
      throw new Error(err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'CSV: unterminated quoted field' : `CSV: ${err.message}`, {
        cause: err,
      });
    }
    throw err;
  }
}
