import { Type, type Static } from 'typebox';
import { Id, Nullable } from './common.ts';

export const DOSSIER_BATCH_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'downloaded'] as const;

/** Starts a month batch of 案卷 (docs/dossier.md, "Month batch"). */
export const DossierBatchCreate = Type.Object({
  /** YYYY-MM: the closing month in the tenant's time zone */
  month: Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, a month of this century' }),
  unitId: Type.Optional(Id),
});
export type DossierBatchCreate = Static<typeof DossierBatchCreate>;

/** A month batch: POST answers 202 with one, GET /api/dossiers/batches/:id follows it. */
export const DossierBatch = Type.Object({
  id: Type.String(),
  month: Type.String(),
  unitId: Nullable(Type.String()),
  status: Type.Enum(DOSSIER_BATCH_STATUSES),
  progress: Type.Object({
    casesDone: Type.Integer(),
    /** null until the runner has listed the month's cases */
    casesTotal: Nullable(Type.Integer()),
  }),
  /** the zip's path while it can be downloaded (succeeded, not yet downloaded, not expired) */
  download: Nullable(Type.String()),
  error: Nullable(
    Type.Object({
      code: Type.String(),
      status: Type.Integer(),
      message: Type.Optional(Type.String({ description: 'in the language of Accept-Language' })),
    }),
  ),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  /** the file is deleted at this time if it was not downloaded */
  expiresAt: Nullable(Type.String()),
});
export type DossierBatch = Static<typeof DossierBatch>;
