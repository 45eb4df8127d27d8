import { Type, type Static } from 'typebox';
import { GAS_CHECK_SOURCES, GAS_HAZARD_LEVELS, GAS_HAZARD_STATUSES, GAS_INSTALL_KINDS } from '../domain/gas-safety.ts';
import { Id, Literals, Nullable, PageQuery } from './common.ts';

/** 燃气安全 (docs/gas-safety.md): safety checks, hazards with re-inspection, household 三件套 against targets. */
const LocalDate = Type.String({ format: 'date', description: 'local calendar date YYYY-MM-DD' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const PhotoIds = Type.Array(Id, { maxItems: 9, description: 'uploaded photo ids (POST /api/photos)' });

export const GasCheckCreate = Type.Object({
  source: Literals(GAS_CHECK_SOURCES),
  /** e.g. 国庆节前燃气安全检查, 省住建厅燃气安全督查 */
  title: Text(120),
  checkedOn: LocalDate,
  /** the street or township checked, when one */
  regionId: Type.Optional(Id),
  /** the people who checked */
  team: Type.Optional(Type.String({ maxLength: 200 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type GasCheckCreate = Static<typeof GasCheckCreate>;

export const GasCheck = Type.Object({
  id: Type.String(),
  checkNo: Type.String(),
  source: Literals(GAS_CHECK_SOURCES),
  title: Type.String(),
  checkedOn: Type.String(),
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  team: Nullable(Type.String()),
  note: Nullable(Type.String()),
  hazards: Type.Integer(),
  openHazards: Type.Integer(),
  createdAt: Type.String(),
});
export type GasCheck = Static<typeof GasCheck>;

export const GasCheckQuery = Type.Object({
  ...PageQuery.properties,
  source: Type.Optional(Literals(GAS_CHECK_SOURCES)),
  year: Type.Optional(Year),
});
export type GasCheckQuery = Static<typeof GasCheckQuery>;

export const GasHazardCreate = Type.Object({
  checkId: Id,
  /** the company, shop or household */
  holder: Text(100),
  /** the register entry (gas company or commercial user), when the holder is in it */
  assetId: Type.Optional(Id),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  regionId: Type.Optional(Id),
  description: Text(1000),
  level: Literals(GAS_HAZARD_LEVELS),
  /** the day it was found; absent: the check's day */
  foundOn: Type.Optional(LocalDate),
  /** 整改期限: the last day to rectify */
  deadline: LocalDate,
});
export type GasHazardCreate = Static<typeof GasHazardCreate>;

export const GasRectify = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  onDate: LocalDate,
  note: Text(1000),
  photoIds: Type.Optional(PhotoIds),
});
export type GasRectify = Static<typeof GasRectify>;

export const GasReinspect = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  onDate: LocalDate,
  passed: Type.Boolean(),
  note: Text(1000),
  /** required when passed: a hazard never closes without a re-inspection photo */
  photoIds: Type.Optional(PhotoIds),
  /** required when failed: the new last day */
  newDeadline: Type.Optional(LocalDate),
});
export type GasReinspect = Static<typeof GasReinspect>;

export const GasHazard = Type.Object({
  id: Type.String(),
  hazardNo: Type.String(),
  checkId: Type.String(),
  checkNo: Type.String(),
  source: Literals(GAS_CHECK_SOURCES),
  assetId: Nullable(Type.String()),
  holder: Type.String(),
  address: Nullable(Type.String()),
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  description: Type.String(),
  level: Literals(GAS_HAZARD_LEVELS),
  foundOn: Type.String(),
  deadline: Type.String(),
  status: Literals(GAS_HAZARD_STATUSES),
  overdue: Type.Boolean(),
  rectifiedOn: Nullable(Type.String()),
  rectifyNote: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
  reinspections: Type.Integer(),
  reinspectNote: Nullable(Type.String()),
  reinspectedByName: Nullable(Type.String()),
  photoIds: Type.Array(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
});
export type GasHazard = Static<typeof GasHazard>;

export const GasHazardQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Literals(GAS_HAZARD_STATUSES)),
  source: Type.Optional(Literals(GAS_CHECK_SOURCES)),
  level: Type.Optional(Literals(GAS_HAZARD_LEVELS)),
  checkId: Type.Optional(Id),
  overdue: Type.Optional(Type.Boolean()),
  /** found in this year */
  year: Type.Optional(Year),
});
export type GasHazardQuery = Static<typeof GasHazardQuery>;

export const GasInstallCreate = Type.Object({
  /** the community (社区) */
  regionId: Id,
  kind: Literals(GAS_INSTALL_KINDS),
  households: Type.Integer({ minimum: 1, maximum: 100_000 }),
  onDate: LocalDate,
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type GasInstallCreate = Static<typeof GasInstallCreate>;

export const GasInstall = Type.Object({
  id: Type.String(),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  kind: Literals(GAS_INSTALL_KINDS),
  households: Type.Integer(),
  onDate: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type GasInstall = Static<typeof GasInstall>;

export const GasInstallQuery = Type.Object({
  ...PageQuery.properties,
  kind: Type.Optional(Literals(GAS_INSTALL_KINDS)),
  regionId: Type.Optional(Id),
  year: Type.Optional(Year),
});
export type GasInstallQuery = Static<typeof GasInstallQuery>;

export const GasTargetPut = Type.Object({
  year: Year,
  regionId: Id,
  kind: Literals(GAS_INSTALL_KINDS),
  households: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
});
export type GasTargetPut = Static<typeof GasTargetPut>;

const KindProgress = Type.Object({ target: Type.Integer(), done: Type.Integer(), pct: Nullable(Type.Number()) });
export const GasProgressRow = Type.Object({
  regionId: Type.String(),
  regionName: Type.String(),
  alarm: KindProgress,
  valve: KindProgress,
  hose: KindProgress,
});
export const GasProgress = Type.Object({
  year: Type.Integer(),
  rows: Type.Array(GasProgressRow),
  total: Type.Object({ alarm: KindProgress, valve: KindProgress, hose: KindProgress }),
});
export type GasProgress = Static<typeof GasProgress>;
export const GasProgressQuery = Type.Object({ year: Year });
export type GasProgressQuery = Static<typeof GasProgressQuery>;

export const GasFiguresQuery = Type.Object({ from: LocalDate, to: LocalDate });
export type GasFiguresQuery = Static<typeof GasFiguresQuery>;

const UserCount = Type.Object({ users: Type.Integer(), fitted: Type.Integer(), pct: Nullable(Type.Number()) });
export const GasFigures = Type.Object({
  /** checks by the bureau in the period */
  checks: Type.Integer(),
  superiorChecks: Type.Integer(),
  /** hazards found by the bureau's checks in the period, and those of them closed */
  hazards: Type.Integer(),
  hazardsClosed: Type.Integer(),
  superiorHazards: Type.Integer(),
  superiorClosed: Type.Integer(),
  /** closed of found (bureau and superior), percent */
  rectifyRate: Nullable(Type.Number()),
  /** not closed past their deadline, today */
  overdue: Type.Integer(),
  installs: Type.Object({ alarm: Type.Integer(), valve: Type.Integer(), hose: Type.Integer() }),
  /** commercial users in the register today: pipeline users with an alarm, bottled-gas users with the 三件套 */
  pipelineUsers: UserCount,
  lpgUsers: UserCount,
});
export type GasFigures = Static<typeof GasFigures>;
