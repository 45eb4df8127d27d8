import type { ComponentType } from 'react';
import type { MessageKey } from '../../common/i18n/core.ts';
import type { Line } from '../../common/domain/lines.ts';
import type { Permission } from '../../common/domain/roles.ts';

/** Every page of the console has one key; routes.tsx must give each a page (the `MenuKey` type enforces it). */
export const MENU_KEYS = [
  'home',
  'cases',
  'caseCreate',
  'hotline',
  'enforcement',
  'routing',
  'citizenSettings',
  'callCentre',
  'components',
  'assets',
  'map',
  'regions',
  'units',
  'users',
  'audit',
  'catalog',
  'standards',
  'calendar',
  'kpi',
  'rankings',
  'analysis',
  'dashboard',
  'reports',
  'yearbook',
  'keyFigures',
  'open311',
  'illegalConstruction',
  'outdoorAds',
  'nightMarket',
  'frontage',
  'yellowLine',
  'vehicles',
  'enforcementLeads',
  'approvals',
  'projects',
  'targets',
  'campaigns',
  'gasSafety',
  'notices',
  'monitor',
  'supervision',
  'proposals',
  'federation',
  'prefecture',
  'devices',
  'alarms',
  'alarmRules',
  'rejectedMessages',
  'visionReview',
  'visionSources',
  'visionMissions',
  'lineSanitation',
  'lineParks',
  'lineMunicipal',
  'lineDrainage',
  'lineMuck',
  'lineGas',
  'lineSettings',
] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export interface MenuGroup {
  key: string;
  labelKey: MessageKey;
  icon: ComponentType;
}

export interface MenuEntry {
  key: MenuKey;
  path: string;
  labelKey: MessageKey;
  icon: ComponentType;
  /** Needed to see the entry and open its page; none = every signed-in user. */
  permission?: Permission;
  group?: string;
  /** the business line the entry belongs to: gone while the tenant has the line switched off (docs/lines.md) */
  line?: Line;
}
