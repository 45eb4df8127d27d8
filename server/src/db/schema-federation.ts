/** Tables of migration 0056_federation (modules/federation, docs/federation.md). */

export interface FedKeysTable {
  id: string;
  tenant_id: string;
  tenant_code: string;
  /** first 16 hex digits of SHA-256 over the raw public key */
  key_id: string;
  /** raw 32-byte Ed25519 public key, base64 */
  public_key: string;
  /** the PKCS#8 private key, encrypted (platform/pii-cipher.ts); never served */
  private_cipher: string;
  /** 'active' | 'retiring' | 'retired' */
  status: string;
  valid_until: string | null;
  created_at: string;
}

export interface FedPeersTable {
  id: string;
  tenant_id: string;
  name: string;
  url: string;
  peer_code: string;
  /** JSON sharing agreement (common/domain/federation.ts) */
  sharing: string;
  /** 'active' | 'revoked' */
  status: string;
  created_at: string;
  updated_at: string;
}

export interface FedPeerKeysTable {
  id: string;
  tenant_id: string;
  peer_id: string;
  key_id: string;
  public_key: string;
  valid_until: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface FedMessagesTable {
  id: string;
  tenant_id: string;
  peer_id: string;
  /** 'out' | 'in' */
  direction: string;
  message_id: string;
  nonce: string;
  kind: string;
  envelope: string;
  /** out: 'pending' | 'delivered' | 'failed'; in: 'received' | 'accepted' | 'returned' | 'applied' */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  lease_until: string | null;
  last_error: string | null;
  transfer_id: string | null;
  local_case_id: string | null;
  decision_note: string | null;
  decided_by: string | null;
  /** out, for a request (互认, joint action): the peer's answer, 'accepted' | 'declined', and its note */
  reply_status?: string | null;
  reply_note?: string | null;
  created_at: string;
  updated_at: string;
}

export interface FedTransfersTable {
  id: string;
  tenant_id: string;
  peer_id: string;
  case_id: string;
  case_no: string;
  /** 'pending' | 'accepted' | 'returned' */
  status: string;
  peer_case_no: string | null;
  peer_status: string | null;
  reason: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface FedReportMarksTable {
  tenant_id: string;
  last_day: string;
  updated_at: string;
}

export interface FedReportConfigTable {
  tenant_id: string;
  mode: 'file' | 'push' | 'both';
  endpoint: string | null;
  token_cipher: string | null;
  hmac_cipher: string | null;
  batch_size: number;
  updated_by: string;
  updated_at: string;
}

export interface FedReportCursorsTable {
  tenant_id: string;
  channel: 'file' | 'push';
  kind: 'day' | 'month';
  last: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface FedReportRunsTable {
  id: string;
  tenant_id: string;
  channel: 'file' | 'push';
  kind: 'day' | 'month';
  period: string;
  ok: number;
  records: number;
  error: string | null;
  at: string;
}
