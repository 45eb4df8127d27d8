/**
 * The register effect of 户外广告设置: a grant puts the sign in the 户外广告 inventory with its permit, through the
 * outdoor-ads service the composition root hands over (docs/approvals.md, "Register effects").
 */
import { AD_TYPES, type AdType } from '../../../../common/domain/outdoor-ads.ts';
import type { OutdoorAdsService } from '../outdoor-ads/index.ts';
import type { ApprovalEffect, DetailIssue, DetailValue } from './approvals-effects.ts';

const num = (v: DetailValue | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The sign's facts the inventory needs: its type, size in m² and position (WGS84). */
function checkAd(details: Readonly<Record<string, DetailValue>>, validTo?: string | null): DetailIssue[] {
  const issues: DetailIssue[] = [];
  if (!(AD_TYPES as readonly unknown[]).includes(details.adType))
    issues.push({ field: 'body.details.adType', message: `must be one of: ${AD_TYPES.join(', ')}` });
  const size = num(details.sizeM2);
  if (size === null || size <= 0 || size > 10_000)
    issues.push({ field: 'body.details.sizeM2', message: 'the sign’s area in m², above 0' });
  const lng = num(details.lng);
  const lat = num(details.lat);
  if (lng === null || Math.abs(lng) > 180) issues.push({ field: 'body.details.lng', message: 'a longitude (WGS84)' });
  if (lat === null || Math.abs(lat) > 90) issues.push({ field: 'body.details.lat', message: 'a latitude (WGS84)' });
  // a sign's permit always has an end: the inventory reminds of it before it expires
  if (validTo === null) issues.push({ field: 'body.validTo', message: 'a sign’s permit needs its last day' });
  return issues;
}

export function outdoorAdEffect(ads: Pick<OutdoorAdsService, 'createFromApproval'>): ApprovalEffect {
  return {
    check: checkAd,
    async apply(tx, d) {
      const id = await ads.createFromApproval(tx, d.actor, {
        adType: d.details.adType as AdType,
        address: d.address,
        lng: Number(d.details.lng),
        lat: Number(d.details.lat),
        sizeM2: Number(d.details.sizeM2),
        content: typeof d.details.content === 'string' ? d.details.content : null,
        ownerName: d.applicantName,
        ownerPhone: d.applicantPhone,
        permitNo: d.permitNo,
        permitFrom: d.validFrom,
        permitTo: d.validTo,
      });
      return { register: 'outdoor_ad', id };
    },
  };
}
