import type { Permission } from './roles.ts';

/** What can be imported as a job (docs/imports.md); each kind needs the permission its import always needed. */
export const IMPORT_KINDS = [
  'hotline.orders',
  'catalog.conditions',
  'components',
  'geo.layer',
  'gazetteer',
  'assets',
  'assets.logs',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_PERMISSION: Record<ImportKind, Permission> = {
  'hotline.orders': 'hotline.handle',
  'catalog.conditions': 'settings.manage',
  components: 'settings.manage',
  'geo.layer': 'region.manage',
  gazetteer: 'region.manage',
  assets: 'assets.manage',
  'assets.logs': 'assets.work',
};

export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const isFinished = (status: ImportStatus) => status === 'succeeded' || status === 'failed';
