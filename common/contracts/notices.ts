import { Type, type Static } from 'typebox';
import { ROLES } from '../domain/roles.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/** Staff notices on the 工作台: written by administrators and leaders, read by their audience within a window. */
export const NoticeInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100 }),
  body: Type.String({ minLength: 1, maxLength: 4000 }),
  /** roles that see it; absent or empty: every role */
  roles: Type.Optional(Type.Array(Literals(ROLES), { maxItems: ROLES.length, uniqueItems: true })),
  /** the one unit whose staff see it; absent or null: every unit */
  unitId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  /** shown from (default: now) */
  publishFrom: Type.Optional(Type.String({ format: 'date-time' })),
  /** shown until (exclusive); absent or null: no end */
  publishUntil: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
});
export type NoticeInput = Static<typeof NoticeInput>;

export const Notice = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  roles: Type.Array(Type.String()),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  publishFrom: Type.String(),
  publishUntil: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
  /** the caller has read it (staff list) */
  read: Type.Boolean(),
  /** readers so far (management list) */
  readCount: Type.Optional(Type.Integer()),
});
export type Notice = Static<typeof Notice>;

/** What a staff member sees: the notices of their audience in their window, newest first, and how many are unread. */
export const MyNotices = Type.Object({ items: Type.Array(Notice), unread: Type.Integer() });
export type MyNotices = Static<typeof MyNotices>;

export const NoticeManageQuery = PageQuery;
export type NoticeManageQuery = Static<typeof NoticeManageQuery>;
