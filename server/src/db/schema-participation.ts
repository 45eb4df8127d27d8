/** Tables of migration 0035_case_participation (modules/participation). */

/** "我也遇到": one row per case and person; `fingerprint` is an HMAC of the phone or device id, never the value. */
export interface CaseSupportsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  fingerprint: string;
  created_at: string;
}

/** A citizen's subscription to a case's status changes; `address` is the phone (sms) or WeChat openid (wechat). */
export interface CaseSubscriptionsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  channel: 'sms' | 'wechat';
  address: string;
  /** sha256 of the unsubscribe token sent in every message's link */
  token_hash: string;
  created_at: string;
  cancelled_at: string | null;
}
