import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  OPEN311_DEFAULT_RATE_LIMIT,
  type ApiClient,
  type ApiClientCreate,
  type ApiClientCreated,
  type ApiClientQuery,
  type ApiClientUpdate,
} from '../../../../common/contracts/open311.ts';
import { pageWindow, type Page } from '../../../../common/domain/paging.ts';
import type { ApiClientsTable } from '../../db/schema-open311.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, toBool, type Database } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { O311Error } from './open311.errors.ts';
import * as repo from './open311.repository.ts';

/**
 * Client applications and their keys (docs/open311.md, "Global rules", "Conformance checklist" item 8). A key is
 * `o311_<prefix>_<secret>`: the prefix finds the row, the sha256 of the whole key is compared in constant time,
 * and the key itself is returned once at creation and never stored or logged.
 */
const KEY_PATTERN = /^o311_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const view = (r: ApiClientsTable): ApiClient => ({
  id: r.id,
  name: r.name,
  contact: r.contact,
  keyPrefix: `o311_${r.key_prefix}`,
  rateLimitPerMinute: r.rate_limit_per_minute,
  active: toBool(r.active),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The audit row never carries the hash (the audit service also scrubs *hash* keys). */
const auditView = (r: ApiClientsTable) => ({ ...view(r) });

const duplicateName = () =>
  new AppError('OPEN311_CLIENT_NAME_TAKEN', 409, [
    { field: 'body.name', rule: 'unique', message: 'a client application with this name exists' },
  ]);

/**
 * Per-key one-minute windows aligned to the clock's minutes, counted by the app's hit counter: in memory for one
 * process, in Redis across several instances (docs/security.md, "Rate limits across instances").
 */
export class KeyRateLimiter {
  constructor(
    private readonly clock: Clock,
    private readonly counter: HitCounter,
  ) {}

  async hit(clientId: string, perMinute: number): Promise<void> {
    const t = this.clock.now().getTime();
    const minute = Math.floor(t / 60_000);
    // The minute is in the key: each calendar minute is its own window, whenever its first hit comes.
    const { count } = await this.counter.hit(`open311:key:${clientId}:${minute}`, 60_000);
    if (count > perMinute) throw O311Error.rateLimited(perMinute, 60 - (Math.floor(t / 1000) % 60));
  }
}

export function createClientService(database: Database, clock: Clock, audit: AuditService, hits: HitCounter) {
  const { db } = database;
  const limiter = new KeyRateLimiter(clock, hits);

  /**
   * The client application of an api_key, whatever the tenant (checked by the caller once the request names
   * it); 403 for a missing, malformed, unknown or disabled key alike (docs/open311.md "Creating a request"), 429
   * past its rate limit. Cheap: one
   * indexed row and a hash, so it runs before a request body is parsed.
   */
  async function identify(apiKey: string | undefined): Promise<ApiClientsTable> {
    const m = apiKey ? KEY_PATTERN.exec(apiKey) : null;
    if (!apiKey || !m) throw O311Error.forbidden();
    const row = await repo.clientByPrefix(db, m[1] as string);
    const given = Buffer.from(sha256(apiKey), 'hex');
    const ok = !!row && timingSafeEqual(given, Buffer.from(row.key_hash, 'hex')) && toBool(row.active);
    if (!row || !ok) throw O311Error.forbidden();
    await limiter.hit(row.id, row.rate_limit_per_minute);
    return row;
  }

  return {
    identify,

    /** The client of an api_key for a call on `tenantId`: another tenant's key is the same 403 as an unknown one. */
    async authenticate(tenantId: string, apiKey: string | undefined): Promise<ApiClientsTable> {
      const row = await identify(apiKey);
      if (row.tenant_id !== tenantId) throw O311Error.forbidden();
      return row;
    },

    async list(actor: Actor, query: ApiClientQuery): Promise<Page<ApiClient>> {
      requirePermission(actor, 'apikey.manage');
      const w = pageWindow(query.page, query.pageSize);
      const { rows, total } = await repo.listClients(db, actor.tenantId, query.q, w);
      return { items: rows.map(view), total, page: query.page ?? 1, pageSize: w.limit };
    },

    async create(actor: Actor, input: ApiClientCreate): Promise<ApiClientCreated> {
      requirePermission(actor, 'apikey.manage');
      const name = input.name.trim();
      if (await repo.clientByName(db, actor.tenantId, name)) throw duplicateName();
      const prefix = randomBytes(6).toString('hex');
      const apiKey = `o311_${prefix}_${randomBytes(32).toString('base64url')}`;
      const now = clock.now().toISOString();
      const row: ApiClientsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        name,
        contact: input.contact?.trim() || null,
        key_prefix: prefix,
        key_hash: sha256(apiKey),
        rate_limit_per_minute: input.rateLimitPerMinute ?? OPEN311_DEFAULT_RATE_LIMIT,
        active: 1,
        created_at: now,
        updated_at: now,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertClient(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'api_client.create',
            entity: 'api_client',
            entityId: row.id,
            after: auditView(row),
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName();
        throw err;
      }
      return { ...view(row), apiKey };
    },

    async update(actor: Actor, id: string, patch: ApiClientUpdate): Promise<ApiClient> {
      requirePermission(actor, 'apikey.manage');
      const before = await repo.findClient(db, actor.tenantId, id);
      if (!before) throw notFound('api_client');
      const name = patch.name?.trim();
      if (name && name !== before.name && (await repo.clientByName(db, actor.tenantId, name))) throw duplicateName();
      const changes: Partial<ApiClientsTable> = {
        ...(name ? { name } : {}),
        ...(patch.contact !== undefined ? { contact: patch.contact?.trim() || null } : {}),
        ...(patch.rateLimitPerMinute !== undefined ? { rate_limit_per_minute: patch.rateLimitPerMinute } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        updated_at: clock.now().toISOString(),
      };
      const after = { ...before, ...changes };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.updateClient(tx, actor.tenantId, id, changes);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'api_client.update',
            entity: 'api_client',
            entityId: id,
            before: auditView(before),
            after: auditView(after),
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName();
        throw err;
      }
      return view(after);
    },
  };
}
export type ClientService = ReturnType<typeof createClientService>;
