/** Tables of migration 0055_campaigns (modules/campaigns, docs/campaigns.md). */
import type {
  CampaignKind,
  CampaignStatus,
  MediaLevel,
  ProblemListKind,
  ProblemStatus,
  TaskStatus,
  TopicStatus,
} from '../../../common/domain/campaigns.ts';

export interface CpCampaignsTable {
  id: string;
  tenant_id: string;
  /** human number, e.g. ZX2023-01 */
  campaign_no: string;
  name: string;
  kind: CampaignKind;
  status: CampaignStatus;
  start_date: string;
  end_date: string | null;
  description: string | null;
  /** the verb the report puts before the quantities (整治); null reads as 完成 */
  verb: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One quantity a campaign counts (道路 条, 小区 个, 线缆 米), its target and the allowance over it. */
export interface CpTargetsTable {
  id: string;
  tenant_id: string;
  campaign_id: string;
  position: number;
  name: string;
  measure: string;
  target_milli: number | string;
  overrun_pct: number;
  /** stable lowercase code naming the quantity's report figures; null when none */
  code?: string | null;
}

export interface CpTasksTable {
  id: string;
  tenant_id: string;
  campaign_id: string;
  title: string;
  unit_id: string;
  due_date: string;
  progress_pct: number;
  status: TaskStatus;
  done_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CpReportsTable {
  id: string;
  tenant_id: string;
  campaign_id: string;
  task_id: string;
  target_id: string;
  unit_id: string;
  quantity_milli: number | string;
  on_date: string;
  /** JSON array of photo ids held by the report */
  photo_ids: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface CpProblemListsTable {
  id: string;
  tenant_id: string;
  kind: ProblemListKind;
  name: string;
  batch_no: number | null;
  issued_on: string;
  source: string | null;
  created_at: string;
}

export interface CpProblemsTable {
  id: string;
  tenant_id: string;
  list_id: string;
  seq: number;
  class_name: string | null;
  title: string;
  unit_id: string | null;
  due_date: string | null;
  status: ProblemStatus;
  measures: string | null;
  photo_ids: string;
  rectified_on: string | null;
  updated_at: string;
}

export interface CpTopicsTable {
  id: string;
  tenant_id: string;
  title: string;
  lead: string | null;
  status: TopicStatus;
  started_on: string;
  concluded_on: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

export interface CpHonoursTable {
  id: string;
  tenant_id: string;
  name: string;
  level: MediaLevel;
  awarded_on: string;
  issuer: string;
  created_at: string;
}

export interface CpPublicityTable {
  id: string;
  tenant_id: string;
  outlet: string;
  level: MediaLevel;
  published_on: string;
  title: string;
  url: string | null;
  created_at: string;
}
