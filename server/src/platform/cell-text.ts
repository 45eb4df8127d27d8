/**
 * Text written into spreadsheets we hand out (.xlsx and .csv exports). A cell whose text begins with = + - @, a tab
 * or a carriage return is run as a formula by Excel, WPS and LibreOffice when the file is opened or the cell is
 * edited ("formula" or "CSV injection": =HYPERLINK to exfiltrate, DDE to run commands). Such text gets a leading
 * apostrophe, the convention spreadsheet programs themselves use for "this is text" (docs/security.md "Parsing").
 * Every export goes through these two functions; numbers, dates and empty cells pass unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as it must be written to a spreadsheet cell so that it stays text. */
export function inertText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value for an .xlsx writer: strings made inert, anything else as it is. */
export function inertCell<T>(value: T): T | string {
  return typeof value === 'string' ? inertText(value) : value;
}

/** One CSV field (RFC 4180): text made inert, then quoted when it holds a quote, comma or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? inertText(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The reverse, for imports of files we exported: text that starts with an apostrophe followed by a formula
 * character loses the apostrophe, so an export edited and imported again keeps its original text.
 */
export function restoredText(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
