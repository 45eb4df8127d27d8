/** Open311 tables (migration 0007); DB in schema.ts maps them. Booleans are 0/1, instants ISO-8601 UTC text. */
export interface ApiClientsTable {
  id: string;
  tenant_id: string;
  name: string;
  contact: string | null;
  /** the key's public first part, unique: finds the row before the hash is compared */
  key_prefix: string;
  /** sha256 (hex) of the whole key; the key itself is shown once at creation and never stored */
  key_hash: string;
  rate_limit_per_minute: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface Open311RequestsTable {
  case_id: string;
  tenant_id: string;
  client_id: string;
  service_code: string;
  /** [{ code, name, value }] as answered on POST requests */
  attributes_json: string;
  /** media_url values that were not uploaded files */
  media_urls_json: string;
  created_at: string;
}

export interface Open311UpdatesTable {
  id: string;
  tenant_id: string;
  client_id: string;
  /** the client's id of the update (mySociety extension: docs/open311.md, "Service request updates") */
  update_id: string;
  case_id: string;
  /** lower-case mySociety status */
  status: string;
  description: string;
  updated_datetime: string;
  media_urls_json: string;
  created_at: string;
}
