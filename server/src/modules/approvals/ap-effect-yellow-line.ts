/**
 * The register effect of 文明黄线: a grant issues the 黄线 zone and its permit through the yellow-line module, whose
 * issuer is taken before the decision's transaction (it reads the city's geography) and issues inside it
 * (docs/approvals.md, "Register effects"). The module's own checks apply: inside the city, no overlap with another
 * holder's line, sane dates; a refusal is its 4xx with the field moved to where the application keeps it.
 */
import { HOLDER_KINDS, type HolderKind } from '../../../../common/domain/yellow-line.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../auth/index.ts';
import type { YellowLineService } from '../yellow-line/index.ts';
import type { ApprovalEffect, DetailIssue, DetailValue } from './approvals-effects.ts';

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
type Details = Readonly<Record<string, DetailValue>>;

const text = (v: DetailValue | undefined) => (typeof v === 'string' ? v.trim() : '');

/** The goods as the window types them: one text, kinds separated by 、 or commas. */
export const goodsOf = (v: DetailValue | undefined) => [
  ...new Set(
    text(v)
      .split(/[、,，;；\s]+/)
      .map((g) => g.trim())
      .filter(Boolean),
  ),
];

function geometryIssues(g: DetailValue | undefined): DetailIssue[] {
  const field = 'body.details.geometry';
  if (!g || typeof g !== 'object') return [{ field, message: 'draw the line or area on the map' }];
  const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  const tooFew = g.type === 'LineString' ? lines.some((l) => l.length < 2) : lines.some((l) => l.length < 4);
  if (tooFew) return [{ field, message: 'a line needs two points, an area three' }];
  return [];
}

/** The stall's or shop's facts the 黄线 register needs: name, kind, goods, hours and the drawn geometry. */
function checkZone(details: Details, validTo?: string | null): DetailIssue[] {
  const issues: DetailIssue[] = [];
  if (!(HOLDER_KINDS as readonly unknown[]).includes(details.holderKind))
    issues.push({ field: 'body.details.holderKind', message: `must be one of: ${HOLDER_KINDS.join(', ')}` });
  const name = text(details.holderName);
  if (!name || name.length > 60)
    issues.push({ field: 'body.details.holderName', message: 'the shop’s or stall’s name, up to 60 characters' });
  const goods = goodsOf(details.goods);
  if (!goods.length || goods.length > 10 || goods.some((g) => g.length > 20))
    issues.push({ field: 'body.details.goods', message: '1 to 10 kinds of goods, each up to 20 characters' });
  for (const k of ['hoursFrom', 'hoursTo'] as const)
    if (!HHMM.test(text(details[k]))) issues.push({ field: `body.details.${k}`, message: 'a time of day, HH:MM' });
  if (HHMM.test(text(details.hoursFrom)) && text(details.hoursFrom) === text(details.hoursTo))
    issues.push({ field: 'body.details.hoursTo', message: 'the trading hours end when they start' });
  issues.push(...geometryIssues(details.geometry));
  // a 黄线 permit always has an end (three years at most): the register counts the permits in force by it
  if (validTo === null) issues.push({ field: 'body.validTo', message: 'a 黄线 permit needs its last day' });
  return issues;
}

/** Where the application keeps what the yellow-line module names by its own request fields. */
function movedField(field: string): string {
  if (field.startsWith('body.validFrom') || field.startsWith('body.validTo')) return 'body.validTo';
  const m = /^body\.(geometry|holderName|holderKind|goods|hoursFrom|hoursTo|address)(.*)$/.exec(field);
  if (!m) return field;
  return m[1] === 'address' ? 'body.address' : `body.details.${m[1]}${m[2] ?? ''}`;
}

/** The same refusal, its fields named as the application's (a 409 overlap stays a 409). */
function asApplicationError(err: unknown): unknown {
  if (!(err instanceof AppError) || !Array.isArray(err.details)) return err;
  const details = (err.details as { field?: unknown }[]).map((d) =>
    typeof d.field === 'string' ? { ...d, field: movedField(d.field) } : d,
  );
  return new AppError(err.code, err.status, details, err.message);
}

type Issuer = Awaited<ReturnType<YellowLineService['permitIssuer']>>;

export function yellowLineEffect(yl: Pick<YellowLineService, 'permitIssuer'>): ApprovalEffect<Issuer> {
  return {
    check: checkZone,
    prepare: (tenantId: string, actor: Actor) => yl.permitIssuer(tenantId, actor),
    async apply(tx, d, issuer) {
      const g = d.details.geometry;
      // `check` ran on these details just before; the geometry is the drawn one
      if (!g || typeof g !== 'object') throw new Error('yellow-line effect without a geometry');
      try {
        const zone = await issuer.issuePermitFromApproval(tx, {
          approvalId: d.applicationId,
          holder: {
            kind: d.details.holderKind as HolderKind,
            name: text(d.details.holderName),
            contactName: d.applicantName,
            contactPhone: d.applicantPhone,
          },
          address: d.address,
          geometry: g,
          goods: goodsOf(d.details.goods),
          hoursFrom: text(d.details.hoursFrom),
          hoursTo: text(d.details.hoursTo),
          validFrom: d.validFrom,
          validTo: d.validTo ?? d.validFrom,
        });
        return { register: 'yellow_line', id: zone.id };
      } catch (err) {
        throw asApplicationError(err);
      }
    },
  };
}
