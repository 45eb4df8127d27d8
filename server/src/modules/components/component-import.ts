/**
 * Bulk import of components from GeoJSON, CSV or Excel, all or nothing (bad input is a 4xx naming every problem). Every row is
 * checked before anything is written and every problem comes back at once, named by row and field:
 * ids, classes, duplicates, grid codes, positions and tenant containment by geojson-io's parseComponentImport
 * (the same rules as a GeoJSON file), the 表 2 attributes by component-fields, ids already stored by one query.
 * A row without an id but with a class gets the class's next free serial, in file order.
 */
import type { ComponentImportResult } from '../../../../common/contracts/components.ts';
import type { Crs } from '../../../../common/domain/geo.ts';
import type { ComponentsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, toBool, type Database } from '../../platform/db.ts';
import { refreshStatistics } from '../../platform/db-statistics.ts';
import { AppError, conflict, notFound, withMessage } from '../../platform/errors.ts';
import { once, replay } from '../../platform/idempotency.ts';
import { newId } from '../../platform/ids.ts';
import { reportImportRows } from '../../platform/import-progress.ts';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../platform/sheet-rows.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import { buildComponentId, COMPONENT_SERIAL_MAX, parseComponentImport, type GeoService } from '../geo/index.ts';
import { parseAttributes, textOf } from './component-fields.ts';
import {
  fileKind,
  issueAt,
  readCsv,
  readGeoJson,
  readXlsx,
  type ImportIssue,
  type RowRef,
  type SourceRow,
} from './component-files.ts';
import { placement, todayIn } from './component.service.ts';
import * as repo from './component.repository.ts';

export type ImportInput = { kind: 'file'; filename?: string; bytes: Buffer } | { kind: 'json'; body: unknown };

const order = (i: ImportIssue) => i.row ?? i.feature ?? -1;

/** An issue at a row's field whose text is details.componentImport.<key>, in the reader's language. */
const issueOf = (ref: RowRef, field: string, key: string, params: Record<string, unknown>): ImportIssue =>
  withMessage(issueAt(ref, field, ''), `details.componentImport.${key}`, params);

async function readInput(
  input: ImportInput,
  limits: SheetLimits,
): Promise<{ rows: SourceRow[]; issues: ImportIssue[]; geojson: boolean }> {
  if (input.kind === 'json') return { ...readGeoJson(input.body), geojson: true };
  const kind = fileKind(input.filename, input.bytes);
  if (kind === 'xlsx') return { ...(await readXlsx(input.bytes, limits)), geojson: false };
  if (kind === 'csv') return { ...readCsv(input.bytes), geojson: false };
  try {
    return { ...readGeoJson(JSON.parse(input.bytes.toString('utf8').replace(/^\uFEFF/, ''))), geojson: true };
  } catch {
    return { rows: [], issues: [withMessage({ path: 'file' }, 'details.componentImport.notJson')], geojson: true };
  }
}

/** Turns a parseComponentImport path (`features[j]…`, j = position among the rows given) into the row's own name. */
function rename(issue: { path: string; message: string }, rows: readonly SourceRow[]): ImportIssue {
  const m = /^features\[(\d+)\](?:\.properties\.(\w+)|(\.geometry.*))?$/.exec(issue.path);
  const row = m ? rows[Number(m[1])] : undefined;
  if (!m || !row) return issue;
  if ('feature' in row.ref) {
    return {
      path: issue.path.replace(/^features\[\d+\]/, `features[${row.ref.feature}]`),
      feature: row.ref.feature,
      field: m[2] ?? 'geometry',
      message: issue.message,
    };
  }
  return issueAt(row.ref, m[2] ?? 'lng', issue.message);
}

export function createComponentImport(
  database: Database,
  clock: Clock,
  audit: AuditService,
  catalog: CatalogService,
  geo: GeoService,
  importLimits: SheetLimits = DEFAULT_SHEET_LIMITS,
) {
  const { db } = database;

  return async function importComponents(
    actor: Actor,
    input: ImportInput,
    crs: Crs = 'wgs84',
    key: string | null = null,
  ): Promise<ComponentImportResult> {
    requirePermission(actor, 'settings.manage');
    // With an Idempotency-Key a retry gets the first result, not "already exists" for the ids it created.
    const scope = `component.import:${actor.tenantId}:${actor.userId}`;
    const earlier = await replay<ComponentImportResult>(database, scope, key, { input, crs });
    if (earlier) return earlier.body;
    const tenant = await repo.tenantInfo(db, actor.tenantId);
    if (!tenant) throw notFound('tenant');
    const read = await readInput(input, importLimits);
    reportImportRows(read.rows.length, read.rows.length);
    const issues: ImportIssue[] = [...read.issues];
    const classes = (await catalog.catalogOf(actor.tenantId)).byKey;
    const activeClass = (c: string) => toBool(classes.get(`component:${c}`)?.active);
    const g = await geo.geographyOf(actor.tenantId);

    // Ids: given, or the next serial of the row's class (its class must be known before a serial is spent).
    const given = read.rows.map((r) => textOf(r.props.code));
    const wanted = read.rows.map((r, i) => (given[i] ? null : textOf(r.props.classCode)));
    const next = await repo.maxSerials(db, actor.tenantId, [...new Set(wanted.filter((c): c is string => c !== null))]);
    for (const code of given) {
      if (code && /^\d{17}$/.test(code))
        next.set(code.slice(6, 11), Math.max(next.get(code.slice(6, 11)) ?? 0, Number(code.slice(11))));
    }
    const codes = read.rows.map((r, i) => {
      const classCode = textOf(r.props.classCode);
      const code = given[i];
      if (code) {
        if (classCode && code.slice(6, 11) !== classCode)
          issues.push(issueAt(r.ref, 'classCode', `classCode ${classCode} does not match digits 7–11 of ${code}`));
        return code;
      }
      if (!classCode) return (issues.push(issueAt(r.ref, 'code', 'give a 17-digit code or a 5-digit classCode')), null);
      if (!/^\d{5}$/.test(classCode) || !activeClass(classCode)) {
        return (issues.push(issueAt(r.ref, 'classCode', `unknown component class ${classCode} (GB/T 47678.5)`)), null);
      }
      const serial = (next.get(classCode) ?? 0) + 1;
      next.set(classCode, serial);
      if (serial > COMPONENT_SERIAL_MAX)
        return (issues.push(issueAt(r.ref, 'code', `class ${classCode} has no serials left`)), null);
      return buildComponentId(tenant.code, classCode, serial);
    });

    // The geojson-io rules on exactly the rows that have an id, as one FeatureCollection.
    const checkedAt = read.rows.flatMap((_, i) => (codes[i] !== null ? [i] : []));
    const checked = checkedAt.map((i) => read.rows[i] as SourceRow);
    const parsed = parseComponentImport(
      {
        type: 'FeatureCollection',
        features: checked.map((r, j) => ({
          type: 'Feature',
          geometry: r.geometry,
          properties: {
            code: codes[checkedAt[j] as number],
            gridCode: textOf(r.props.gridCode),
            name: textOf(r.props.name),
          },
        })),
      },
      {
        adminCode: tenant.code,
        crs,
        isKnownClassCode: activeClass,
        isKnownCode: (c) => g.gridCodes.has(c),
        ...(g.boundary ? { tenantBoundary: g.boundary } : {}),
      },
    );
    // A table row whose lng/lat are not numbers has no geometry: say so on the lng column, once.
    const noPoint = new Set(read.rows.flatMap((r) => ('row' in r.ref && r.geometry === null ? [r.ref.row] : [])));
    if (!parsed.ok)
      issues.push(
        ...parsed.issues
          .map((i) => rename(i, checked))
          .filter((i) => !(i.row !== undefined && noPoint.has(i.row) && i.field === 'lng')),
      );
    for (const r of read.rows) {
      if ('row' in r.ref && noPoint.has(r.ref.row)) {
        issues.push(
          issueOf(r.ref, 'lng', 'noPoint', {
            lng: JSON.stringify(r.props.lng ?? null),
            lat: JSON.stringify(r.props.lat ?? null),
          }),
        );
      }
    }
    const attributes = read.rows.map((r) => {
      const a = parseAttributes(r.props);
      issues.push(...a.issues.map((i) => issueAt(r.ref, i.field, i.message)));
      return a.value;
    });
    const taken = await repo.existingCodes(
      db,
      actor.tenantId,
      codes.filter((c): c is string => c !== null),
    );
    read.rows.forEach((r, i) => {
      const code = codes[i];
      if (code && taken.has(code)) issues.push(issueOf(r.ref, 'code', 'exists', { code }));
    });
    if (issues.length === 0 && read.rows.length === 0)
      issues.push(withMessage({ path: 'file' }, 'details.componentImport.noRows'));
    if (issues.length > 0 || !parsed.ok) {
      throw new AppError(
        'COMPONENT_IMPORT_INVALID',
        400,
        issues.sort((a, b) => order(a) - order(b)),
      );
    }

    const now = clock.now();
    const today = todayIn(tenant.timezone, now);
    const rows: ComponentsTable[] = parsed.rows.map((p) => {
      const a = attributes[checkedAt[p.index] as number];
      const [lng, lat] = p.geometry.coordinates;
      const place = placement(g, lng, lat, p.gridCode);
      const className = classes.get(`component:${p.classCode}`)?.name ?? p.classCode;
      return {
        id: newId(),
        tenant_id: actor.tenantId,
        code: p.code,
        class_code: p.classCode,
        name: a?.name ?? className.slice(0, 30),
        state: a?.state ?? 'intact',
        dept_name: a?.deptName ?? '',
        owner_name: a?.ownerName ?? null,
        maintainer_name: a?.maintainerName ?? null,
        grid_code: place?.grid_code ?? null,
        community_id: place?.community_id ?? null,
        street_id: place?.street_id ?? null,
        lng,
        lat,
        initial_date: a?.initialDate ?? today,
        change_date: a?.changeDate ?? null,
        source: a?.source ?? null,
        notes: a?.notes ?? null,
        synthetic: 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
    });
    try {
      const stored = await once(
        database,
        scope,
        key,
        () => now.toISOString(),
        async (tx) => {
          await repo.insertComponents(tx, rows);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'component.import',
            entity: 'component',
            entityId: 'import',
            after: { count: rows.length, crs, codes: rows.map((r) => r.code) },
          });
          return { status: 200, body: { created: rows.length } };
        },
        { input, crs },
      );
      await refreshStatistics(db, ['components']);
      return stored.body;
    } catch (err) {
      // Checked above, so only a concurrent import or registration can have taken an id since: nothing was written.
      if (isUniqueViolation(err))
        throw conflict('COMPONENT_DUPLICATE_CODE', [withMessage({ path: 'file' }, 'details.componentImport.raced')]);
      throw err;
    }
  };
}
