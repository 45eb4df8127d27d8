/** Tables of enforcement documents, the per-case record chain and the bundle signing keys (migration 0031). */

export interface EnforcementDocTemplatesTable {
  id: string;
  tenant_id: string;
  kind: string;
  title: string;
  body: string;
  number_pattern: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface EnforcementDocumentsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  kind: string;
  doc_no: string;
  title: string;
  template_version: number;
  docx_sha256: string;
  pdf_sha256: string;
  issued_by: string;
  issued_at: string;
}

export interface EnforcementChainTable {
  id: string;
  tenant_id: string;
  case_id: string;
  seq: number;
  kind: 'step' | 'evidence' | 'document';
  ref_id: string;
  sha256: string;
  at: string;
  prev_hash: string;
  hash: string;
  key_id: string;
  mac: string;
}

export interface EnforcementSigningKeysTable {
  tenant_id: string;
  public_key: string;
  fingerprint: string;
  private_key_cipher: string;
  created_at: string;
}

/** A document issued for a subject other than a case: a 查违控违 site's 停工通知书 (migration 0037). */
export interface EnforcementSiteDocumentsTable {
  id: string;
  tenant_id: string;
  /** what the document is about: 'ic_report' (a 查违控违 site) */
  subject: string;
  subject_id: string;
  kind: string;
  doc_no: string;
  title: string;
  template_version: number;
  docx_sha256: string;
  pdf_sha256: string;
  issued_by: string;
  issued_at: string;
}
