import type { CampaignKind, MediaLevel, ProblemListKind, TopicStatus } from '../../../../common/domain/campaigns.ts';
import { toMilli } from '../../../../common/domain/campaigns.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { nextSequence } from '../../platform/sequences.ts';
import * as repo from './campaigns.repository.ts';

/** Demo records the seed hands over (units already resolved to ids); written as finished history. */
export interface CampaignSeed {
  campaigns: {
    name: string;
    kind: CampaignKind;
    verb?: string;
    start: string;
    end: string | null;
    description: string;
    targets: { name: string; measure: string; target: number }[];
    tasks: {
      title: string;
      unitId: string;
      due: string;
      /** null = still open at this progress */
      doneOn: string | null;
      progress: number;
      reports: { target: string; quantity: number; onDate: string; note?: string }[];
    }[];
  }[];
  lists: {
    kind: ProblemListKind;
    name: string;
    batchNo: number | null;
    issuedOn: string;
    source: string;
    items: {
      className: string | null;
      title: string;
      unitId: string | null;
      dueDate: string | null;
      rectifiedOn: string | null;
      measures: string | null;
    }[];
  }[];
  topics: { title: string; lead: string; status: TopicStatus; startedOn: string; concludedOn: string | null }[];
  honours: { name: string; level: MediaLevel; awardedOn: string; issuer: string }[];
  publicity: { outlet: string; level: MediaLevel; publishedOn: string; title: string }[];
}

/** Writes the demo records in one go (the demo seed's transaction); no audit rows, like the other seeds. */
export async function seedCampaigns(db: Executor, tenantId: string, clock: Clock, by: string, seed: CampaignSeed) {
  const at = clock.now().toISOString();
  for (const c of seed.campaigns) {
    const id = newId();
    // numbered from the same sequence as the console's campaigns, so the next one never takes a seeded number
    const year = c.start.slice(0, 4);
    const seq = await nextSequence(db, tenantId, `campaign:${year}`);
    await repo.insertCampaign(db, {
      id,
      tenant_id: tenantId,
      campaign_no: `ZX${year}-${String(seq).padStart(3, '0')}`,
      name: c.name,
      kind: c.kind,
      status: c.end && c.end < at.slice(0, 10) ? 'closed' : 'active',
      start_date: c.start,
      end_date: c.end,
      description: c.description,
      verb: c.verb ?? null,
      created_by: by,
      created_at: at,
      updated_at: at,
    });
    const targets = c.targets.map((t, i) => ({
      id: newId(),
      tenant_id: tenantId,
      campaign_id: id,
      position: i + 1,
      name: t.name,
      measure: t.measure,
      target_milli: toMilli(t.target),
      overrun_pct: 0,
    }));
    await repo.insertTargets(db, targets);
    const targetId = new Map(targets.map((t) => [t.name, t.id]));
    for (const t of c.tasks) {
      const taskId = newId();
      await repo.insertTask(db, {
        id: taskId,
        tenant_id: tenantId,
        campaign_id: id,
        title: t.title,
        unit_id: t.unitId,
        due_date: t.due,
        progress_pct: t.progress,
        status: t.doneOn ? 'done' : 'open',
        done_on: t.doneOn,
        note: null,
        created_at: at,
        updated_at: at,
      });
      for (const r of t.reports) {
        const target = targetId.get(r.target);
        if (!target) throw new Error(`seed: no target ${r.target} in ${c.name}`);
        await repo.insertReport(db, {
          id: newId(),
          tenant_id: tenantId,
          campaign_id: id,
          task_id: taskId,
          target_id: target,
          unit_id: t.unitId,
          quantity_milli: toMilli(r.quantity),
          on_date: r.onDate,
          photo_ids: '[]',
          note: r.note ?? null,
          created_by: by,
          created_at: at,
        });
      }
    }
  }
  for (const l of seed.lists) {
    const listId = newId();
    await repo.insertProblemList(db, {
      id: listId,
      tenant_id: tenantId,
      kind: l.kind,
      name: l.name,
      batch_no: l.batchNo,
      issued_on: l.issuedOn,
      source: l.source,
      created_at: at,
    });
    await repo.insertProblems(
      db,
      l.items.map((p, i) => ({
        id: newId(),
        tenant_id: tenantId,
        list_id: listId,
        seq: i + 1,
        class_name: p.className,
        title: p.title,
        unit_id: p.unitId,
        due_date: p.dueDate,
        status: p.rectifiedOn ? 'rectified' : 'open',
        measures: p.measures,
        photo_ids: '[]',
        rectified_on: p.rectifiedOn,
        updated_at: at,
      })),
    );
  }
  for (const t of seed.topics)
    await repo.insertTopic(db, {
      id: newId(),
      tenant_id: tenantId,
      title: t.title,
      lead: t.lead,
      status: t.status,
      started_on: t.startedOn,
      concluded_on: t.concludedOn,
      outcome: null,
      created_at: at,
      updated_at: at,
    });
  for (const h of seed.honours)
    await repo.insertHonour(db, {
      id: newId(),
      tenant_id: tenantId,
      name: h.name,
      level: h.level,
      awarded_on: h.awardedOn,
      issuer: h.issuer,
      created_at: at,
    });
  for (let i = 0; i < seed.publicity.length; i += 50)
    await db
      .insertInto('cp_publicity')
      .values(
        seed.publicity.slice(i, i + 50).map((p) => ({
          id: newId(),
          tenant_id: tenantId,
          outlet: p.outlet,
          level: p.level,
          published_on: p.publishedOn,
          title: p.title,
          url: null,
          created_at: at,
        })),
      )
      .execute();
}
