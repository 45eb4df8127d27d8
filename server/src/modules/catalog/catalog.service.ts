import type {
  CatalogEntry,
  CatalogEntryCreate,
  CatalogEntryQuery,
  CatalogEntryUpdate,
  MajorClass,
  OldCodeMapping,
  OldCodeQuery,
} from '../../../../common/contracts/catalog.ts';
import {
  COMPONENT_MAJOR_CLASSES,
  MATTER_MAJOR_CLASSES,
  type CatalogEntry as DomainEntry,
} from '../../../../common/domain/catalog.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { CatalogEntriesTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, toBool, type Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { makeCatalogEntry } from './catalog-data.ts';
import { LocalRangeFull, nextLocalCode, oldToNewCode } from './catalog-codes.ts';
import { catalogErrors } from './catalog.errors.ts';
import { createCatalogSearch, type CatalogSearch } from './catalog-search.ts';
import * as repo from './catalog.repository.ts';
import { entryRow } from './catalog.seed.ts';

type EntryRow = CatalogEntriesTable;

export const toDomain = (r: EntryRow): DomainEntry => ({
  kind: r.kind,
  code: r.code,
  name: r.name,
  majorCode: r.major_code,
  majorName: r.major_name,
  oldCode: r.old_code,
  pinyinInitials: r.initials,
  pinyin: r.pinyin,
  source: toBool(r.local) ? 'local' : 'national',
});

const view = (r: EntryRow): CatalogEntry => ({ ...toDomain(r), active: toBool(r.active), updatedAt: r.updated_at });

/** Names compare without width, case or spacing differences: 占道经营 and ＂占道 经营＂ are the same entry. */
const sameName = (a: string, b: string): boolean =>
  a.normalize('NFKC').replace(/\s+/g, '').toLowerCase() === b.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** What a tenant's catalog looks like in memory: rows by kind+code and the pinyin-aware search over them. */
export interface TenantCatalog {
  rows: readonly EntryRow[];
  entries: readonly DomainEntry[];
  byKey: ReadonlyMap<string, EntryRow>;
  search: CatalogSearch;
}
const key = (kind: string, code: string) => `${kind}:${code}`;

/** GB/T 47678.5 catalog per tenant: listing, pinyin search, major classes, old-code mapping and local extensions. */
export function createCatalogService(database: Database, clock: Clock, audit: AuditService) {
  const { db } = database;
  const cache = new Map<string, { fingerprint: string; catalog: TenantCatalog }>();

  /** The tenant's catalog, rebuilt only when its rows changed (here or in another process). */
  async function catalogOf(tenantId: string): Promise<TenantCatalog> {
    const fingerprint = await repo.entriesFingerprint(db, tenantId);
    const hit = cache.get(tenantId);
    if (hit && hit.fingerprint === fingerprint) return hit.catalog;
    const rows = await repo.allEntries(db, tenantId);
    const entries = rows.map(toDomain);
    const catalog: TenantCatalog = {
      rows,
      entries,
      byKey: new Map(rows.map((r) => [key(r.kind, r.code), r])),
      search: createCatalogSearch(entries),
    };
    cache.set(tenantId, { fingerprint, catalog });
    return catalog;
  }

  /** One entry by code; `kind` is needed only when a component and its anomaly matter share the code. */
  async function findOne(actor: Actor, code: string, kind?: repo.CatalogKind): Promise<EntryRow> {
    const rows = await repo.findEntries(db, actor.tenantId, code, kind);
    if (rows.length > 1) {
      throw catalogErrors.ambiguousCode(code);
    }
    const [row] = rows;
    if (!row) throw notFound('catalog_entry');
    return row;
  }

  async function checkUniqueName(
    tenantId: string,
    kind: repo.CatalogKind,
    majorCode: string,
    name: string,
    field: string,
    exceptId?: string,
  ) {
    const taken = (await repo.namesInMajor(db, tenantId, kind, majorCode)).some(
      (r) => r.id !== exceptId && sameName(r.name, name),
    );
    if (taken) throw catalogErrors.duplicateName(field, name);
  }

  return {
    catalogOf,

    /** Drops the cached search of a tenant after a change made in this process. */
    invalidate(tenantId: string) {
      cache.delete(tenantId);
    },

    async list(actor: Actor, query: CatalogEntryQuery): Promise<Page<CatalogEntry>> {
      requirePermission(actor, 'org.read');
      const w = listWindow(query, { code: 'code', name: 'name', updatedAt: 'updated_at' }, 'code');
      const term = query.q?.trim();
      if (!term) {
        const { rows, total } = await repo.listEntries(db, actor.tenantId, query, w);
        return { items: rows.map(view), total, page: w.page, pageSize: w.limit };
      }
      // With a term the order is the search's rank (code, old code, name, pinyin initials …), not `sort`.
      const catalog = await catalogOf(actor.tenantId);
      const hits = catalog.search
        .search(term, { kind: query.kind, majorCode: query.majorCode, limit: catalog.entries.length })
        .map((h) => catalog.byKey.get(key(h.entry.kind, h.entry.code)))
        .filter((r): r is EntryRow => r !== undefined)
        .filter(
          (r) =>
            (query.local === undefined || toBool(r.local) === query.local) &&
            (query.active === undefined || toBool(r.active) === query.active),
        );
      return {
        items: hits.slice(w.offset, w.offset + w.limit).map(view),
        total: hits.length,
        page: w.page,
        pageSize: w.limit,
      };
    },

    async majors(actor: Actor): Promise<MajorClass[]> {
      requirePermission(actor, 'org.read');
      const counts = await repo.majorCounts(db, actor.tenantId);
      // Sorted: '10' is an integer-like key, so object order would put it first.
      return Object.entries(MATTER_MAJOR_CLASSES)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([majorCode, matterName]) => {
          const of = (kind: string) =>
            counts.filter((c) => c.major_code === majorCode && c.kind === kind).reduce((n, c) => n + Number(c.n), 0);
          const local = counts
            .filter((c) => c.major_code === majorCode && toBool(c.local))
            .reduce((n, c) => n + Number(c.n), 0);
          const componentName = Object.hasOwn(COMPONENT_MAJOR_CLASSES, majorCode)
            ? COMPONENT_MAJOR_CLASSES[majorCode as keyof typeof COMPONENT_MAJOR_CLASSES]
            : null;
          return { majorCode, componentName, matterName, components: of('component'), matters: of('matter'), local };
        });
    },

    /** Old GB/T 30428.2 4-digit code → the tenant's entry (docs/standards.md, "Old to new codes"). */
    async mapOldCode(actor: Actor, query: OldCodeQuery): Promise<OldCodeMapping> {
      requirePermission(actor, 'org.read');
      const kind = query.kind ?? 'matter';
      const code = oldToNewCode(kind, query.code);
      const row = code ? (await catalogOf(actor.tenantId)).byKey.get(key(kind, code)) : undefined;
      if (!row) throw catalogErrors.oldCodeUnmapped(query.code, kind);
      return { kind, oldCode: query.code, code: row.code, name: row.name, active: toBool(row.active) };
    },

    /**
     * A local extension: the next free code counting down from 99 in the major class (docs/standards.md, "Old to new codes"). A local
     * component in 01–05 brings its「××异常」matter with the same code, as the national catalog pairs them.
     */
    async create(actor: Actor, input: CatalogEntryCreate): Promise<CatalogEntry> {
      requirePermission(actor, 'settings.manage');
      const name = input.name.trim();
      if (input.kind === 'component' && !Object.hasOwn(COMPONENT_MAJOR_CLASSES, input.majorCode)) {
        throw catalogErrors.componentMajor();
      }
      if (input.kind === 'matter' && Object.hasOwn(COMPONENT_MAJOR_CLASSES, input.majorCode)) {
        throw catalogErrors.anomalyNeedsComponent();
      }
      await checkUniqueName(actor.tenantId, input.kind, input.majorCode, name, 'body.name');
      if (input.kind === 'component')
        await checkUniqueName(actor.tenantId, 'matter', input.majorCode, `${name}异常`, 'body.name');
      let code: string;
      try {
        code = nextLocalCode(input.majorCode, await repo.codesInMajor(db, actor.tenantId, input.majorCode));
      } catch (err) {
        if (err instanceof LocalRangeFull)
          throw catalogErrors.localRangeFull(err.majorCode, err.range.low, err.range.high);
        throw err;
      }
      const now = clock.now().toISOString();
      const rows = [entryRow(actor.tenantId, makeCatalogEntry({ kind: input.kind, code, name, source: 'local' }), now)];
      if (input.kind === 'component')
        rows.push(
          entryRow(
            actor.tenantId,
            makeCatalogEntry({ kind: 'matter', code, name: `${name}异常`, source: 'local' }),
            now,
          ),
        );
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertEntries(tx, rows);
          for (const row of rows)
            await audit.record(tx, actor, actor.tenantId, {
              action: 'catalog.entry.create',
              entity: 'catalog_entry',
              entityId: row.id,
              after: row,
            });
        });
      } catch (err) {
        // Another admin took the same code a moment earlier: ask to retry rather than guess.
        if (isUniqueViolation(err)) throw catalogErrors.codeTaken(code);
        throw err;
      }
      cache.delete(actor.tenantId);
      return view(rows[0] as EntryRow);
    },

    /** National entries may only be (de)activated; local ones may also be renamed (a local component's anomaly follows). */
    async update(
      actor: Actor,
      code: string,
      kind: repo.CatalogKind | undefined,
      patch: CatalogEntryUpdate,
    ): Promise<CatalogEntry> {
      requirePermission(actor, 'settings.manage');
      const before = await findOne(actor, code, kind);
      const name = patch.name?.trim();
      const renamed = name !== undefined && name !== before.name;
      if (renamed && !toBool(before.local)) {
        throw catalogErrors.nationalReadonly();
      }
      const now = clock.now().toISOString();
      const changes: Array<{ before: EntryRow; after: EntryRow }> = [];
      const change = (row: EntryRow, patchRow: Partial<EntryRow>) =>
        changes.push({ before: row, after: { ...row, ...patchRow, updated_at: now } });
      if (renamed && name !== undefined) {
        await checkUniqueName(actor.tenantId, before.kind, before.major_code, name, 'body.name', before.id);
        const keys = makeCatalogEntry({ kind: before.kind, code, name, source: 'local' });
        change(before, {
          name,
          pinyin: keys.pinyin,
          initials: keys.pinyinInitials,
          ...(patch.active === undefined ? {} : { active: patch.active ? 1 : 0 }),
        });
        const [anomaly] = before.kind === 'component' ? await repo.findEntries(db, actor.tenantId, code, 'matter') : [];
        if (anomaly && anomaly.name === `${before.name}异常`) {
          await checkUniqueName(actor.tenantId, 'matter', before.major_code, `${name}异常`, 'body.name', anomaly.id);
          const anomalyKeys = makeCatalogEntry({ kind: 'matter', code, name: `${name}异常`, source: 'local' });
          change(anomaly, { name: anomalyKeys.name, pinyin: anomalyKeys.pinyin, initials: anomalyKeys.pinyinInitials });
        }
      } else if (patch.active !== undefined && (patch.active ? 1 : 0) !== before.active) {
        change(before, { active: patch.active ? 1 : 0 });
      }
      if (changes.length === 0) return view(before);
      await db.transaction().execute(async (tx) => {
        for (const c of changes) {
          await repo.updateEntry(tx, actor.tenantId, c.before.id, {
            name: c.after.name,
            pinyin: c.after.pinyin,
            initials: c.after.initials,
            active: c.after.active,
            updated_at: now,
          });
          await audit.record(tx, actor, actor.tenantId, {
            action: 'catalog.entry.update',
            entity: 'catalog_entry',
            entityId: c.before.id,
            before: c.before,
            after: c.after,
          });
        }
      });
      cache.delete(actor.tenantId);
      return view((changes[0] as { after: EntryRow }).after);
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
