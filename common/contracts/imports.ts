import { Type, type Static } from 'typebox';
import { IMPORT_KINDS, IMPORT_STATUSES } from '../domain/imports.ts';
import { Nullable, PageQuery } from './common.ts';

/** An import job (docs/imports.md): every import answers 202 with one, and GET /api/imports/:id follows it. */
export const ImportJob = Type.Object({
  id: Type.String(),
  kind: Type.Enum(IMPORT_KINDS),
  status: Type.Enum(IMPORT_STATUSES),
  /** the import's options as sent: source, mode, crs, level, file name */
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])),
  fileBytes: Type.Integer(),
  progress: Type.Object({
    rowsDone: Type.Integer(),
    /** null until the row count is known */
    rowsTotal: Nullable(Type.Integer()),
  }),
  /** when succeeded: exactly what the import returned before it became a job (e.g. HotlineImportResult) */
  result: Nullable(Type.Unknown({ description: "the import kind's own result" })),
  /** when failed: the error the import would have answered, with its row/field messages; nothing was written */
  error: Nullable(
    Type.Object({
      code: Type.String(),
      status: Type.Integer(),
      message: Type.Optional(Type.String({ description: 'in the language of Accept-Language' })),
      details: Type.Optional(Type.Unknown()),
    }),
  ),
  createdBy: Type.String(),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});
export type ImportJob = Static<typeof ImportJob>;

export const ImportJobQuery = Type.Intersect([
  Type.Omit(PageQuery, ['q', 'sort', 'order']),
  Type.Object({ kind: Type.Optional(Type.Enum(IMPORT_KINDS)), status: Type.Optional(Type.Enum(IMPORT_STATUSES)) }),
]);
export type ImportJobQuery = Static<typeof ImportJobQuery>;
