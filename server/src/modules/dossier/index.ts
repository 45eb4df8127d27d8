/** Printable 案卷: one case as a PDF (sheet, map snapshot, timeline, approvals, 督办单, photos), or a month's closed
 *  cases as a background batch (a zip of one PDF per case) for archiving; every case under the case visibility rule.
 *  Owns dossier_batches and dossier_batch_files. */
export { createDossierService, type DossierService } from './dossier.service.ts';
export { createDossierBatches, type DossierBatches } from './batch.service.ts';
export { registerDossierRoutes } from './dossier.routes.ts';
