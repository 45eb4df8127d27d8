/** Tables of migration 0034_map_notices (modules/notices). */

/** A notice to staff on the 工作台, shown to its audience within its publish window. */
export interface StaffNoticesTable {
  id: string;
  tenant_id: string;
  title: string;
  body: string;
  /** JSON array of roles; null: every role */
  audience_roles: string | null;
  /** null: every unit */
  audience_unit_id: string | null;
  publish_from: string;
  /** null: no end */
  publish_until: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** That one user has read one notice (the unread count is the audience's notices without such a row). */
export interface StaffNoticeReadsTable {
  notice_id: string;
  user_id: string;
  tenant_id: string;
  read_at: string;
}
