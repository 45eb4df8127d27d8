/** Migration 0064: 年度工作总结 documents and their sections (docs/yearbook.md). */
export interface YbDocumentsTable {
  id: string;
  tenant_id: string;
  year: number;
  title: string;
  issuer: string;
  issued_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface YbSectionsTable {
  id: string;
  tenant_id: string;
  document_id: string;
  part: 'summary' | 'problems' | 'plan';
  position: number;
  heading: string;
  /** prose with figure placeholders `{{<figure key>|<period>}}` */
  body: string;
  updated_by: string;
  updated_at: string;
}

declare module './schema.ts' {
  interface DB {
    yb_documents: YbDocumentsTable;
    yb_sections: YbSectionsTable;
  }
}
