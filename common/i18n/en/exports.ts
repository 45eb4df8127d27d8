import type { zhExports } from '../zh-CN/exports.ts';

/** Exports: Excel exports of the console lists (sheet names, file names and column headers). */
export const enExports: typeof zhExports = {
  exports: {
    button: 'Export Excel',
    started: 'Preparing the export…',
    failed: 'Export failed: {message}',
    truncated: 'Only the first {max} rows were exported; narrow the filters',
    sheet: {
      cases: 'Cases', users: 'Users', units: 'Handling units', regions: 'Regions', audit: 'Audit log', catalog: 'Catalog',
      routing: 'Routing rules',
    },
    col: {
      caseNo: 'Case no.', status: 'Status', channel: 'Channel', matterCode: 'Matter code', matter: 'Matter', description: 'Description',
      address: 'Address', street: 'Street', community: 'Community', grid: 'Grid', unit: 'Handling unit', reportedAt: 'Reported at',
      stepDeadline: 'Step deadline', handlingDeadline: 'Handling deadline', sla: 'SLA', overdue: 'Overdue', escalated: 'Escalated',
      pendingRequest: 'Pending approval', username: 'Username', displayName: 'Name', phone: 'Mobile', roles: 'Roles', active: 'Active',
      locked: 'Locked', lastLoginAt: 'Last sign-in', code: 'Code', fullCode: 'Full code', name: 'Name', kind: 'Kind', parent: 'Parent',
      region: 'Region', at: 'Time', actor: 'Actor', action: 'Action', entity: 'Entity', entityId: 'Entity ID', before: 'Before',
      after: 'After', requestId: 'Request ID', majorCode: 'Major code', majorName: 'Major class', oldCode: 'Old code', source: 'Source',
      level: 'Rule level', priority: 'Priority', note: 'Note', updatedAt: 'Updated at',
    },
    yes: 'Yes',
    no: 'No',
    kind: { component: 'Component', matter: 'Matter' },
    source: { national: 'National', local: 'Local extension' },
  },
};
