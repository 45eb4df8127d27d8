/**
 * The typed map of every table (DESIGN.md §3 db/schema.ts). Instants are ISO-8601 UTC text; booleans are 0/1
 * integers; JSON is text. Every business table carries tenant_id (issue 2 "Tenancy").
 */
export interface TenantsTable {
  id: string;
  code: string;
  name: string;
  timezone: string;
  created_at: string;
  updated_at: string;
}

export interface RegionsTable {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  full_code: string;
  name: string;
  /** '/<street id>/<community id>/': ancestry for region-scoped grants */
  path: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface UnitsTable {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  region_id: string | null;
  code: string;
  name: string;
  kind: string;
  phone: string | null;
  active: number;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  unit_id: string | null;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface UserGrantsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  role: string;
  unit_id: string | null;
  region_id: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not give usable sessions */
  id: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: string;
  tenant_id: string;
  /** position in the tenant's hash chain */
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface DB {
  tenants: TenantsTable;
  regions: RegionsTable;
  units: UnitsTable;
  users: UsersTable;
  user_grants: UserGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}
