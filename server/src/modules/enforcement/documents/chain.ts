import { createHash, createHmac } from 'node:crypto';
import type { Database, Executor } from '../../../platform/db.ts';
import { newId } from '../../../platform/ids.ts';
import { sameHex } from '../../../platform/chain-keys.ts';
import type { EnforcementChainTable } from '../../../db/schema-enforcement-docs.ts';
import { GENESIS, eventDigest, linkHash, type ChainLink } from './chain-format.ts';

/**
 * 执法全过程记录 (docs/enforcement.md, "Record chain"): every step, evidence item and document of a case as one link
 * of a hash chain per case. Each link holds the previous link's hash (so a removed, changed or reordered link
 * breaks the chain for anyone, offline too) and an HMAC of its hash under a per-tenant key derived from the secret
 * ring kept outside the database (so a database writer without the secret cannot rebuild the chain).
 */
export interface CaseChain {
  /** Appends links for the case's steps and evidence items not on the chain yet (the caller's transaction). */
  sync(tx: Executor, tenantId: string, caseId: string): Promise<void>;
  /** Appends one link (a document) after the steps recorded so far. */
  append(tx: Executor, tenantId: string, caseId: string, link: Omit<ChainLink, 'seq' | 'prevHash'>): Promise<void>;
  links(ex: Executor, caseId: string): Promise<EnforcementChainTable[]>;
  /** Walks the chain: the first position whose link, hash or keyed MAC does not hold, or null. */
  verify(
    ex: Executor,
    tenantId: string,
    caseId: string,
  ): Promise<{ entries: number; head: string; brokenAt: number | null; problem: string | null }>;
}

interface RingKey {
  id: string;
  key: Buffer;
}

export function createCaseChain(database: Database, secrets: readonly string[]): CaseChain {
  if (!secrets.length) throw new Error('createCaseChain: no secret configured');
  const ring = secrets.map((s) =>
    createHmac('sha256', Buffer.from(s, 'utf8')).update('cityloop/enforcement-chain').digest(),
  );
  // One key per tenant and secret: a tenant's chains never verify under another tenant's key.
  function tenantKey(base: Buffer, tenantId: string): RingKey {
    const key = createHmac('sha256', base).update(tenantId).digest();
    return { id: createHash('sha256').update(key).digest('hex').slice(0, 12), key };
  }
  const mac = (k: RingKey, hash: string) => createHmac('sha256', k.key).update(hash, 'utf8').digest('hex');

  async function lockCase(tx: Executor, caseId: string) {
    // A no-op write takes the case row's lock on PostgreSQL, so two writers never compute the same next position.
    // SQLite runs one transaction at a time.
    if (database.dialect === 'postgres')
      await tx.selectFrom('enforcement_cases').select('id').where('id', '=', caseId).forUpdate().execute();
  }

  async function head(tx: Executor, caseId: string) {
    return tx
      .selectFrom('enforcement_chain')
      .select(['seq', 'hash'])
      .where('case_id', '=', caseId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async function write(tx: Executor, tenantId: string, caseId: string, items: Omit<ChainLink, 'seq' | 'prevHash'>[]) {
    if (!items.length) return;
    const last = await head(tx, caseId);
    let seq = Number(last?.seq ?? 0);
    let prev = last?.hash ?? GENESIS;
    const key = tenantKey(ring[ring.length - 1]!, tenantId);
    for (const item of items) {
      seq += 1;
      const link: ChainLink = { ...item, seq, prevHash: prev };
      const hash = linkHash(caseId, link);
      await tx
        .insertInto('enforcement_chain')
        .values({
          id: newId(),
          tenant_id: tenantId,
          case_id: caseId,
          seq,
          kind: link.kind,
          ref_id: link.refId,
          sha256: link.sha256,
          at: link.at,
          prev_hash: prev,
          hash,
          key_id: key.id,
          mac: mac(key, hash),
        })
        .execute();
      prev = hash;
    }
  }

  const links = (ex: Executor, caseId: string) =>
    ex.selectFrom('enforcement_chain').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

  return {
    links,
    async sync(tx, tenantId, caseId) {
      await lockCase(tx, caseId);
      const [onChain, events, evidence] = await Promise.all([
        tx.selectFrom('enforcement_chain').select(['kind', 'ref_id']).where('case_id', '=', caseId).execute(),
        tx
          .selectFrom('enforcement_events')
          .selectAll()
          .where('case_id', '=', caseId)
          .orderBy('at')
          .orderBy('id')
          .execute(),
        tx
          .selectFrom('enforcement_evidence')
          .selectAll()
          .where('case_id', '=', caseId)
          .orderBy('collected_at')
          .orderBy('id')
          .execute(),
      ]);
      const seen = new Set(onChain.map((l) => `${l.kind}:${l.ref_id}`));
      const items: Omit<ChainLink, 'seq' | 'prevHash'>[] = [];
      for (const e of events) {
        if (!seen.has(`step:${e.id}`))
          items.push({ kind: 'step', refId: e.id, sha256: eventDigest(e).sha256, at: e.at });
        for (const v of evidence.filter((x) => x.event_id === e.id && !seen.has(`evidence:${x.id}`)))
          items.push({ kind: 'evidence', refId: v.id, sha256: v.sha256, at: v.collected_at });
      }
      await write(tx, tenantId, caseId, items);
    },
    async append(tx, tenantId, caseId, link) {
      await lockCase(tx, caseId);
      await write(tx, tenantId, caseId, [link]);
    },
    async verify(ex, tenantId, caseId) {
      const rows = await links(ex, caseId);
      const keys = ring.map((b) => tenantKey(b, tenantId));
      let prev = GENESIS;
      for (const [i, r] of rows.entries()) {
        const fail = (problem: string) => ({ entries: rows.length, head: prev, brokenAt: r.seq, problem });
        if (Number(r.seq) !== i + 1) return fail('position');
        if (r.prev_hash !== prev) return fail('link');
        const hash = linkHash(caseId, {
          seq: Number(r.seq),
          kind: r.kind,
          refId: r.ref_id,
          sha256: r.sha256,
          at: r.at,
          prevHash: r.prev_hash,
        });
        if (!sameHex(hash, r.hash)) return fail('hash');
        const key = keys.find((k) => k.id === r.key_id);
        if (!key || !sameHex(mac(key, hash), r.mac)) return fail('mac');
        prev = r.hash;
      }
      return { entries: rows.length, head: prev, brokenAt: null, problem: null };
    },
  };
}
