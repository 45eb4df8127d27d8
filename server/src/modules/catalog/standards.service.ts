import type {
  FilingCondition,
  FilingConditionCreate,
  FilingConditionExportQuery,
  FilingConditionQuery,
  FilingConditionUpdate,
  ImportResult,
  ImportRowError,
} from '../../../../common/contracts/catalog.ts';
import type { LimitUnit } from '../../../../common/domain/catalog.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { FilingConditionsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { toBool, type Database } from '../../platform/db.ts';
import { refreshStatistics } from '../../platform/db-statistics.ts';
import { notFound, withMessage } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { once, replay } from '../../platform/idempotency.ts';
import { listWindow } from '../../platform/paging.ts';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../platform/sheet-rows.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { catalogErrors } from './catalog.errors.ts';
import type { CatalogService } from './catalog.service.ts';
import * as repo from './catalog.repository.ts';
import {
  COLUMNS,
  buildStandardsWorkbook,
  readStandardsWorkbook,
  toSheetCells,
  validateStandardsRows,
} from './standards-sheet.ts';

type ConditionRow = NonNullable<Awaited<ReturnType<typeof repo.conditionWithNames>>>;

const view = (r: ConditionRow): FilingCondition => ({
  id: r.id,
  matterCode: r.matter_code,
  matterName: r.matter_name,
  seq: r.seq,
  condition: r.condition,
  handlingLimit: { value: r.limit_value, unit: r.limit_unit as LimitUnit },
  closingCondition: r.closing_condition,
  unitId: r.unit_id,
  unitName: r.unit_name,
  active: toBool(r.active),
  updatedAt: r.updated_at,
});

/** Two wordings of a condition are the same one when they differ only in width or spacing (as the sheet check does). */
const conditionKey = (matterCode: string, text: string) =>
  `${matterCode}\u0000${text.normalize('NFKC').replace(/\s+/g, '')}`;
/** xlsx files are zip archives: anything else is refused before exceljs sees it. */
const looksLikeZip = (buf: Buffer) =>
  buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
const COLUMN_ORDER = new Map<string, number>(COLUMNS.map((c, i) => [c, i]));
const byRowThenColumn = (a: ImportRowError, b: ImportRowError) =>
  a.row - b.row || (COLUMN_ORDER.get(a.field) ?? 99) - (COLUMN_ORDER.get(b.field) ?? 99);

/** 立结案标准: per matter, filing conditions with a handling limit, closing condition and default unit; Excel in and out. */
export function createStandardsService(
  database: Database,
  clock: Clock,
  audit: AuditService,
  catalogs: CatalogService,
  importLimits: SheetLimits = DEFAULT_SHEET_LIMITS,
) {
  const { db } = database;

  async function get(actor: Actor, id: string): Promise<FilingCondition> {
    requirePermission(actor, 'org.read');
    const row = await repo.conditionWithNames(db, actor.tenantId, id);
    if (!row) throw notFound('filing_condition');
    return view(row);
  }

  /** A condition may be filed only under a known, active matter (component anomalies 01–05 are matters too). */
  async function checkMatter(actor: Actor, code: string, field: string) {
    const matter = (await catalogs.catalogOf(actor.tenantId)).byKey.get(`matter:${code}`);
    if (!matter) throw catalogErrors.unknownMatter(field, code);
    if (!toBool(matter.active)) throw catalogErrors.unknownMatter(field, code, true);
  }

  async function checkUnit(actor: Actor, unitId: string | null | undefined, field: string) {
    if (unitId && !(await repo.unitExists(db, actor.tenantId, unitId))) throw catalogErrors.unknownUnit(field);
  }

  async function checkUnique(actor: Actor, matterCode: string, condition: string, field: string, exceptId?: string) {
    const wanted = conditionKey(matterCode, condition);
    const existing = await repo.conditionsOfMatters(db, actor.tenantId, [matterCode]);
    if (existing.some((c) => c.id !== exceptId && conditionKey(c.matter_code, c.condition) === wanted))
      throw catalogErrors.duplicateCondition(field);
  }

  return {
    get,

    async list(actor: Actor, query: FilingConditionQuery): Promise<Page<FilingCondition>> {
      requirePermission(actor, 'org.read');
      const w = listWindow(query, { matterCode: 'matter_code', updatedAt: 'updated_at' }, 'matterCode');
      const { rows, total } = await repo.listConditions(
        db,
        actor.tenantId,
        { ...query, q: query.q?.trim() || undefined },
        w,
      );
      return { items: rows.map(view), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: FilingConditionCreate): Promise<FilingCondition> {
      requirePermission(actor, 'settings.manage');
      const condition = input.condition.trim();
      await checkMatter(actor, input.matterCode, 'body.matterCode');
      await checkUnit(actor, input.unitId, 'body.unitId');
      await checkUnique(actor, input.matterCode, condition, 'body.condition');
      const now = clock.now().toISOString();
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const seq =
          ((await repo.maxSeqByMatter(tx, actor.tenantId, [input.matterCode])).get(input.matterCode) ?? 0) + 1;
        const row: FilingConditionsTable = {
          id,
          tenant_id: actor.tenantId,
          matter_code: input.matterCode,
          seq,
          condition,
          limit_value: input.handlingLimit.value,
          limit_unit: input.handlingLimit.unit,
          closing_condition: input.closingCondition.trim(),
          unit_id: input.unitId ?? null,
          active: 1,
          created_at: now,
          updated_at: now,
        };
        await repo.insertConditions(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'catalog.condition.create',
          entity: 'filing_condition',
          entityId: id,
          after: row,
        });
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, patch: FilingConditionUpdate): Promise<FilingCondition> {
      requirePermission(actor, 'settings.manage');
      const before = await repo.findCondition(db, actor.tenantId, id);
      if (!before) throw notFound('filing_condition');
      const matterCode = patch.matterCode ?? before.matter_code;
      const condition = patch.condition?.trim() ?? before.condition;
      const moved = matterCode !== before.matter_code;
      if (moved) await checkMatter(actor, matterCode, 'body.matterCode');
      await checkUnit(actor, patch.unitId, 'body.unitId');
      if (moved || condition !== before.condition)
        await checkUnique(actor, matterCode, condition, 'body.condition', id);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const seq = moved
          ? ((await repo.maxSeqByMatter(tx, actor.tenantId, [matterCode])).get(matterCode) ?? 0) + 1
          : before.seq;
        const changes: Partial<FilingConditionsTable> = {
          matter_code: matterCode,
          seq,
          condition,
          ...(patch.handlingLimit
            ? { limit_value: patch.handlingLimit.value, limit_unit: patch.handlingLimit.unit }
            : {}),
          ...(patch.closingCondition !== undefined ? { closing_condition: patch.closingCondition.trim() } : {}),
          ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
          ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
          updated_at: now,
        };
        await repo.updateCondition(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'catalog.condition.update',
          entity: 'filing_condition',
          entityId: id,
          before,
          after: { ...before, ...changes },
        });
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requirePermission(actor, 'settings.manage');
      const before = await repo.findCondition(db, actor.tenantId, id);
      if (!before) throw notFound('filing_condition');
      await db.transaction().execute(async (tx) => {
        await repo.deleteConditions(tx, actor.tenantId, [id]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'catalog.condition.delete',
          entity: 'filing_condition',
          entityId: id,
          before,
        });
      });
    },

    /** The 立结案标准 workbook of the conditions the list's filters select, in list order. */
    async exportSheet(actor: Actor, query: FilingConditionExportQuery): Promise<Buffer> {
      requirePermission(actor, 'org.read');
      const { rows } = await repo.listConditions(
        db,
        actor.tenantId,
        { ...query, q: query.q?.trim() || undefined },
        null,
      );
      const { entries } = await catalogs.catalogOf(actor.tenantId);
      const cells = rows.map((r) =>
        toSheetCells(
          {
            matterCode: r.matter_code,
            condition: r.condition,
            handlingLimit: { value: r.limit_value, unit: r.limit_unit as LimitUnit },
            closingCondition: r.closing_condition,
            unitName: r.unit_name,
          },
          entries,
        ),
      );
      return buildStandardsWorkbook(cells);
    },

    /**
     * Imports the bureau's sheet all or nothing: every bad row is reported (Excel row number + column) and nothing is
     * written unless all rows are good. `replace` swaps all conditions of the matters in the file; `append` adds.
     */
    async importSheet(
      actor: Actor,
      file: Buffer,
      mode: 'append' | 'replace',
      key: string | null = null,
    ): Promise<ImportResult> {
      requirePermission(actor, 'settings.manage');
      // With an Idempotency-Key a retry gets the first result, not "already has this condition" for its own rows.
      const scope = `catalog.conditions.import:${actor.tenantId}:${actor.userId}`;
      const earlier = await replay<ImportResult>(database, scope, key, { mode, file });
      if (earlier) return earlier.body;
      if (!looksLikeZip(file)) throw catalogErrors.notXlsx();
      const raw = await readStandardsWorkbook(file, importLimits);
      if (raw.length === 0) throw catalogErrors.fileInvalid('sheet.noRows');
      const catalog = await catalogs.catalogOf(actor.tenantId);
      const units = await repo.tenantUnits(db, actor.tenantId);
      const { valid, errors } = validateStandardsRows(
        raw,
        catalog.entries,
        units.map((u) => u.name),
      );
      const problems: ImportRowError[] = [...errors];
      const unitIds = new Map<string, string[]>();
      for (const u of units) unitIds.set(u.name.trim(), [...(unitIds.get(u.name.trim()) ?? []), u.id]);
      for (const v of valid) {
        if (!toBool(catalog.byKey.get(`matter:${v.matterCode}`)?.active ?? 0)) {
          problems.push(
            withMessage({ row: v.row, field: '小类' }, 'details.standards.matterInactive', {
              code: v.matterCode,
              name: v.matterName,
            }),
          );
        }
        if (v.unitName !== null && (unitIds.get(v.unitName)?.length ?? 0) > 1) {
          problems.push(
            withMessage({ row: v.row, field: '处置单位' }, 'details.standards.unitAmbiguous', { value: v.unitName }),
          );
        }
      }
      const matterCodes = [...new Set(valid.map((v) => v.matterCode))];
      const now = clock.now().toISOString();
      const stored = await once(
        database,
        scope,
        key,
        () => now,
        async (tx) => {
          // Read inside the transaction so that an append never duplicates a condition saved a moment earlier.
          const existing = await repo.conditionsOfMatters(tx, actor.tenantId, matterCodes);
          if (mode === 'append') {
            const taken = new Set(existing.map((c) => conditionKey(c.matter_code, c.condition)));
            for (const v of valid) {
              if (taken.has(conditionKey(v.matterCode, v.condition)))
                problems.push(withMessage({ row: v.row, field: '立案条件' }, 'details.standards.conditionTaken'));
            }
          }
          if (problems.length > 0) throw catalogErrors.importInvalid(problems.sort(byRowThenColumn));
          const seqs =
            mode === 'append' ? await repo.maxSeqByMatter(tx, actor.tenantId, matterCodes) : new Map<string, number>();
          const rows: FilingConditionsTable[] = valid.map((v) => {
            const seq = (seqs.get(v.matterCode) ?? 0) + 1;
            seqs.set(v.matterCode, seq);
            return {
              id: newId(),
              tenant_id: actor.tenantId,
              matter_code: v.matterCode,
              seq,
              condition: v.condition,
              limit_value: v.handlingLimit.value,
              limit_unit: v.handlingLimit.unit,
              closing_condition: v.closingCondition,
              unit_id: v.unitName === null ? null : (unitIds.get(v.unitName)?.[0] ?? null),
              active: 1,
              created_at: now,
              updated_at: now,
            };
          });
          const removed = mode === 'replace' ? existing : [];
          await repo.deleteConditions(
            tx,
            actor.tenantId,
            removed.map((c) => c.id),
          );
          await repo.insertConditions(tx, rows);
          const importId = newId();
          await audit.record(tx, actor, actor.tenantId, {
            action: 'catalog.condition.import',
            entity: 'filing_condition_import',
            entityId: importId,
            before: { mode, matters: mode === 'replace' ? matterCodes : [], conditions: removed },
            after: { mode, conditions: rows },
          });
          return {
            status: 200,
            body: {
              mode,
              imported: rows.length,
              replacedMatters: mode === 'replace' ? matterCodes.length : 0,
              removed: removed.length,
            },
          };
        },
        { mode, file },
      );
      await refreshStatistics(db, ['filing_conditions']);
      return stored.body;
    },
  };
}
export type StandardsService = ReturnType<typeof createStandardsService>;
