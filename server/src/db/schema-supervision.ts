/** Tables of migration 0038_supervision_orders (modules/supervision). */

/** A 督办单: an order on a case to a target unit, replied with evidence or escalated by the sweep. */
export interface SupervisionOrdersTable {
  id: string;
  tenant_id: string;
  /** human number, e.g. DB-2026-00012 */
  order_no: string;
  case_id: string;
  case_no: string;
  /** the case's street and community when issued: the list's region scope */
  street_id: string | null;
  community_id: string | null;
  level: 'general' | 'key' | 'listed';
  status: 'open' | 'replied';
  issuer_id: string;
  issuer_name: string;
  target_unit_id: string;
  reason: string;
  issued_at: string;
  /** the deadline as issued (按期回复率 counts against it) */
  first_due_at: string;
  /** the deadline now (moved by each escalation) */
  due_at: string;
  /** 1 once a deadline passed unanswered */
  overdue: number;
  escalation_count: number;
  escalated_at: string | null;
  reply_text: string | null;
  /** JSON array of photo ids (the photos sit on the case, phase after) */
  reply_photo_ids: string | null;
  replied_by: string | null;
  replied_by_name: string | null;
  replied_at: string | null;
  /** JSON array of { at, kind, level, by } : issued, escalated, replied */
  history: string;
  created_at: string;
  updated_at: string;
}
