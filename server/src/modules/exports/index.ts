/** Excel exports of the console lists: each pages through the list's own service with the list's filters and permission. */
export { registerExportRoutes, type ExportSources } from './export.routes.ts';
export { MAX_EXPORT_ROWS } from './export-workbook.ts';
