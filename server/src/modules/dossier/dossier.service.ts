import { readFile } from 'node:fs/promises';
import type { CaseDetail } from '../../../../common/contracts/cases.ts';
import type { SupervisionOrder, SupervisionQuery } from '../../../../common/contracts/supervision.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Download } from '../../platform/http.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { caseRows, caseVisibility } from '../cases/index.ts';
import { gridReads } from '../geo/index.ts';
import { tenantColumns } from '../org/index.ts';
import { ringsOf, SNAPSHOT_HALF_DEG } from './dossier-map.ts';
import { finish, openPdf, writeDossier, type DossierData } from './dossier-pdf.ts';

export interface DossierDeps {
  cases: {
    get(actor: Actor, id: string): Promise<CaseDetail>;
  };
  supervision: { list(actor: Actor, q: SupervisionQuery): Promise<Page<SupervisionOrder>> };
  photos: {
    file(
      actor: Actor,
      id: string,
      variant: 'full' | 'thumb',
    ): Promise<{ open(): Promise<{ stream: NodeJS.ReadableStream }> }>;
  };
  fontPath: string;
  /** false writes plain content streams (tests read the text back) */
  compress?: boolean;
}

const MAP_GRIDS = 80;

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks);
}

/** Printable 案卷: one case, or one case at a time for a month batch, each under the case visibility rule. */
export function createDossierService(database: Database, deps: DossierDeps) {
  const { db } = database;
  const fonts = new Map<string, Promise<Buffer>>();

  async function font(): Promise<Buffer> {
    let f = fonts.get(deps.fontPath);
    if (!f) fonts.set(deps.fontPath, (f = readFile(deps.fontPath)));
    try {
      return await f;
    } catch {
      fonts.delete(deps.fontPath);
      throw new AppError('DOSSIER_PDF_FONT_MISSING', 503, {
        message: `the CJK font for PDF documents is not readable: set CJK_FONT_PATH (now ${deps.fontPath})`,
      });
    }
  }

  async function gather(
    actor: Actor,
    caseId: string,
    tenant: { name: string; timezone: string },
  ): Promise<DossierData> {
    const detail = await deps.cases.get(actor, caseId);
    const box = [
      detail.lng - SNAPSHOT_HALF_DEG * 1.5,
      detail.lat - SNAPSHOT_HALF_DEG,
      detail.lng + SNAPSHOT_HALF_DEG * 1.5,
      detail.lat + SNAPSHOT_HALF_DEG,
    ] as const;
    const [grids, orders, photos] = await Promise.all([
      gridReads.gridsInBox(db, actor.tenantId, box, MAP_GRIDS),
      can(actor, 'supervision.read')
        ? deps.supervision.list(actor, { caseId, pageSize: 100, sort: 'issuedAt', order: 'asc' })
        : { items: [] as SupervisionOrder[] },
      Promise.all(
        detail.photos.map(async (p) => {
          const bytes = await deps.photos
            .file(actor, p.id, 'full')
            .then(async (f) => bytesOf((await f.open()).stream))
            .catch(() => null);
          return { phase: p.phase, createdAt: p.createdAt, bytes };
        }),
      ),
    ]);
    return {
      authority: tenant.name,
      timeZone: tenant.timezone,
      detail,
      photos,
      orders: orders.items,
      map: {
        point: { lng: detail.lng, lat: detail.lat },
        caseGrid: detail.gridCode,
        grids: grids.map((g) => ({ code: g.code, rings: ringsOf(g.geometry) })),
      },
    };
  }

  async function tenantOf(actor: Actor) {
    const t = await tenantColumns(db, actor.tenantId, ['name', 'timezone']);
    return { name: t?.name ?? '', timezone: t?.timezone ?? 'Asia/Shanghai' };
  }

  return {
    async casePdf(actor: Actor, caseId: string): Promise<Download> {
      requirePermission(actor, 'case.read');
      const tenant = await tenantOf(actor);
      const data = await gather(actor, caseId, tenant);
      const doc = await openPdf(await font(), deps.fontPath, `案卷 ${data.detail.caseNo}`, deps.compress);
      writeDossier(doc, data, true);
      return {
        filename: `案卷-${data.detail.caseNo}.pdf`,
        fallback: `dossier-${data.detail.caseNo}.pdf`,
        contentType: 'application/pdf',
        body: await finish(doc),
      };
    },

    /** One case's 案卷 for a month batch: its number and the PDF. */
    async printCase(actor: Actor, caseId: string): Promise<{ caseNo: string; pdf: Buffer }> {
      const tenant = await tenantOf(actor);
      const data = await gather(actor, caseId, tenant);
      const doc = await openPdf(await font(), deps.fontPath, `案卷 ${data.detail.caseNo}`, deps.compress);
      writeDossier(doc, data, true);
      return { caseNo: data.detail.caseNo, pdf: await finish(doc) };
    },

    /**
     * The closed cases of one month (closing date in the tenant's time zone) that the caller may see, oldest
     * closing first; `unitId` narrows to one handling unit.
     */
    async monthCaseIds(actor: Actor, month: string, unitId: string | null): Promise<string[]> {
      requirePermission(actor, 'case.read');
      const tenant = await tenantOf(actor);
      const [from, to] = monthBounds(month, tenant.timezone);
      const visibility = caseVisibility(actor);
      const rows = await caseRows(db)
        .select(['c.id'])
        .where('c.tenant_id', '=', actor.tenantId)
        .where('c.status', '=', 'closed')
        .where('c.closed_at', '>=', from)
        .where('c.closed_at', '<', to)
        .$if(visibility !== null, (q) => q.where(visibility!))
        .$if(unitId !== null, (q) => q.where('c.unit_id', '=', unitId!))
        .orderBy('c.closed_at')
        .orderBy('c.id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
export type DossierService = ReturnType<typeof createDossierService>;

function can(actor: Actor, p: 'supervision.read') {
  return actor.permissions.has(p);
}

/** The instant a calendar date begins in `timeZone` (the zone's offset read back from the formatter). */
function zonedMidnight(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const shown = Date.parse(`${zonedDateTime(new Date(guess), timeZone).replace(' ', 'T')}:00Z`);
  return new Date(guess - (shown - guess)).toISOString();
}

/** [first instant of the month, first instant of the next) in the tenant's zone; `month` is YYYY-MM. */
export function monthBounds(month: string, timeZone: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [zonedMidnight(`${month}-01`, timeZone), zonedMidnight(`${next}-01`, timeZone)];
}
