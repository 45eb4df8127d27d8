import type {
  GrantInput,
  Region,
  RegionCreate,
  RegionQuery,
  RegionUpdate,
  Tenant,
  Unit,
  UnitCreate,
  UnitQuery,
  UnitUpdate,
  User,
  UserCreate,
  UserQuery,
  UserUpdate,
} from '../../../../common/contracts/org.ts';
import type { RegionKind, UnitKind } from '../../../../common/domain/org.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { Role } from '../../../../common/domain/roles.ts';
import { api, type Query } from '../../api/client.ts';

export type { Region, Tenant, Unit, User };

/*
 * The contracts build their enums with `Type.Union(values.map(Type.Literal))`, whose Static type is `never`
 * (or `undefined` when optional). These aliases put the domain unions back; they stay correct once the
 * contracts are fixed, and can then be dropped.
 */
export type RegionCreateBody = Omit<RegionCreate, 'kind'> & { kind: RegionKind };
export type RegionListQuery = Omit<RegionQuery, 'kind'> & { kind?: RegionKind };
export type UnitCreateBody = Omit<UnitCreate, 'kind'> & { kind: UnitKind };
export type UnitUpdateBody = Omit<UnitUpdate, 'kind'> & { kind?: UnitKind };
export type UnitListQuery = Omit<UnitQuery, 'kind'> & { kind?: UnitKind };
export type GrantBody = Omit<GrantInput, 'role'> & { role: Role };
export type UserCreateBody = Omit<UserCreate, 'grants'> & { grants: GrantBody[] };
export type UserUpdateBody = Omit<UserUpdate, 'grants'> & { grants?: GrantBody[] };
export type UserListQuery = Omit<UserQuery, 'role'> & { role?: Role };

const id = (value: string) => encodeURIComponent(value);
const q = (query: object): Query => query as Query;

export const orgApi = {
  tenant: () => api.get<Tenant>('/api/org/tenant'),

  regions: (query: RegionListQuery, signal?: AbortSignal) =>
    api.get<Page<Region>>('/api/org/regions', { query: q(query), signal }),
  region: (regionId: string) => api.get<Region>(`/api/org/regions/${id(regionId)}`),
  createRegion: (body: RegionCreateBody) => api.post<Region>('/api/org/regions', body),
  updateRegion: (regionId: string, body: RegionUpdate) => api.patch<Region>(`/api/org/regions/${id(regionId)}`, body),
  deleteRegion: (regionId: string) => api.delete<unknown>(`/api/org/regions/${id(regionId)}`),

  units: (query: UnitListQuery, signal?: AbortSignal) =>
    api.get<Page<Unit>>('/api/org/units', { query: q(query), signal }),
  unit: (unitId: string) => api.get<Unit>(`/api/org/units/${id(unitId)}`),
  createUnit: (body: UnitCreateBody) => api.post<Unit>('/api/org/units', body),
  updateUnit: (unitId: string, body: UnitUpdateBody) => api.patch<Unit>(`/api/org/units/${id(unitId)}`, body),

  users: (query: UserListQuery, signal?: AbortSignal) =>
    api.get<Page<User>>('/api/org/users', { query: q(query), signal }),
  user: (userId: string) => api.get<User>(`/api/org/users/${id(userId)}`),
  createUser: (body: UserCreateBody) => api.post<User>('/api/org/users', body),
  updateUser: (userId: string, body: UserUpdateBody) => api.patch<User>(`/api/org/users/${id(userId)}`, body),
  resetPassword: (userId: string, password: string) =>
    api.post<unknown>(`/api/org/users/${id(userId)}/password`, { password }),
  unlockUser: (userId: string) => api.post<unknown>(`/api/org/users/${id(userId)}/unlock`),
};
