import { Type, type Static } from 'typebox';
import { Literals, Nullable } from './common.ts';
import { ReportFigure } from './reports.ts';
import { YEARBOOK_PARTS } from '../domain/yearbook.ts';

/**
 * 年度工作总结 (docs/yearbook.md): a document per year whose sections hold prose with live figure placeholders.
 *
 *   GET    /api/yearbook/documents                      the years written
 *   POST   /api/yearbook/documents { year }             new year, from last year's document (figures rebound) or the outline
 *   GET    /api/yearbook/documents/:id?lang=            resolved: sections with their segments, and the figure panel
 *   PATCH  /api/yearbook/documents/:id                  title, issuer (发文机关), date line
 *   POST   /api/yearbook/documents/:id/sections         a section in a part
 *   PUT    /api/yearbook/documents/:id/sections/:sid    its heading and prose
 *   DELETE /api/yearbook/documents/:id/sections/:sid
 *   GET    /api/yearbook/documents/:id/file.docx|.pdf   the 公文 (GB/T 9704 layout)
 *   GET    /api/yearbook/figures?year=&lang=            every figure key with its value in that year (the insert menu)
 */
export const YearbookPartSchema = Literals(YEARBOOK_PARTS);

export const YearbookDocumentSummary = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  updatedAt: Type.String(),
});
export type YearbookDocumentSummary = Static<typeof YearbookDocumentSummary>;

/** The figure variant comes first: the response serializer takes the first schema that fits, and plain text fits both. */
export const YearbookSegment = Type.Union([
  /** a figure in place: its key and period, and the text it reads as now */
  Type.Object({ key: Type.String(), period: Type.String(), text: Type.String() }),
  Type.Object({ text: Type.String() }),
]);
export type YearbookSegment = Static<typeof YearbookSegment>;

export const YearbookSection = Type.Object({
  id: Type.String(),
  part: YearbookPartSchema,
  position: Type.Integer(),
  /** the number as printed: 一、 / （一） */
  number: Type.String(),
  heading: Type.String(),
  /** the prose as written, with placeholders */
  body: Type.String(),
  /** per paragraph (a line of the body), its text and resolved figures */
  paragraphs: Type.Array(Type.Array(YearbookSegment)),
  updatedAt: Type.String(),
});
export type YearbookSection = Static<typeof YearbookSection>;

export const YearbookFigureUse = Type.Object({
  ...ReportFigure.properties,
  period: Type.String(),
  uses: Type.Integer(),
});
export type YearbookFigureUse = Static<typeof YearbookFigureUse>;

export const YearbookDocument = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  issuer: Type.String(),
  issuedOn: Nullable(Type.String()),
  updatedAt: Type.String(),
  parts: Type.Array(Type.Object({ part: YearbookPartSchema, number: Type.String(), title: Type.String() })),
  sections: Type.Array(YearbookSection),
  /** every figure the prose uses, in order of first use, with its drill-down */
  figures: Type.Array(YearbookFigureUse),
});
export type YearbookDocument = Static<typeof YearbookDocument>;

export const YearbookLang = Type.Object({ lang: Type.Optional(Literals(['zh-CN', 'en'])) });
export type YearbookLang = Static<typeof YearbookLang>;

export const YearbookCreate = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export type YearbookCreate = Static<typeof YearbookCreate>;

export const YearbookUpdate = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  issuedOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
});
export type YearbookUpdate = Static<typeof YearbookUpdate>;

export const YearbookSectionWrite = Type.Object({
  heading: Type.String({ maxLength: 200 }),
  body: Type.String({ maxLength: 20000 }),
});
export type YearbookSectionWrite = Static<typeof YearbookSectionWrite>;

export const YearbookSectionCreate = Type.Object({ ...YearbookSectionWrite.properties, part: YearbookPartSchema });
export type YearbookSectionCreate = Static<typeof YearbookSectionCreate>;

export const YearbookFiguresQuery = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  lang: Type.Optional(Literals(['zh-CN', 'en'])),
});
export type YearbookFiguresQuery = Static<typeof YearbookFiguresQuery>;
