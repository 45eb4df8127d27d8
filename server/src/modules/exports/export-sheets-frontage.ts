/**
 * The 门前三包 and 文明黄线 lists as exported (docs/frontage.md, docs/yellow-line.md): the console columns, labels
 * translated, operator and contact phones as masked by the list.
 */
import type { Agreement, Inspection, ListEntry } from '../../../../common/contracts/frontage.ts';
import type { Zone } from '../../../../common/contracts/yellow-line.ts';
import type { SheetSpec } from './export-workbook.ts';

export const FR_AGREEMENTS_SHEET: SheetSpec<Agreement> = {
  sheet: 'frontageAgreements',
  file: 'frontage-agreements',
  columns: [
    { header: 'frAgreementNo', width: 16, value: (a) => a.agreementNo },
    { header: 'frShopName', width: 24, value: (a) => a.shopName },
    { header: 'frCreditCode', width: 20, value: (a) => a.creditCode },
    { header: 'frOperator', width: 10, value: (a) => a.operatorName },
    { header: 'phone', width: 14, value: (a) => a.operatorPhone },
    { header: 'township', width: 14, value: (a) => a.regionName },
    { header: 'address', width: 30, value: (a) => a.address },
    { header: 'frScope', width: 30, value: (a) => a.scope },
    { header: 'areaM2', width: 10, value: (a) => a.areaM2 },
    { header: 'frPeriodFrom', width: 12, value: (a) => a.periodFrom },
    { header: 'frPeriodTo', width: 12, value: (a) => a.periodTo },
    { header: 'frSignedOn', width: 12, value: (a) => a.signedOn },
    { header: 'status', width: 8, value: (a, f) => f.label(`frontage.agreementStatus.${a.status}`, a.status) },
    { header: 'frInspections', width: 8, value: (a) => a.inspections },
    { header: 'frLastScore', width: 8, value: (a) => a.lastScore },
  ],
};

export const FR_INSPECTIONS_SHEET: SheetSpec<Inspection> = {
  sheet: 'frontageInspections',
  file: 'frontage-inspections',
  columns: [
    { header: 'frInspectedOn', width: 12, value: (i) => i.inspectedOn },
    { header: 'frAgreementNo', width: 16, value: (i) => i.agreementNo },
    { header: 'frShopName', width: 24, value: (i) => i.shopName },
    { header: 'township', width: 14, value: (i) => i.regionName },
    { header: 'frScore', width: 8, value: (i) => i.score },
    { header: 'frFindings', width: 36, value: (i) => i.findings },
    { header: 'frRectifyBy', width: 12, value: (i) => i.rectifyBy },
    { header: 'frInspector', width: 10, value: (i) => i.inspectorName },
  ],
};

/** One row per shop on a month's red or black list, red first (as published, or as the current rule ranks them). */
export type FrListRow = ListEntry & { list: 'red' | 'black'; month: string };

export const FR_LISTS_SHEET: SheetSpec<FrListRow> = {
  sheet: 'frontageLists',
  file: 'frontage-lists',
  columns: [
    { header: 'frMonth', width: 10, value: (r) => r.month },
    { header: 'frList', width: 8, value: (r, f) => f.label(`frontage.lists.${r.list}`, r.list) },
    { header: 'frRank', width: 6, value: (r) => r.rank },
    { header: 'frAgreementNo', width: 16, value: (r) => r.agreementNo },
    { header: 'frShopName', width: 24, value: (r) => r.shopName },
    { header: 'township', width: 14, value: (r) => r.regionName },
    { header: 'frAverage', width: 10, value: (r) => r.average },
    { header: 'frInspections', width: 8, value: (r) => r.inspections },
  ],
};

export const YL_ZONES_SHEET: SheetSpec<Zone> = {
  sheet: 'yellowLineZones',
  file: 'yellow-line-zones',
  columns: [
    { header: 'ylZoneNo', width: 10, value: (z) => z.zoneNo },
    { header: 'ylHolderKind', width: 8, value: (z, f) => f.label(`yellowLine.kind.${z.holderKind}`, z.holderKind) },
    { header: 'ylHolderName', width: 24, value: (z) => z.holderName },
    { header: 'ylContact', width: 10, value: (z) => z.contactName },
    { header: 'phone', width: 14, value: (z) => z.contactPhone },
    { header: 'address', width: 30, value: (z) => z.address },
    { header: 'township', width: 14, value: (z) => z.regionName },
    { header: 'ylGoods', width: 24, value: (z) => z.goods.join('、') },
    { header: 'ylHours', width: 12, value: (z) => `${z.hoursFrom}–${z.hoursTo}` },
    { header: 'ylValidFrom', width: 12, value: (z) => z.validFrom },
    { header: 'ylValidTo', width: 12, value: (z) => z.validTo },
    {
      header: 'ylPermitState',
      width: 10,
      value: (z, f) => f.label(`yellowLine.permitState.${z.permitState}`, z.permitState),
    },
    { header: 'ylWarnings', width: 8, value: (z) => z.warnings },
  ],
};
