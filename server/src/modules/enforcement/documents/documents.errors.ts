import { AppError } from '../../../platform/errors.ts';

/** Errors of case documents (texts in the i18n catalogs under errors.<code>); each names the document kind. */
export const documentErrors = {
  /** The case is not in a stage the document belongs to (or no hearing is due, or a single one exists). */
  notAllowed: (kind: string, stage: string, reason: 'stage' | 'hearing' | 'issued') =>
    new AppError('ENFORCEMENT_DOCUMENT_NOT_ALLOWED', 409, [
      {
        field: 'params.kind',
        rule: reason,
        message:
          reason === 'issued'
            ? `${kind} has already been issued for this case`
            : reason === 'hearing'
              ? `${kind} needs a hearing notice due on the case`
              : `${kind} cannot be issued in stage ${stage}`,
        kind,
        stage,
      },
    ]),
  /** A stored document file no longer hashes to the SHA-256 recorded when it was issued (or is gone). */
  altered: (docId: string) => new AppError('ENFORCEMENT_DOCUMENT_ALTERED', 409, { docId }),
  staleTemplate: (version: number) =>
    new AppError('ENFORCEMENT_STALE', 409, [
      { field: 'body.version', rule: 'version', message: 'changed meanwhile', version },
    ]),
};
