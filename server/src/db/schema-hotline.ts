/** Tables of the hotline module (migration 0008): work orders, their events, webhook secrets, the push outbox. */
export interface HotlineOrdersTable {
  id: string;
  tenant_id: string;
  /** '12345' | 'minqingtong' | 'petition' */
  source: string;
  external_no: string;
  requester_name: string | null;
  requester_phone: string | null;
  content: string;
  address: string | null;
  /** 'normal' | 'urgent' | 'emergency' */
  urgency: string;
  /** 'pending_sign' | 'signed' | 'converted' | 'replied' | 'closed' | 'returned' */
  status: string;
  /** 'webhook' | 'import' */
  received_via: string;
  received_at: string;
  sign_deadline: string;
  sign_overdue: number;
  signed_at: string | null;
  signed_by: string | null;
  due_at: string;
  return_reason: string | null;
  returned_at: string | null;
  case_id: string | null;
  converted_at: string | null;
  reply_text: string | null;
  replied_at: string | null;
  /** the reply to the caller by SMS: 'queued' | 'off' | 'no_phone'; null before the 办理答复 (migration 0019) */
  caller_reply_status: string | null;
  caller_replied_at: string | null;
  satisfaction: string | null;
  revisit_note: string | null;
  revisit_at: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HotlineEventsTable {
  id: string;
  tenant_id: string;
  order_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface HotlineSourcesTable {
  tenant_id: string;
  source: string;
  /** sha256 hex of the bearer secret (a 256-bit random value, so a plain hash suffices) */
  secret_hash: string;
  secret_hint: string;
  created_at: string;
  updated_at: string;
}

/** Outbox of what goes back to the hotline (办理答复, 退回): written in the order's transaction. */
export interface HotlinePushesTable {
  id: string;
  tenant_id: string;
  order_id: string;
  kind: string;
  payload_json: string;
  /** 'pending' (adapter off) | 'sent' */
  status: string;
  created_at: string;
  sent_at: string | null;
}
