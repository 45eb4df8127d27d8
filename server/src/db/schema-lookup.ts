/** Tables of migration 0026_public_lookup. */

/** One-time codes of the lookup by case number and phone (modules/citizen, docs/security.md). */
export interface PublicLookupCodesTable {
  id: string;
  tenant_id: string;
  case_id: string;
  /** HMAC-SHA-256 of the code under a key derived from the session secret; never the code */
  code_hash: string;
  created_at: string;
  expires_at: string;
  /** tries so far, wrong or right; a code takes at most LOOKUP_MAX_ATTEMPTS */
  attempts: number;
  /** set by the one successful try: a code works once */
  used_at: string | null;
  /** sha256 of the access token issued by that try (a unique index finds it) */
  access_hash: string | null;
  access_expires_at: string | null;
}
