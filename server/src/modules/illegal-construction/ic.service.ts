import type {
  IcDemolition,
  IcDemolitionCreate,
  IcDemolitionQuery,
  IcLetter,
  IcLetterCreate,
  IcLetterQuery,
  IcLetterReply,
  IcMapQuery,
  IcReport,
  IcReportCreate,
  IcReportQuery,
  IcReportUpdate,
  IcStatCounts,
  IcStats,
  IcStatsQuery,
  IcStopNotice,
  IcStopNoticeCreate,
  IcStopNoticeQuery,
} from '../../../../common/contracts/illegal-construction.ts';
import {
  IC_DEMOLITION_SORTS,
  IC_LETTER_SORTS,
  IC_NOTICE_SORTS,
  IC_REPORT_SORTS,
} from '../../../../common/contracts/illegal-construction.ts';
import {
  canMoveIcStatus,
  fromHundredths,
  toHundredths,
  type IcStatus,
} from '../../../../common/domain/illegal-construction.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { IcDemolitionsTable, IcLettersTable, IcReportsTable, IcStopNoticesTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { orgGeography, orgNames } from '../org/index.ts';
import { icErrors } from './ic.errors.ts';
import * as repo from './ic.repository.ts';

const READ = 'construction.read';
const MANAGE = 'construction.manage';
/** The map draws at most this many sites (newest first); the list pages through the rest. */
export const MAX_MAP_SITES = 5000;

const sorts = <S extends string, C extends string>(names: readonly S[], columns: Record<S, C>) =>
  Object.fromEntries(names.map((n) => [n, columns[n]])) as Record<S, C>;
const REPORT_SORTS = sorts(IC_REPORT_SORTS, {
  reportedOn: 'reported_on',
  status: 'status',
  area: 'area_hm2',
  updatedAt: 'updated_at',
});
const NOTICE_SORTS = sorts(IC_NOTICE_SORTS, { issuedOn: 'issued_on', noticeNo: 'notice_no' });
const LETTER_SORTS = sorts(IC_LETTER_SORTS, { issuedOn: 'issued_on', deadline: 'deadline', letterNo: 'letter_no' });
const DEMOLITION_SORTS = sorts(IC_DEMOLITION_SORTS, {
  demolishedOn: 'demolished_on',
  area: 'area_hm2',
  people: 'people',
});

/** The business date of an instant (YYYY-MM-DD in the city's time zone). */
export const businessDate = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

const reportView = (r: IcReportsTable, regions: Map<string, string>, units: Map<string, string>): IcReport => ({
  id: r.id,
  source: r.source,
  status: r.status,
  regionId: r.region_id,
  regionName: regions.get(r.region_id) ?? null,
  unitId: r.unit_id,
  unitName: r.unit_id ? (units.get(r.unit_id) ?? null) : null,
  address: r.address,
  lng: Number(r.lng),
  lat: Number(r.lat),
  description: r.description,
  partyName: r.party_name,
  areaM2: r.area_hm2 === null ? null : fromHundredths(Number(r.area_hm2)),
  reportedOn: r.reported_on,
  statusOn: r.status_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const zero = (): IcStatCounts => ({
  reports: 0,
  instructions: 0,
  stopNotices: 0,
  letters: 0,
  demolitions: 0,
  bureauDemolitions: 0,
  assistDemolitions: 0,
  areaM2: 0,
  bureauAreaM2: 0,
  assistAreaM2: 0,
});

/**
 * 查违控违 (docs/illegal-construction.md): reports and their sites, 停工通知书, 交办函/督办函, demolition actions,
 * statistics and the map layer. Reads need construction.read, writes construction.manage, both within the caller's
 * township/squad scope; every write is audited in its own transaction.
 */
export function createIllegalConstructionService(
  database: Database,
  clock: Clock,
  audit: AuditService,
  timeZone: string,
) {
  const { db } = database;
  const today = () => businessDate(clock.now(), timeZone);

  async function names(tenantId: string, regionIds: readonly (string | null)[], unitIds: readonly (string | null)[]) {
    const ids = (xs: readonly (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
    const [regions, units] = await Promise.all([
      orgNames.regionNames(db, ids(regionIds)),
      unitIds.some(Boolean) ? orgNames.activeUnitNames(db, tenantId) : Promise.resolve(new Map<string, string>()),
    ]);
    return { regions, units };
  }

  /** A township is a top-level region (街道 or 乡镇) of the tenant; returns its path for the scope check. */
  async function township(ex: Executor, tenantId: string, id: string, field = 'body.regionId') {
    const region = await orgGeography.regionById(ex, tenantId, id);
    if (!region || region.kind === 'community') throw icErrors.unknownRegion(field);
    return region;
  }

  async function checkUnit(ex: Executor, tenantId: string, unitId: string | null | undefined) {
    if (unitId && !(await orgNames.activeUnitNames(ex, tenantId)).has(unitId)) throw icErrors.unknownUnit();
  }

  function notFuture(date: string, field: string) {
    if (date > today()) throw icErrors.futureDate(field);
  }

  /** A report the caller may act on; another township's is the same 404 as a missing one. */
  async function reportInScope(ex: Executor, actor: Actor, id: string, permission: typeof READ | typeof MANAGE) {
    const row = await repo.findReport(ex, actor.tenantId, id);
    if (!row || !reaches(actor, permission, row)) return null;
    return row;
  }

  async function getReport(actor: Actor, id: string): Promise<IcReport> {
    requirePermission(actor, READ);
    const row = await reportInScope(db, actor, id, READ);
    if (!row) throw notFound('ic_report');
    const n = await names(actor.tenantId, [row.region_id], [row.unit_id]);
    return reportView(row, n.regions, n.units);
  }

  function noticeView(
    r: IcStopNoticesTable & { report_address: string; region_id: string },
    regions: Map<string, string>,
  ) {
    return {
      id: r.id,
      reportId: r.report_id,
      reportAddress: r.report_address,
      regionName: regions.get(r.region_id) ?? null,
      noticeNo: r.notice_no,
      issuedOn: r.issued_on,
      enforcementCaseId: r.enforcement_case_id,
      note: r.note,
      createdAt: r.created_at,
    } satisfies IcStopNotice;
  }

  function letterView(r: IcLettersTable, regions: Map<string, string>, now: string): IcLetter {
    return {
      id: r.id,
      kind: r.kind,
      letterNo: r.letter_no,
      regionId: r.region_id,
      regionName: regions.get(r.region_id) ?? null,
      reportId: r.report_id,
      subject: r.subject,
      issuedOn: r.issued_on,
      deadline: r.deadline,
      repliedOn: r.replied_on,
      reply: r.reply,
      overdue: r.replied_on === null && r.deadline < now,
      createdAt: r.created_at,
    };
  }

  function demolitionView(r: IcDemolitionsTable, regions: Map<string, string>): IcDemolition {
    return {
      id: r.id,
      reportId: r.report_id,
      demolishedOn: r.demolished_on,
      regionId: r.region_id,
      regionName: regions.get(r.region_id) ?? null,
      address: r.address,
      lng: Number(r.lng),
      lat: Number(r.lat),
      areaM2: fromHundredths(Number(r.area_hm2)),
      structure: r.structure,
      lead: r.led_by,
      units: r.units,
      people: Number(r.people),
      note: r.note,
      createdAt: r.created_at,
    };
  }

  /** Moves a site's status inside the caller's transaction, refusing what the status rule does not allow. */
  async function moveSite(tx: Executor, actor: Actor, site: IcReportsTable, to: IcStatus, on: string) {
    if (site.status === to) return;
    if (!canMoveIcStatus(site.status, to)) throw icErrors.statusNotAllowed(site.status, to);
    await repo.updateReport(tx, actor.tenantId, site.id, {
      status: to,
      status_on: on,
      updated_at: clock.now().toISOString(),
    });
    await audit.record(tx, actor, actor.tenantId, {
      action: 'ic_report.status',
      entity: 'ic_report',
      entityId: site.id,
      before: { status: site.status },
      after: { status: to, on },
    });
  }

  const uniqueOr = async <T>(field: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (isUniqueViolation(err)) throw icErrors.duplicateNumber(field);
      throw err;
    }
  };

  return {
    getReport,

    async listReports(actor: Actor, q: IcReportQuery): Promise<Page<IcReport>> {
      requirePermission(actor, READ);
      const w = listWindow(q, REPORT_SORTS, 'reportedOn');
      const { rows, total } = await repo.listReports(db, actor.tenantId, q, registerScope(actor, READ, 'r', true), {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const n = await names(
        actor.tenantId,
        rows.map((r) => r.region_id),
        rows.map((r) => r.unit_id),
      );
      return { items: rows.map((r) => reportView(r, n.regions, n.units)), total, page: w.page, pageSize: w.limit };
    },

    async createReport(actor: Actor, input: IcReportCreate): Promise<IcReport> {
      requirePermission(actor, MANAGE);
      notFuture(input.reportedOn, 'body.reportedOn');
      const region = await township(db, actor.tenantId, input.regionId);
      await checkUnit(db, actor.tenantId, input.unitId);
      requirePermission(actor, MANAGE, { unitId: input.unitId ?? null, regionPath: region.path });
      const now = clock.now().toISOString();
      const row: IcReportsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        source: input.source,
        status: 'reported',
        region_id: region.id,
        unit_id: input.unitId ?? null,
        address: input.address.trim(),
        lng: input.lng,
        lat: input.lat,
        description: input.description.trim(),
        party_name: input.partyName?.trim() || null,
        area_hm2: input.areaM2 == null ? null : toHundredths(input.areaM2),
        reported_on: input.reportedOn,
        status_on: input.reportedOn,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertReport(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ic_report.create',
          entity: 'ic_report',
          entityId: row.id,
          after: row,
        });
      });
      return getReport(actor, row.id);
    },

    async updateReport(actor: Actor, id: string, patch: IcReportUpdate): Promise<IcReport> {
      requirePermission(actor, MANAGE);
      await checkUnit(db, actor.tenantId, patch.unitId);
      await db.transaction().execute(async (tx) => {
        const before = await reportInScope(tx, actor, id, MANAGE);
        if (!before) throw notFound('ic_report');
        if (patch.statusOn) {
          notFuture(patch.statusOn, 'body.statusOn');
          if (patch.statusOn < before.reported_on) throw icErrors.dateOrder('body.statusOn', before.reported_on);
        }
        const changes: Partial<IcReportsTable> = {
          ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
          ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
          ...(patch.lng !== undefined ? { lng: patch.lng } : {}),
          ...(patch.lat !== undefined ? { lat: patch.lat } : {}),
          ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
          ...(patch.partyName !== undefined ? { party_name: patch.partyName?.trim() || null } : {}),
          ...(patch.areaM2 !== undefined
            ? { area_hm2: patch.areaM2 === null ? null : toHundredths(patch.areaM2) }
            : {}),
          updated_at: clock.now().toISOString(),
        };
        await repo.updateReport(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ic_report.update',
          entity: 'ic_report',
          entityId: id,
          before,
          after: { ...before, ...changes },
        });
        if (patch.status && patch.status !== before.status)
          await moveSite(tx, actor, { ...before, ...changes }, patch.status, patch.statusOn ?? today());
      });
      return getReport(actor, id);
    },

    async listNotices(actor: Actor, q: IcStopNoticeQuery): Promise<Page<IcStopNotice>> {
      requirePermission(actor, READ);
      const w = listWindow(q, NOTICE_SORTS, 'issuedOn');
      const { rows, total } = await repo.listNotices(db, actor.tenantId, q, registerScope(actor, READ, 'r', true), {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const n = await names(
        actor.tenantId,
        rows.map((r) => r.region_id),
        [],
      );
      return { items: rows.map((r) => noticeView(r, n.regions)), total, page: w.page, pageSize: w.limit };
    },

    /** Records a 停工通知书 and stops the site (reported → stopped) in one transaction. */
    async createNotice(actor: Actor, input: IcStopNoticeCreate): Promise<IcStopNotice> {
      requirePermission(actor, MANAGE);
      notFuture(input.issuedOn, 'body.issuedOn');
      const id = newId();
      await uniqueOr('body.noticeNo', () =>
        db.transaction().execute(async (tx) => {
          const site = await reportInScope(tx, actor, input.reportId, MANAGE);
          if (!site) throw icErrors.unknownReport();
          if (site.status === 'demolished' || site.status === 'legalised') throw icErrors.siteClosed(site.status);
          if (input.issuedOn < site.reported_on) throw icErrors.dateOrder('body.issuedOn', site.reported_on);
          const row: IcStopNoticesTable = {
            id,
            tenant_id: actor.tenantId,
            report_id: site.id,
            notice_no: input.noticeNo.trim(),
            issued_on: input.issuedOn,
            enforcement_case_id: input.enforcementCaseId ?? null,
            note: input.note?.trim() || null,
            created_by: actor.userId,
            created_at: clock.now().toISOString(),
          };
          await repo.insertNotice(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'ic_notice.create',
            entity: 'ic_stop_notice',
            entityId: id,
            after: row,
          });
          await moveSite(tx, actor, site, 'stopped', input.issuedOn);
        }),
      );
      const row = await repo.findNotice(db, actor.tenantId, id);
      if (!row) throw notFound('ic_stop_notice');
      return noticeView(row, (await names(actor.tenantId, [row.region_id], [])).regions);
    },

    async listLetters(actor: Actor, q: IcLetterQuery): Promise<Page<IcLetter>> {
      requirePermission(actor, READ);
      const w = listWindow(q, LETTER_SORTS, 'issuedOn');
      const { rows, total } = await repo.listLetters(db, actor.tenantId, q, registerScope(actor, READ, 'l', false), {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const n = await names(
        actor.tenantId,
        rows.map((r) => r.region_id),
        [],
      );
      const now = today();
      return { items: rows.map((r) => letterView(r, n.regions, now)), total, page: w.page, pageSize: w.limit };
    },

    async getLetter(actor: Actor, id: string): Promise<IcLetter> {
      requirePermission(actor, READ);
      const row = await repo.findLetter(db, actor.tenantId, id);
      if (!row || !reaches(actor, READ, row)) throw notFound('ic_letter');
      return letterView(row, (await names(actor.tenantId, [row.region_id], [])).regions, today());
    },

    async createLetter(actor: Actor, input: IcLetterCreate): Promise<IcLetter> {
      requirePermission(actor, MANAGE);
      notFuture(input.issuedOn, 'body.issuedOn');
      if (input.deadline < input.issuedOn) throw icErrors.dateOrder('body.deadline', input.issuedOn);
      const region = await township(db, actor.tenantId, input.regionId);
      requirePermission(actor, MANAGE, { regionPath: region.path });
      const now = clock.now().toISOString();
      const row: IcLettersTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        kind: input.kind,
        letter_no: input.letterNo.trim(),
        region_id: region.id,
        report_id: input.reportId ?? null,
        subject: input.subject.trim(),
        issued_on: input.issuedOn,
        deadline: input.deadline,
        replied_on: null,
        reply: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await uniqueOr('body.letterNo', () =>
        db.transaction().execute(async (tx) => {
          if (row.report_id && !(await reportInScope(tx, actor, row.report_id, MANAGE))) throw icErrors.unknownReport();
          await repo.insertLetter(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'ic_letter.create',
            entity: 'ic_letter',
            entityId: row.id,
            after: row,
          });
        }),
      );
      return letterView(row, new Map([[region.id, region.name]]), today());
    },

    /** The township's reply, once; its date is on or after the letter's. */
    async replyLetter(actor: Actor, id: string, input: IcLetterReply): Promise<IcLetter> {
      requirePermission(actor, MANAGE);
      notFuture(input.repliedOn, 'body.repliedOn');
      await db.transaction().execute(async (tx) => {
        const before = await repo.findLetter(tx, actor.tenantId, id);
        if (!before || !reaches(actor, MANAGE, before)) throw notFound('ic_letter');
        if (before.replied_on !== null) throw icErrors.alreadyReplied();
        if (input.repliedOn < before.issued_on) throw icErrors.dateOrder('body.repliedOn', before.issued_on);
        const changes = {
          replied_on: input.repliedOn,
          reply: input.reply.trim(),
          updated_at: clock.now().toISOString(),
        };
        await repo.updateLetter(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ic_letter.reply',
          entity: 'ic_letter',
          entityId: id,
          before: { replied_on: null },
          after: changes,
        });
      });
      const row = await repo.findLetter(db, actor.tenantId, id);
      if (!row) throw notFound('ic_letter');
      return letterView(row, (await names(actor.tenantId, [row.region_id], [])).regions, today());
    },

    async listDemolitions(actor: Actor, q: IcDemolitionQuery): Promise<Page<IcDemolition>> {
      requirePermission(actor, READ);
      const w = listWindow(q, DEMOLITION_SORTS, 'demolishedOn');
      const { rows, total } = await repo.listDemolitions(
        db,
        actor.tenantId,
        q,
        registerScope(actor, READ, 'd', false),
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      const n = await names(
        actor.tenantId,
        rows.map((r) => r.region_id),
        [],
      );
      return { items: rows.map((r) => demolitionView(r, n.regions)), total, page: w.page, pageSize: w.limit };
    },

    async getDemolition(actor: Actor, id: string): Promise<IcDemolition> {
      requirePermission(actor, READ);
      const row = await repo.findDemolition(db, actor.tenantId, id);
      if (!row || !reaches(actor, READ, row)) throw notFound('ic_demolition');
      return demolitionView(row, (await names(actor.tenantId, [row.region_id], [])).regions);
    },

    /** Records a demolition; on a reported or stopped site it also marks the site demolished. */
    async createDemolition(actor: Actor, input: IcDemolitionCreate): Promise<IcDemolition> {
      requirePermission(actor, MANAGE);
      notFuture(input.demolishedOn, 'body.demolishedOn');
      const region = await township(db, actor.tenantId, input.regionId);
      requirePermission(actor, MANAGE, { regionPath: region.path });
      const row: IcDemolitionsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        report_id: input.reportId ?? null,
        demolished_on: input.demolishedOn,
        region_id: region.id,
        address: input.address.trim(),
        lng: input.lng,
        lat: input.lat,
        area_hm2: toHundredths(input.areaM2),
        structure: input.structure,
        led_by: input.lead,
        units: input.units.trim(),
        people: input.people,
        note: input.note?.trim() || null,
        created_by: actor.userId,
        created_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        if (row.report_id) {
          const site = await reportInScope(tx, actor, row.report_id, MANAGE);
          if (!site) throw icErrors.unknownReport();
          if (site.status === 'demolished' || site.status === 'legalised') throw icErrors.siteClosed(site.status);
          if (input.demolishedOn < site.reported_on) throw icErrors.dateOrder('body.demolishedOn', site.reported_on);
          await moveSite(tx, actor, site, 'demolished', input.demolishedOn);
        }
        await repo.insertDemolitions(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ic_demolition.create',
          entity: 'ic_demolition',
          entityId: row.id,
          after: row,
        });
      });
      return demolitionView(row, new Map([[region.id, region.name]]));
    },

    /** Figures of a calendar year for the whole city (the report section uses `yearFigures` without an actor). */
    async stats(actor: Actor, q: IcStatsQuery): Promise<IcStats> {
      requirePermission(actor, READ);
      return figures(actor.tenantId, `${q.year}-01-01`, `${q.year}-12-31`, q.year);
    },

    figures,

    /** Sites by status as GeoJSON points for the map (WGS84), capped at MAX_MAP_SITES. */
    async map(actor: Actor, q: IcMapQuery) {
      requirePermission(actor, READ);
      const rows = await repo.sites(db, actor.tenantId, q, registerScope(actor, READ, 'r', true), MAX_MAP_SITES);
      const regions = await orgNames.regionNames(db, [...new Set(rows.map((r) => r.region_id))]);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point', coordinates: [Number(r.lng), Number(r.lat)] },
          properties: {
            id: r.id,
            status: r.status,
            source: r.source,
            address: r.address,
            regionName: regions.get(r.region_id) ?? null,
            reportedOn: r.reported_on,
            areaM2: r.area_hm2 === null ? null : fromHundredths(Number(r.area_hm2)),
          },
        })),
      };
    },
  };

  /** Counts and sums between two dates (inclusive), by township and by month; every township appears. */
  async function figures(tenantId: string, from: string, to: string, year: number): Promise<IcStats> {
    const [reports, notices, letters, demolitions, townships] = await Promise.all([
      repo.reportCounts(db, tenantId, from, to),
      repo.noticeCounts(db, tenantId, from, to),
      repo.letterCounts(db, tenantId, from, to),
      repo.demolitionSums(db, tenantId, from, to),
      orgNames.regionNamesOfKinds(db, tenantId, ['street', 'town']),
    ]);
    const totals = zero();
    const byRegion = new Map<string, IcStatCounts>([...townships.keys()].map((id) => [id, zero()]));
    const byMonth = new Map<number, IcStatCounts>(Array.from({ length: 12 }, (_, i) => [i + 1, zero()]));
    const add = (regionId: string, month: string, f: (c: IcStatCounts) => void) => {
      f(totals);
      if (!byRegion.has(regionId)) byRegion.set(regionId, zero());
      f(byRegion.get(regionId)!);
      const m = Number(month.slice(5, 7));
      if (m >= 1 && m <= 12 && month.startsWith(String(year))) f(byMonth.get(m)!);
    };
    for (const r of reports)
      add(r.region_id, r.month, (c) => {
        c.reports += Number(r.n);
        c.instructions += Number(r.instructions ?? 0);
      });
    for (const r of notices) add(r.region_id, r.month, (c) => (c.stopNotices += Number(r.n)));
    for (const r of letters) add(r.region_id, r.month, (c) => (c.letters += Number(r.n)));
    for (const r of demolitions)
      add(r.region_id, r.month, (c) => {
        c.demolitions += Number(r.n);
        // sums of hundredths stay integers until here, so the m² figures are exact
        const plus = (m2: number) => fromHundredths(toHundredths(m2) + Number(r.area ?? 0));
        if (r.led_by === 'bureau') {
          c.bureauDemolitions += Number(r.n);
          c.bureauAreaM2 = plus(c.bureauAreaM2);
        } else {
          c.assistDemolitions += Number(r.n);
          c.assistAreaM2 = plus(c.assistAreaM2);
        }
        c.areaM2 = plus(c.areaM2);
      });
    const extra = [...byRegion.keys()].filter((id) => !townships.has(id));
    const extraNames = await orgNames.regionNames(db, extra);
    return {
      year,
      totals,
      byRegion: [...byRegion.entries()].map(([regionId, c]) => ({
        regionId,
        regionName: townships.get(regionId) ?? extraNames.get(regionId) ?? regionId,
        ...c,
      })),
      byMonth: [...byMonth.entries()].map(([month, c]) => ({ month, ...c })),
    };
  }
}
export type IllegalConstructionService = ReturnType<typeof createIllegalConstructionService>;
