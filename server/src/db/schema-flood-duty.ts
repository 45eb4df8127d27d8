/** Migration 0085 (docs/lines.md): the 排水 line's 防汛排渍 duty roster, one row per tenant and day. */
export interface FloodDutyDaysTable {
  tenant_id: string;
  /** YYYY-MM-DD in the tenant's time zone */
  duty_date: string;
  leader: string;
  /** JSON array of the names on duty */
  staff: string;
  phone: string | null;
  note: string | null;
  updated_by: string;
  updated_at: string;
}
