/**
 * Tenant registers of the enforcement line (docs/enforcement.md): officers' 执法证 with their validity, checked on
 * every step that names officers, and the 首违不罚 / 轻微免罚 list that proposes 不予处罚 for a first minor violation.
 */
import { peerPriorOffence } from './enforcement-peer-offences.ts';
import type {
  Certificate,
  CertificateCreate,
  LeniencyCreate,
  LeniencyEntry,
  Officer,
} from '../../../../common/contracts/enforcement.ts';
import { MIN_OFFICERS, type LeniencyMark } from '../../../../common/domain/enforcement-lifecycle.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { AuditService } from '../audit/index.ts';
import { orgNames } from '../org/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';

/**
 * Two or more different officers, each an active user of the city holding a 执法证 valid on `on` (art. 42). The
 * certificate number comes from the register; one given in the request must be the registered one.
 */
export async function checkOfficers(
  ex: Executor,
  tenantId: string,
  officers: readonly Officer[] | undefined,
  field: string,
  on: string,
) {
  const list = officers ?? [];
  const ids = new Set(list.map((o) => o.userId));
  if (ids.size < MIN_OFFICERS) throw E.tooFewOfficers(field, MIN_OFFICERS);
  const names = await orgNames.activeUserNames(ex, tenantId, [...ids]);
  list.forEach((o, i) => {
    if (!names.has(o.userId)) throw E.unknownOfficer(`${field}.${i}.userId`);
  });
  const certs = await ex
    .selectFrom('enforcement_certificates')
    .select(['user_id', 'cert_no', 'valid_from', 'valid_to'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', 'in', [...ids])
    .execute();
  const seen = new Set<string>();
  const out: { userId: string; certNo: string; name: string }[] = [];
  list.forEach((o, i) => {
    const name = names.get(o.userId) as string;
    const mine = certs.filter((c) => c.user_id === o.userId);
    const valid = mine.filter((c) => c.valid_from <= on && on <= c.valid_to);
    if (!valid.length) {
      const last =
        mine
          .map((c) => c.valid_to)
          .sort()
          .pop() ?? null;
      throw E.certificate(`${field}.${i}.userId`, o.userId, name, last ? 'expired' : 'missing', last);
    }
    const cert = o.certNo ? valid.find((c) => c.cert_no === o.certNo) : valid[0];
    if (!cert) throw E.certificate(`${field}.${i}.certNo`, o.userId, name, 'mismatch', null);
    // One row per officer: a repeated entry keeps its first certificate.
    if (!seen.has(o.userId)) out.push({ userId: o.userId, certNo: cert.cert_no, name });
    seen.add(o.userId);
  });
  return out;
}

/**
 * What the leniency list says about a new case: the list's kind for the violation, or `repeat` when the same party
 * had a case for the same violation within the list's window before this violation's date.
 */
export async function leniencyOf(
  ex: Executor,
  tenantId: string,
  violationCode: string,
  violationOn: string,
  party: { indexes: string[] } | { creditCode: string },
): Promise<{ mark: LeniencyMark; priorCaseId: string | null } | null> {
  const entry = await ex
    .selectFrom('enforcement_leniency')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('violation_code', '=', violationCode)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!entry) return null;
  const since = shiftDays(violationOn, -entry.window_days);
  let q = ex
    .selectFrom('enforcement_cases')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('violation_code', '=', violationCode)
    .where('violation_on', '>=', since)
    .where('violation_on', '<=', violationOn);
  q =
    'indexes' in party
      ? q.where('party_id_index', 'in', party.indexes)
      : q.where('party_credit_code', '=', party.creditCode);
  const prior = await q.orderBy('violation_on', 'desc').executeTakeFirst();
  if (prior) return { mark: 'repeat', priorCaseId: prior.id };
  // 互认: an offence a peer city recorded and an operator here accepted counts the same (it has no local case).
  const peer = await peerPriorOffence(ex, tenantId, violationCode, since, violationOn, party);
  return peer ? { mark: 'repeat', priorCaseId: null } : { mark: entry.kind, priorCaseId: null };
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function createEnforcementRegisters(database: Database, clock: Clock, deps: { audit: AuditService }) {
  const { db } = database;

  async function certificates(actor: Actor): Promise<Certificate[]> {
    requirePermission(actor, 'enforcement.read');
    const rows = await db
      .selectFrom('enforcement_certificates')
      .selectAll()
      .where('tenant_id', '=', actor.tenantId)
      .orderBy('cert_no')
      .execute();
    const names = await orgNames.userNames(
      db,
      rows.map((r) => r.user_id),
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      name: names.get(r.user_id) ?? '',
      certNo: r.cert_no,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    }));
  }

  return {
    certificates,

    async addCertificate(actor: Actor, input: CertificateCreate): Promise<Certificate> {
      requirePermission(actor, 'enforcement.manage');
      if (input.validTo < input.validFrom) throw E.field('body.validTo', 'range', 'before the start of validity');
      const names = await orgNames.activeUserNames(db, actor.tenantId, [input.userId]);
      if (!names.has(input.userId)) throw E.unknownOfficer('body.userId');
      const id = newId();
      try {
        await db.transaction().execute(async (tx) => {
          await tx
            .insertInto('enforcement_certificates')
            .values({
              id,
              tenant_id: actor.tenantId,
              user_id: input.userId,
              cert_no: input.certNo,
              valid_from: input.validFrom,
              valid_to: input.validTo,
              created_at: clock.now().toISOString(),
            })
            .execute();
          await deps.audit.record(tx, actor, actor.tenantId, {
            action: 'enforcement.certificate.create',
            entity: 'enforcement_certificate',
            entityId: id,
            before: null,
            after: input,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw E.field('body.certNo', 'unique', 'this certificate number is registered');
        throw err;
      }
      return (await certificates(actor)).find((c) => c.id === id) as Certificate;
    },

    async leniency(actor: Actor): Promise<LeniencyEntry[]> {
      requirePermission(actor, 'enforcement.read');
      const rows = await db
        .selectFrom('enforcement_leniency')
        .selectAll()
        .where('tenant_id', '=', actor.tenantId)
        .where('active', '=', 1)
        .orderBy('violation_code')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        violationCode: r.violation_code,
        kind: r.kind,
        circumstances: r.circumstances,
        windowDays: r.window_days,
      }));
    },

    async addLeniency(actor: Actor, input: LeniencyCreate): Promise<LeniencyEntry> {
      requirePermission(actor, 'enforcement.manage');
      const id = newId();
      try {
        await db.transaction().execute(async (tx) => {
          await tx
            .insertInto('enforcement_leniency')
            .values({
              id,
              tenant_id: actor.tenantId,
              violation_code: input.violationCode,
              kind: input.kind,
              circumstances: input.circumstances,
              window_days: input.windowDays,
              active: 1,
              created_at: clock.now().toISOString(),
            })
            .execute();
          await deps.audit.record(tx, actor, actor.tenantId, {
            action: 'enforcement.leniency.create',
            entity: 'enforcement_leniency',
            entityId: id,
            before: null,
            after: input,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw E.field('body.violationCode', 'unique', 'this violation is on the list');
        throw err;
      }
      return { id, ...input };
    },
  };
}
