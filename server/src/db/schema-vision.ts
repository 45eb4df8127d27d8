/** Tables of migration 0069_vision (module vision; docs/vision.md). */
import type { VisionEventStatus, VisionSourceKind } from '../../../common/domain/vision.ts';

/** A camera or drone that posts recognised events to the webhook with its own secret. */
export interface VisionSourcesTable {
  id: string;
  tenant_id: string;
  code: string;
  kind: VisionSourceKind;
  name: string;
  lng: number;
  lat: number;
  /** degrees clockwise from north the camera looks at (null: a dome or a drone) */
  heading: number | null;
  /** the street (region) the position lies in */
  street_id: string | null;
  address: string | null;
  /** the webhook secret, AES-256-GCM under the server's secret ring (shown once) */
  secret_enc: string;
  secret_hint: string;
  secret_issued_at: string;
  /** JSON { class: threshold } overriding the tenant's class thresholds for this source */
  thresholds: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The tenant's setting of one class: the matter its cases are filed under and the threshold. */
export interface VisionClassesTable {
  tenant_id: string;
  class: string;
  matter_code: string;
  threshold: number;
  active: number;
  updated_at: string;
}

export interface VisionMissionsTable {
  id: string;
  tenant_id: string;
  source_id: string;
  name: string;
  operator_name: string;
  started_at: string;
  ended_at: string | null;
  /** JSON [[lng, lat], …] (WGS84): the flown line */
  route: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface VisionEventsTable {
  id: string;
  tenant_id: string;
  source_id: string;
  /** the source's own id of the event: a retry with the same id is stored once */
  event_id: string;
  mission_id: string | null;
  class: string;
  confidence: number;
  /** the threshold in force when the event arrived */
  threshold: number;
  at: string;
  lng: number;
  lat: number;
  heading: number | null;
  image_url: string | null;
  photo_id: string | null;
  status: VisionEventStatus;
  case_id: string | null;
  case_no: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  received_at: string;
}
