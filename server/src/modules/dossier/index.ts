/** Printable 案卷: one case as a PDF (sheet, map snapshot, timeline, approvals, 督办单, photos), or a month's closed
 *  cases in one PDF for archiving; every case under the case visibility rule. Owns no table. */
export { createDossierService, type DossierService } from './dossier.service.ts';
export { registerDossierRoutes } from './dossier.routes.ts';
