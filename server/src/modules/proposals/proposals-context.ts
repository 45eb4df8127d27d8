/**
 * What the parts of the 建议提案 service share (docs/proposals.md): permissions, the tenant's today and reply limit,
 * the scope of a unit-bound reader, the scope-checked lookup and the audit row.
 */
import { DEFAULT_REPLY_MONTHS, MAX_REPLY_MONTHS, REPLY_MONTHS_KEY } from '../../../../common/domain/proposals.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { ProposalsTable } from '../../db/schema-proposals.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, scopeOf, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';
import * as repo from './proposals.repository.ts';

export const READ = 'proposal.read';
export const MANAGE = 'proposal.manage';
export const APPROVE = 'proposal.approve';
export const HANDLE = 'proposal.handle';

export interface ProposalDeps {
  audit: AuditService;
  calendar: { forTenant(tenantId: string, ex?: Executor): Promise<WorkCalendar> };
  settings: Pick<SettingsService, 'get' | 'put'>;
}

export function createProposalContext(database: Database, clock: Clock, deps: ProposalDeps) {
  const { db } = database;
  const now = () => clock.now().toISOString();

  /** The local date in the tenant's time zone (a task is late from the day after its last day). */
  const today = async (tenantId: string, ex: Executor = db) =>
    (await deps.calendar.forTenant(tenantId, ex)).localDate(clock.now());

  /** The reply limit in months (tenant setting, default three). */
  async function replyMonths(tenantId: string, ex: Executor = db): Promise<number> {
    const v = (await deps.settings.get(tenantId, REPLY_MONTHS_KEY, ex))?.value as { replyMonths?: unknown } | undefined;
    const n = v?.replyMonths;
    return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_REPLY_MONTHS ? n : DEFAULT_REPLY_MONTHS;
  }

  /**
   * The units whose tasks make an item visible to the caller: null when a grant of the verb covers the whole city;
   * a unit-bound grant (股室, 所) sees the items with a task for its unit.
   */
  const visibleUnits = (actor: Actor, permission = READ): string[] | null => {
    const s = scopeOf(actor, permission as typeof READ);
    return s.all ? null : s.unitIds;
  };

  /** The row, or the same 404 for "missing" and "not yours". */
  async function load(actor: Actor, id: string, ex: Executor = db): Promise<ProposalsTable> {
    requirePermission(actor, READ);
    const row = await repo.findProposal(ex, actor.tenantId, id);
    if (!row) throw notFound('proposal');
    const units = visibleUnits(actor);
    if (units !== null) {
      const tasks = await repo.tasksOf(ex, [row.id]);
      if (!tasks.some((t) => units.includes(t.unit_id))) throw notFound('proposal');
    }
    return row;
  }

  const record = (tx: Executor, actor: Actor, action: string, entityId: string, before: unknown, after: unknown) =>
    deps.audit.record(tx, actor, actor.tenantId, { action, entity: 'proposal', entityId, before, after });

  return { db, clock, deps, now, today, replyMonths, visibleUnits, load, record };
}
export type ProposalContext = ReturnType<typeof createProposalContext>;

/** What an audit row keeps of an item: its identity and its state, not the long texts. */
export const audited = (p: Partial<ProposalsTable>) => ({
  proposalNo: p.proposal_no,
  title: p.title,
  status: p.status,
  replyStatus: p.reply_status ?? null,
  satisfaction: p.satisfaction ?? null,
});
