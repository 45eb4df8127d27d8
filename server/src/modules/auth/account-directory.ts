import type { Selectable } from 'kysely';
import type { TenantsTable, UserGrantsTable, UsersTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import type { InnerJoinOf, LeftJoinOf } from '../../platform/read-joins.ts';

/** A grant with the names of its unit and region, as the console shows it. */
export interface GrantWithNames {
  user_id: string;
  role: string;
  unit_id: string | null;
  unit_name: string | null;
  region_id: string | null;
  region_name: string | null;
}

/**
 * What auth needs of the accounts: tenants, users and grants are org's rows, and org sits above auth (its services
 * check permissions and end sessions through auth), so auth declares this and the composition root passes org's
 * implementation (docs/decisions/0008-join-helpers.md). The two joins keep the per-request session check one
 * statement; the writes stamp a sign-in and a changed password on the user row.
 */
export interface AccountDirectory {
  findTenantByCode(db: Executor, code: string): Promise<Selectable<TenantsTable> | undefined>;
  soleTenant(db: Executor): Promise<Selectable<TenantsTable> | undefined>;
  findTenant(db: Executor, id: string): Promise<Selectable<TenantsTable> | undefined>;
  findUserByUsername(db: Executor, tenantId: string, username: string): Promise<Selectable<UsersTable> | undefined>;
  findUser(db: Executor, tenantId: string, id: string): Promise<Selectable<UsersTable> | undefined>;
  grantsWithNames(db: Executor, tenantId: string, userIds: readonly string[]): Promise<GrantWithNames[]>;
  recordSignIn(db: Executor, userId: string, now: string): Promise<void>;
  setUserPassword(db: Executor, userId: string, passwordHash: string, mustChange: boolean, now: string): Promise<void>;
  innerJoinUsers: InnerJoinOf<UsersTable>;
  leftJoinUserGrants: LeftJoinOf<UserGrantsTable>;
}
