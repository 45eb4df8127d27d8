/** Tables of the auth module besides users and sessions (those are in schema.ts). */
export interface LoginThrottlesTable {
  /** sha256 of tenant key, username and client address */
  id: string;
  /** tenant id, or `?<code>` for an unknown tenant code */
  tenant_key: string;
  username: string;
  ip: string;
  failures: number;
  level: number;
  blocked_until: string | null;
  updated_at: string;
}
