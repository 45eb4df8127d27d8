/**
 * The register effect of 建筑垃圾处置核准: a grant puts the permit in the 渣土 line's register (an asset of type
 * 建筑垃圾处置核准 at the construction site) through the assets module, whose writer is taken before the decision's
 * transaction and writes inside it (docs/approvals.md, "Register effects"; docs/assets.md, "Entries from 行政审批").
 */
import { MUCK_PERMIT_TYPE } from '../../../../common/domain/assets.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../auth/index.ts';
import type { AssetRegistrar } from '../assets/index.ts';
import type { ApprovalEffect, DetailIssue, DetailValue } from './approvals-effects.ts';

type Details = Readonly<Record<string, DetailValue>>;
const num = (v: DetailValue | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: DetailValue | undefined) => (typeof v === 'string' ? v.trim() : '');

/** What the 渣土 register asks of a permit: the disposal site, the volume and where the construction site is. */
function checkMuck(details: Details, validTo?: string | null): DetailIssue[] {
  const issues: DetailIssue[] = [];
  const site = text(details.disposalSite);
  if (!site || site.length > 100)
    issues.push({
      field: 'body.details.disposalSite',
      message: 'the 消纳场所 the waste goes to, up to 100 characters',
    });
  const volume = num(details.volumeM3);
  if (volume === null || volume <= 0 || volume > 10_000_000)
    issues.push({ field: 'body.details.volumeM3', message: 'the permitted volume in m³, above 0' });
  const lng = num(details.lng);
  const lat = num(details.lat);
  if (lng === null || Math.abs(lng) > 180) issues.push({ field: 'body.details.lng', message: 'a longitude (WGS84)' });
  if (lat === null || Math.abs(lat) > 90) issues.push({ field: 'body.details.lat', message: 'a latitude (WGS84)' });
  // a 处置核准 is issued for the duration of the works: the register keeps its last day
  if (validTo === null) issues.push({ field: 'body.validTo', message: 'a disposal permit needs its last day' });
  return issues;
}

const ATTRIBUTE_FIELD: Record<string, string> = {
  disposalSite: 'body.details.disposalSite',
  volumeM3: 'body.details.volumeM3',
  holder: 'body.applicantName',
  validTo: 'body.validTo',
};

/** The register's refusal with its fields named as the application's. */
function asApplicationError(err: unknown): unknown {
  if (!(err instanceof AppError) || !Array.isArray(err.details)) return err;
  const details = (err.details as { field?: unknown }[]).map((d) => {
    if (typeof d.field !== 'string') return d;
    if (d.field.startsWith('body.geometry')) return { ...d, field: 'body.details.lng' };
    const attr = /^body\.attributes\.(\w+)/.exec(d.field)?.[1];
    return attr ? { ...d, field: ATTRIBUTE_FIELD[attr] ?? d.field } : d;
  });
  return new AppError(err.code, err.status, details, err.message);
}

type Writer = Awaited<ReturnType<AssetRegistrar['entryWriter']>>;

export function muckPermitEffect(registrar: Pick<AssetRegistrar, 'entryWriter'>): ApprovalEffect<Writer> {
  return {
    check: checkMuck,
    prepare: (tenantId: string, actor: Actor) => registrar.entryWriter(tenantId, actor),
    async apply(tx, d, writer) {
      try {
        const entry = await writer.createEntry(tx, {
          type: MUCK_PERMIT_TYPE,
          // the application's number is unique in the tenant and keeps the entry findable from the window
          code: `ZT-${d.applicationNo}`,
          name: `${d.applicantName}·${d.address}`.slice(0, 100),
          address: d.address,
          geometry: { type: 'Point', coordinates: [Number(d.details.lng), Number(d.details.lat)] },
          attributes: {
            permitNo: d.permitNo,
            holder: d.applicantName,
            disposalSite: text(d.details.disposalSite),
            volumeM3: Number(d.details.volumeM3),
            validFrom: d.validFrom,
            validTo: d.validTo ?? d.validFrom,
            applicationNo: d.applicationNo,
          },
        });
        return { register: 'asset', id: entry.id };
      } catch (err) {
        throw asApplicationError(err);
      }
    },
  };
}
