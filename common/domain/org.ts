/** Closed vocabularies of the organisation (docs/glossary.md). */
export const REGION_KINDS = ['street', 'town', 'community'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** What a region kind may sit under: streets and towns are top level, communities sit in a street or town. */
export function allowedParentKinds(kind: RegionKind): readonly RegionKind[] {
  return kind === 'community' ? ['street', 'town'] : [];
}

export const UNIT_KINDS = [
  'bureau', // 局机关、股室
  'sanitation', // 环卫所
  'parks', // 园林所
  'municipal', // 市政所
  'drainage', // 排水所
  'gas', // 燃气管理处
  'enforcement', // 执法大队及中队
  'street', // 街道办事处
  'utility', // 燃气公司、供电、通信等
  'contractor', // 服务外包单位 (保洁、养护公司)
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 6-digit administrative division code (GB/T 2260), e.g. 420281 for 大冶市. */
export const ADMIN_CODE_PATTERN = '^[1-9][0-9]{5}$';
/** Region codes are 3 digits under their parent (street 3 + community 3, docs/standards.md, "Identifier formats"). */
export const REGION_CODE_PATTERN = '^[0-9]{3}$';
export const USERNAME_PATTERN = '^[a-zA-Z0-9_.-]{3,32}$';
export const PHONE_PATTERN = '^1[3-9][0-9]{9}$';
/** The password rules live in password-policy.ts; the minimum length is re-exported for the contracts. */
export { PASSWORD_MIN_LENGTH } from './password-policy.ts';
