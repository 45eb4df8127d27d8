/** What each exported list shows: the columns of the console list, labels translated, people's phones as masked by the list. */
import type { CaseSummary } from '../../../../common/contracts/cases.ts';
import type { CatalogEntry } from '../../../../common/contracts/catalog.ts';
import type { AuditEntry, Region, Unit, User } from '../../../../common/contracts/org.ts';
import type { RoutingRule } from '../../../../common/contracts/routing.ts';
import type { SheetSpec } from './export-workbook.ts';

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

export const CASES_SHEET: SheetSpec<CaseSummary> = {
  sheet: 'cases',
  file: 'cases',
  columns: [
    { header: 'caseNo', width: 24, value: (c) => c.caseNo },
    { header: 'status', width: 10, value: (c, f) => f.label(`cases.status.${c.status}`, c.status) },
    { header: 'channel', width: 12, value: (c, f) => f.label(`cases.channel.${c.channel}`, c.channel) },
    { header: 'matterCode', width: 10, value: (c) => c.matterCode },
    { header: 'matter', width: 18, value: (c) => c.matterName },
    { header: 'description', width: 40, value: (c) => c.description },
    { header: 'address', width: 30, value: (c) => c.address },
    { header: 'street', value: (c) => c.streetName },
    { header: 'community', value: (c) => c.communityName },
    { header: 'grid', width: 18, value: (c) => c.gridCode },
    { header: 'unit', width: 18, value: (c) => c.unitName },
    { header: 'reportedAt', width: 18, value: (c, f) => f.instant(c.reportedAt) },
    { header: 'stepDeadline', width: 18, value: (c, f) => f.instant(c.stepDeadline) },
    { header: 'handlingDeadline', width: 18, value: (c, f) => f.instant(c.handlingDeadline) },
    { header: 'sla', width: 10, value: (c, f) => f.label(`cases.sla.${c.sla.level}`, c.sla.level) },
    { header: 'overdue', width: 8, value: (c, f) => f.yesNo(c.overdue) },
    { header: 'escalated', width: 8, value: (c, f) => f.yesNo(c.escalated) },
    {
      header: 'pendingRequest',
      width: 10,
      value: (c, f) => f.label(`cases.request.${c.pendingRequest ?? ''}`, c.pendingRequest),
    },
  ],
};

export const USERS_SHEET: SheetSpec<User> = {
  sheet: 'users',
  file: 'users',
  columns: [
    { header: 'username', value: (u) => u.username },
    { header: 'displayName', value: (u) => u.displayName },
    { header: 'phone', value: (u) => u.phone },
    { header: 'unit', width: 18, value: (u) => u.unitName },
    {
      header: 'roles',
      width: 40,
      value: (u, f) =>
        u.grants
          .map((g) => [f.label(`roles.${g.role}`, g.role), g.unitName, g.regionName].filter(Boolean).join(' · '))
          .join('；'),
    },
    { header: 'active', width: 8, value: (u, f) => f.yesNo(u.active) },
    { header: 'locked', width: 8, value: (u, f) => f.yesNo(u.locked) },
    { header: 'lastLoginAt', width: 18, value: (u, f) => f.instant(u.lastLoginAt) },
  ],
};

export const UNITS_SHEET: SheetSpec<Unit> = {
  sheet: 'units',
  file: 'units',
  columns: [
    { header: 'code', value: (u) => u.code },
    { header: 'name', width: 20, value: (u) => u.name },
    { header: 'kind', value: (u, f) => f.label(`unitKinds.${u.kind}`, u.kind) },
    { header: 'parent', width: 18, value: (u) => u.parentName },
    { header: 'region', value: (u) => u.regionName },
    { header: 'phone', value: (u) => u.phone },
    { header: 'active', width: 8, value: (u, f) => f.yesNo(u.active) },
    { header: 'updatedAt', width: 18, value: (u, f) => f.instant(u.updatedAt) },
  ],
};

export const REGIONS_SHEET: SheetSpec<Region> = {
  sheet: 'regions',
  file: 'regions',
  columns: [
    { header: 'code', value: (r) => r.code },
    { header: 'fullCode', width: 16, value: (r) => r.fullCode },
    { header: 'name', width: 18, value: (r) => r.name },
    { header: 'kind', value: (r, f) => f.label(`regionKinds.${r.kind}`, r.kind) },
    { header: 'parent', width: 18, value: (r) => r.parentName },
    { header: 'updatedAt', width: 18, value: (r, f) => f.instant(r.updatedAt) },
  ],
};

export const AUDIT_SHEET: SheetSpec<AuditEntry> = {
  sheet: 'audit',
  file: 'audit-log',
  columns: [
    { header: 'at', width: 18, value: (a, f) => f.instant(a.at) },
    { header: 'actor', value: (a) => a.actorName },
    { header: 'action', width: 18, value: (a, f) => f.label(`audit.actions.${a.action}`, a.action) },
    { header: 'entity', value: (a, f) => f.label(`audit.entities.${a.entity}`, a.entity) },
    { header: 'entityName', width: 20, value: (a) => a.entityName },
    { header: 'entityId', width: 28, value: (a) => a.entityId },
    { header: 'before', width: 40, value: (a) => json(a.before) },
    { header: 'after', width: 40, value: (a) => json(a.after) },
    { header: 'requestId', width: 28, value: (a) => a.requestId },
  ],
};

export const CATALOG_SHEET: SheetSpec<CatalogEntry> = {
  sheet: 'catalog',
  file: 'catalog',
  columns: [
    { header: 'kind', width: 8, value: (e, f) => f.label(`exports.kind.${e.kind}`, e.kind) },
    { header: 'code', width: 8, value: (e) => e.code },
    { header: 'name', width: 20, value: (e) => e.name },
    { header: 'majorCode', width: 8, value: (e) => e.majorCode },
    { header: 'majorName', width: 16, value: (e) => e.majorName },
    { header: 'oldCode', width: 8, value: (e) => e.oldCode },
    { header: 'source', width: 10, value: (e, f) => f.label(`exports.source.${e.source}`, e.source) },
    { header: 'active', width: 8, value: (e, f) => f.yesNo(e.active) },
  ],
};

export const ROUTING_SHEET: SheetSpec<RoutingRule> = {
  sheet: 'routing',
  file: 'routing-rules',
  columns: [
    { header: 'level', width: 16, value: (r, f) => f.label(`routing.level.${r.level}`, r.level) },
    { header: 'matterCode', width: 10, value: (r) => r.matterCode },
    { header: 'matter', width: 16, value: (r) => r.matterName },
    { header: 'majorName', width: 14, value: (r) => r.majorName },
    { header: 'region', value: (r) => r.regionName },
    { header: 'unit', width: 18, value: (r) => r.unitName },
    { header: 'priority', width: 8, value: (r) => r.priority },
    { header: 'active', width: 8, value: (r, f) => f.yesNo(r.active) },
    { header: 'note', width: 24, value: (r) => r.note },
  ],
};
