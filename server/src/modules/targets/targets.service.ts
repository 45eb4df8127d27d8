/**
 * 目标任务 (docs/targets.md): the plan's targets, their progress and statuses, progress reports with evidence.
 * Every holder of targets.read sees every target of the city (the plan is the whole bureau's); targets.edit writes
 * them (within the grant's unit, when it has one); targets.report adds progress to a manual target of a unit the
 * grant covers. Every write is audited in its transaction.
 */
import type {
  ProgressInput,
  TargetDetail,
  TargetInput,
  TargetPatch,
  TargetQuery,
  TargetView,
} from '../../../../common/contracts/targets.ts';

import { TARGET_STATUSES } from '../../../../common/domain/targets.ts';
import { DEFAULT_TIME_ZONE, zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { TgReportsTable, TgTargetsTable } from '../../db/schema-targets.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pageWindow, type Page } from '../../../../common/domain/paging.ts';
import type { Locale } from '../../platform/messages.ts';
import type { AuditService } from '../audit/index.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import { orgNames, orgReadModel, tenantColumns } from '../org/index.ts';
import { createTargetProgress, TARGETS_SECTION, type FigureReports, type Measured } from './target-progress.ts';
import type { ReportFigure } from '../../../../common/contracts/reports.ts';
import { translate } from '../../platform/messages.ts';
import { emptyValue, figureView } from '../reports/index.ts';
import { Issues, targetErrors } from './targets.errors.ts';
import * as repo from './targets.repository.ts';

export const READ = 'targets.read';
export const EDIT = 'targets.edit';
export const REPORT = 'targets.report';

export interface TargetDeps {
  audit: AuditService;
  reports: FigureReports;
  /** holds the caller's own unattached uploads for a progress report (refused ids come back by their index) */
  holdPhotos(tx: Executor, tenantId: string, holder: string, ids: readonly string[], userId: string): Promise<string[]>;
}

const SORTS = ['code', 'dueOn', 'title', 'share', 'status'] as const;
type Sort = (typeof SORTS)[number];
const clean = (v: string | null | undefined) => v?.trim() || null;

export function createTargetsService(database: Database, clock: Clock, deps: TargetDeps) {
  const { db } = database;
  const progress = createTargetProgress(deps.reports);

  async function today(tenantId: string): Promise<string> {
    const t = await tenantColumns(db, tenantId, ['timezone']);
    return zonedDate(clock.now(), t?.timezone || DEFAULT_TIME_ZONE);
  }

  async function targetOf(ex: Executor, tenantId: string, id: string): Promise<TgTargetsTable> {
    const t = await repo.findTarget(ex, tenantId, id);
    if (!t) throw notFound('target');
    return t;
  }

  const canReport = (actor: Actor, t: TgTargetsTable) =>
    t.kind === 'manual' && can(actor, REPORT, { unitId: t.unit_id });

  async function views(
    actor: Actor,
    rows: readonly TgTargetsTable[],
    locale: Locale,
    reports?: readonly TgReportsTable[],
  ): Promise<{ views: TargetView[]; reports: TgReportsTable[] }> {
    const manual = rows.filter((r) => r.kind === 'manual').map((r) => r.id);
    const all = reports ? [...reports] : await repo.reportsOf(db, actor.tenantId, manual);
    const [measured, units] = await Promise.all([
      progress.measure(actor.tenantId, rows, all, await today(actor.tenantId), locale),
      orgNames.unitNames(db, [...new Set(rows.map((r) => r.unit_id))]),
    ]);
    return {
      reports: all,
      views: rows.map((r) => viewOf(actor, r, measured.get(r.id) as Measured, units.get(r.unit_id) ?? '')),
    };
  }

  function viewOf(actor: Actor, r: TgTargetsTable, m: Measured, unitName: string): TargetView {
    return {
      id: r.id,
      year: r.year,
      code: r.code,
      title: r.title,
      titleEn: r.title_en,
      unitId: r.unit_id,
      unitName,
      kind: r.kind as TargetView['kind'],
      figureKey: r.figure_key,
      figureLabel: m.figureLabel,
      figureUnit: m.figureUnit,
      comparison: r.comparison as TargetView['comparison'],
      measureUnit: r.measure_unit,
      targetValue: r.target_value,
      dueOn: r.due_on,
      notes: r.notes,
      value: m.value,
      asOf: m.asOf,
      share: m.share,
      elapsed: m.elapsed,
      status: m.status,
      quarters: m.quarters,
      canReport: canReport(actor, r),
      updatedAt: r.updated_at,
    };
  }

  async function detail(actor: Actor, id: string, locale: Locale): Promise<TargetDetail> {
    const row = await targetOf(db, actor.tenantId, id);
    const { views: v, reports } = await views(actor, [row], locale);
    const users = await orgNames.userNames(db, [...new Set(reports.map((r) => r.created_by))]);
    return {
      ...(v[0] as TargetView),
      reports: [...reports].reverse().map((r) => ({
        id: r.id,
        value: r.value,
        reportedOn: r.reported_on,
        note: r.note,
        photoIds: JSON.parse(r.photo_ids) as string[],
        createdByName: users.get(r.created_by) ?? null,
        createdAt: r.created_at,
      })),
    };
  }

  /** The checks of a whole target (after a patch is applied): the measure, the unit, the due date in the year. */
  async function check(ex: Executor, tenantId: string, v: TargetInput) {
    const issues = new Issues();
    if (!(await orgReadModel.activeUnit(ex, tenantId, v.unitId)))
      issues.add('body.unitId', 'exists', 'targetUnknownUnit');
    if (v.kind === 'figure') {
      if (!v.figureKey) issues.add('body.figureKey', 'required', 'targetFigureRequired');
      else if (!progress.bindable().has(v.figureKey))
        issues.add('body.figureKey', 'exists', 'targetUnknownFigure', { key: v.figureKey });
    } else if (!clean(v.measureUnit)) issues.add('body.measureUnit', 'required', 'targetUnitRequired');
    if (!v.title.trim()) issues.add('body.title', 'required', 'targetTitleRequired');
    if (v.dueOn.slice(0, 4) !== String(v.year)) issues.add('body.dueOn', 'range', 'targetDueInYear', { year: v.year });
    issues.throwIfAny();
  }

  const rowOf = (v: TargetInput) => ({
    year: v.year,
    code: v.code.trim(),
    title: v.title.trim(),
    title_en: clean(v.titleEn),
    unit_id: v.unitId,
    kind: v.kind,
    figure_key: v.kind === 'figure' ? (v.figureKey ?? null) : null,
    comparison: v.comparison,
    measure_unit: v.kind === 'manual' ? clean(v.measureUnit) : null,
    target_value: v.targetValue,
    due_on: v.dueOn,
    notes: clean(v.notes),
  });

  const saving = async (code: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      if (isUniqueViolation(e)) throw targetErrors.duplicateCode(code);
      throw e;
    }
  };

  const inputOf = (r: TgTargetsTable): TargetInput => ({
    year: r.year,
    code: r.code,
    title: r.title,
    titleEn: r.title_en,
    unitId: r.unit_id,
    kind: r.kind as TargetInput['kind'],
    figureKey: r.figure_key,
    comparison: r.comparison as TargetInput['comparison'],
    measureUnit: r.measure_unit,
    targetValue: r.target_value,
    dueOn: r.due_on,
    notes: r.notes,
  });

  return {
    progress,
    today,

    /**
     * The statistics figures a target may measure, with their value in the year: the picker of whoever edits targets
     * (targets.edit), which must not need the 工作总结's yearbook.read.
     */
    async figures(actor: Actor, year: number, locale: Locale): Promise<ReportFigure[]> {
      requirePermission(actor, 'targets.edit');
      const declared = deps.reports.sections.figures().filter((f) => f.section !== TARGETS_SECTION);
      const sections = new Set(declared.map((f) => f.section));
      const report = await deps.reports.build(actor.tenantId, { period: 'year', at: String(year), lang: locale }, (k) =>
        sections.has(k),
      );
      const got = new Map(report.sections.flatMap((s) => s.figures ?? []).map((f) => [f.key, f]));
      const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params) ?? key;
      return declared.map((d) => got.get(d.key) ?? figureView(t, report.period, d, emptyValue(d)));
    },

    async list(actor: Actor, q: TargetQuery, locale: Locale = 'zh-CN'): Promise<Page<TargetView>> {
      requirePermission(actor, READ);
      const sort = (q.sort ?? 'code') as Sort;
      if (!SORTS.includes(sort)) throw invalidField('query.sort', 'enum', `sort must be one of: ${SORTS.join(', ')}`);
      const rows = await repo.findTargets(db, actor.tenantId, { year: q.year, unitId: q.unitId, q: q.q?.trim() });
      let items = (await views(actor, rows, locale)).views;
      if (q.status) items = items.filter((v) => v.status === q.status);
      const key = (v: TargetView): string | number =>
        sort === 'share'
          ? (v.share ?? -1)
          : sort === 'status'
            ? TARGET_STATUSES.indexOf(v.status)
            : sort === 'dueOn'
              ? v.dueOn
              : sort === 'title'
                ? v.title
                : `${9999 - v.year}|${v.code}`;
      const dir = q.order === 'desc' ? -1 : 1;
      items.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return (x < y ? -1 : x > y ? 1 : a.code.localeCompare(b.code)) * dir;
      });
      const { limit, offset } = pageWindow(q.page, q.pageSize);
      return { items: items.slice(offset, offset + limit), total: items.length, page: q.page ?? 1, pageSize: limit };
    },

    async get(actor: Actor, id: string, locale: Locale = 'zh-CN'): Promise<TargetDetail> {
      requirePermission(actor, READ);
      return detail(actor, id, locale);
    },

    async create(actor: Actor, input: TargetInput, locale: Locale = 'zh-CN'): Promise<TargetDetail> {
      requirePermission(actor, EDIT);
      const id = newId();
      await saving(input.code, () =>
        db.transaction().execute(async (tx) => {
          requirePermission(actor, EDIT, { unitId: input.unitId });
          await check(tx, actor.tenantId, input);
          const at = clock.now().toISOString();
          const row = { id, tenant_id: actor.tenantId, ...rowOf(input), created_at: at, updated_at: at };
          await repo.insertTarget(tx, row);
          await deps.audit.record(tx, actor, actor.tenantId, {
            action: 'target.create',
            entity: 'target',
            entityId: id,
            after: row,
          });
        }),
      );
      return detail(actor, id, locale);
    },

    async update(actor: Actor, id: string, patch: TargetPatch, locale: Locale = 'zh-CN'): Promise<TargetDetail> {
      requirePermission(actor, EDIT);
      await db.transaction().execute(async (tx) => {
        const before = await targetOf(tx, actor.tenantId, id);
        requirePermission(actor, EDIT, { unitId: before.unit_id });
        const next = { ...inputOf(before), ...patch };
        if (patch.unitId) requirePermission(actor, EDIT, { unitId: patch.unitId });
        await check(tx, actor.tenantId, next);
        if (next.kind !== before.kind && (await repo.hasReports(tx, id)))
          throw targetErrors.invalid([{ field: 'body.kind', rule: 'state', key: 'targetKindWithReports' }]);
        const set = { ...rowOf(next), updated_at: clock.now().toISOString() };
        await saving(next.code, async () => {
          await repo.updateTarget(tx, actor.tenantId, id, set);
        });
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'target.update',
          entity: 'target',
          entityId: id,
          before,
          after: set,
        });
      });
      return detail(actor, id, locale);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requirePermission(actor, EDIT);
      await db.transaction().execute(async (tx) => {
        const before = await targetOf(tx, actor.tenantId, id);
        requirePermission(actor, EDIT, { unitId: before.unit_id });
        if (await repo.hasReports(tx, id)) throw targetErrors.hasReports();
        await repo.deleteTarget(tx, actor.tenantId, id);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'target.delete',
          entity: 'target',
          entityId: id,
          before,
        });
      });
    },

    /** A progress report on a manual target, by its owner unit (or an unscoped reporter), with evidence photos. */
    async addReport(actor: Actor, id: string, input: ProgressInput, locale: Locale = 'zh-CN'): Promise<TargetDetail> {
      requirePermission(actor, REPORT);
      const day = await today(actor.tenantId);
      await db.transaction().execute(async (tx) => {
        const t = await targetOf(tx, actor.tenantId, id);
        requirePermission(actor, REPORT, { unitId: t.unit_id });
        const issues = new Issues();
        if (t.kind !== 'manual') issues.add('body.value', 'state', 'targetFigureMeasured');
        if (input.reportedOn < `${t.year}-01-01`)
          issues.add('body.reportedOn', 'range', 'targetReportBeforeYear', { year: t.year });
        if (input.reportedOn > day) issues.add('body.reportedOn', 'max', 'targetFutureDate', { today: day });
        issues.throwIfAny();
        const reportId = newId();
        const photoIds = [...new Set(input.photoIds ?? [])];
        if (photoIds.length) {
          const refused = await deps.holdPhotos(
            tx,
            actor.tenantId,
            `target_report:${reportId}`,
            input.photoIds ?? [],
            actor.userId,
          );
          if (refused.length) throw targetErrors.photos(refused.map((i) => `body.photoIds.${i}`));
        }
        const row = {
          id: reportId,
          tenant_id: actor.tenantId,
          target_id: id,
          value: input.value,
          reported_on: input.reportedOn,
          note: clean(input.note),
          photo_ids: JSON.stringify(photoIds),
          created_by: actor.userId,
          created_at: clock.now().toISOString(),
        };
        await repo.insertReport(tx, row);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'target.report.create',
          entity: 'target',
          entityId: id,
          after: row,
        });
      });
      return detail(actor, id, locale);
    },

    /** Whether the actor may see a photo held by `target_report:<id>` (the photos module asks). */
    async canViewReport(actor: Actor, reportId: string): Promise<boolean> {
      if (!can(actor, READ)) return false;
      return !!(await repo.findReport(db, actor.tenantId, reportId));
    },

    /** The targets of a year measured on `day` (the report section; no permission check, like the report). */
    async yearTargets(tenantId: string, year: number, day: string, locale: Locale) {
      const rows = await repo.findTargets(db, tenantId, { year });
      const reports = await repo.reportsOf(
        db,
        tenantId,
        rows.filter((r) => r.kind === 'manual').map((r) => r.id),
      );
      const measured = await progress.measure(tenantId, rows, reports, day, locale);
      return rows.map((r) => ({ row: r, m: measured.get(r.id) as Measured }));
    },
  };
}
export type TargetsService = ReturnType<typeof createTargetsService>;
