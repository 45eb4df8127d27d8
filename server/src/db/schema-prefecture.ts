/** Tables of migration 0061_prefecture (modules/prefecture, docs/prefecture.md). */

export interface PrefectureLinksTable {
  county_tenant_id: string;
  prefecture_tenant_id: string;
  linked_by: string | null;
  linked_at: string;
}
