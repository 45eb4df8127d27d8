import type {
  OwnKeys,
  Peer,
  PeerCreate,
  PeerQuery,
  PeerUpdate,
  RotateKey,
} from '../../../../common/contracts/federation.ts';
import { groupedFingerprint } from '../../../../common/domain/federation.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import type { FedPeerKeysTable, FedPeersTable } from '../../db/schema-federation.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { tenantColumns } from '../org/index.ts';
import { fingerprintOf, generateKey, keyIdOf } from './fed-crypto.ts';
import { MANAGE, READ, sharingOf, type FedContext } from './fed-context.ts';
import type { Outbox } from './fed-outbox.ts';
import { fedErrors } from './federation.errors.ts';
import * as repo from './federation.repository.ts';

const HOUR = 3_600_000;

function peerView(p: FedPeersTable, keys: FedPeerKeysTable[]): Peer {
  return {
    id: p.id,
    name: p.name,
    url: p.url,
    peerCode: p.peer_code,
    sharing: sharingOf(p.sharing),
    status: p.status,
    keys: keys.map((k) => ({
      keyId: k.key_id,
      fingerprint: groupedFingerprint(fingerprintOf(k.public_key)),
      validUntil: k.valid_until,
      revokedAt: k.revoked_at,
      createdAt: k.created_at,
    })),
    createdAt: p.created_at,
  };
}

/**
 * The tenant's own keys and its peers (docs/federation.md, "Keys" and "Peers"). Reading needs federation.read,
 * every change federation.manage, and each change is audited in its transaction (public halves and fingerprints
 * only: the private key never leaves the encrypted column).
 */
export function createPeerService(ctx: FedContext, outbox: Outbox) {
  const { db, audit } = ctx;

  async function peerOf(tenantId: string, id: string) {
    const p = await repo.findPeer(db, tenantId, id);
    if (!p) throw notFound('federation_peer');
    return p;
  }

  async function getPeer(actor: Actor, id: string): Promise<Peer> {
    requirePermission(actor, READ);
    const p = await peerOf(actor.tenantId, id);
    return peerView(p, await repo.peerKeys(db, [p.id]));
  }

  async function keys(actor: Actor): Promise<OwnKeys> {
    requirePermission(actor, READ);
    const rows = await repo.ownKeys(db, actor.tenantId);
    const code = (await tenantColumns(db, actor.tenantId, ['code']))?.code ?? null;
    return {
      tenantCode: code,
      keys: rows.map((k) => ({
        keyId: k.key_id,
        publicKey: k.public_key,
        fingerprint: groupedFingerprint(fingerprintOf(k.public_key)),
        status: k.status,
        validUntil: k.valid_until,
        createdAt: k.created_at,
      })),
    };
  }

  return {
    getPeer,

    keys,

    /**
     * Makes the first key, or a new one that replaces the active key. The old key stays valid for the overlap
     * window, and every active peer is sent the new public key signed with the old one.
     */
    async rotate(actor: Actor, input: RotateKey): Promise<OwnKeys> {
      requirePermission(actor, MANAGE);
      const overlapMs = (input.overlapHours ?? 72) * HOUR;
      const code = (await tenantColumns(db, actor.tenantId, ['code']))?.code;
      if (!code) throw notFound('tenant');
      const fresh = generateKey(ctx.pii);
      await db.transaction().execute(async (tx) => {
        const at = ctx.now();
        const old = await repo.activeKey(tx, actor.tenantId);
        const until = new Date(ctx.clock.now().getTime() + overlapMs).toISOString();
        if (old) await repo.retireKey(tx, old.id, overlapMs > 0 ? 'retiring' : 'retired', until);
        await repo.insertKey(tx, {
          id: newId(),
          tenant_id: actor.tenantId,
          tenant_code: code,
          key_id: fresh.keyId,
          public_key: fresh.publicKey,
          private_cipher: fresh.privateCipher,
          status: 'active',
          valid_until: null,
          created_at: at,
        });
        if (old && overlapMs > 0) {
          const [peers] = await repo.listPeers(tx, actor.tenantId, undefined, 10_000, 0);
          for (const p of peers.filter((x) => x.status === 'active'))
            await outbox.enqueue(tx, {
              tenantId: actor.tenantId,
              peerId: p.id,
              kind: 'key_rotation',
              body: { oldKeyId: old.key_id, oldValidUntil: until, newKeyId: fresh.keyId, publicKey: fresh.publicKey },
            });
        }
        await audit.record(tx, actor, actor.tenantId, {
          action: old ? 'federation.key.rotate' : 'federation.key.create',
          entity: 'federation_key',
          entityId: fresh.keyId,
          before: old ? { keyId: old.key_id } : null,
          after: { keyId: fresh.keyId, fingerprint: fresh.fingerprint, oldValidUntil: old ? until : null },
        });
      });
      return keys(actor);
    },

    async listPeers(actor: Actor, query: PeerQuery): Promise<Page<Peer>> {
      requirePermission(actor, READ);
      const { limit, offset } = pageWindow(query.page, query.pageSize);
      const [rows, count] = await repo.listPeers(db, actor.tenantId, query.q?.trim() || undefined, limit, offset);
      const keys = await repo.peerKeys(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) =>
          peerView(
            r,
            keys.filter((k) => k.peer_id === r.id),
          ),
        ),
        total: Number(count.n),
        page: query.page ?? 1,
        pageSize: limit,
      };
    },

    async createPeer(actor: Actor, input: PeerCreate): Promise<Peer> {
      requirePermission(actor, MANAGE);
      const at = ctx.now();
      const row: FedPeersTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        name: input.name.trim(),
        url: input.url.trim(),
        peer_code: input.peerCode,
        sharing: JSON.stringify(input.sharing),
        status: 'active',
        created_at: at,
        updated_at: at,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertPeer(tx, row);
          await repo.insertPeerKey(tx, {
            id: newId(),
            tenant_id: actor.tenantId,
            peer_id: row.id,
            key_id: keyIdOf(input.publicKey),
            public_key: input.publicKey,
            valid_until: null,
            revoked_at: null,
            created_at: at,
          });
          await audit.record(tx, actor, actor.tenantId, {
            action: 'federation.peer.create',
            entity: 'federation_peer',
            entityId: row.id,
            after: { ...row, keyFingerprint: fingerprintOf(input.publicKey) },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw fedErrors.peerTaken();
        throw e;
      }
      return getPeer(actor, row.id);
    },

    async updatePeer(actor: Actor, id: string, input: PeerUpdate): Promise<Peer> {
      requirePermission(actor, MANAGE);
      const before = await peerOf(actor.tenantId, id);
      const set: Partial<FedPeersTable> = { updated_at: ctx.now() };
      if (input.name !== undefined) set.name = input.name.trim();
      if (input.url !== undefined) set.url = input.url.trim();
      if (input.sharing !== undefined) set.sharing = JSON.stringify(input.sharing);
      if (input.status !== undefined) set.status = input.status;
      await db.transaction().execute(async (tx) => {
        await repo.updatePeer(tx, id, set);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'federation.peer.update',
          entity: 'federation_peer',
          entityId: id,
          before,
          after: { ...before, ...set },
        });
      });
      return getPeer(actor, id);
    },

    /** A peer's new public key entered by hand (read aloud over the phone, checked by its fingerprint). */
    async addPeerKey(actor: Actor, id: string, publicKey: string): Promise<Peer> {
      requirePermission(actor, MANAGE);
      await peerOf(actor.tenantId, id);
      const keyId = keyIdOf(publicKey);
      if (await repo.peerKey(db, id, keyId)) throw fedErrors.field('body.publicKey', 'unique', 'the key is known');
      await db.transaction().execute(async (tx) => {
        await repo.insertPeerKey(tx, {
          id: newId(),
          tenant_id: actor.tenantId,
          peer_id: id,
          key_id: keyId,
          public_key: publicKey,
          valid_until: null,
          revoked_at: null,
          created_at: ctx.now(),
        });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'federation.peer.key_add',
          entity: 'federation_peer',
          entityId: id,
          after: { keyId, fingerprint: fingerprintOf(publicKey) },
        });
      });
      return getPeer(actor, id);
    },

    /** A revoked key is refused at once, whatever its overlap window says. */
    async revokePeerKey(actor: Actor, id: string, keyId: string): Promise<Peer> {
      requirePermission(actor, MANAGE);
      await peerOf(actor.tenantId, id);
      const key = await repo.peerKey(db, id, keyId);
      if (!key) throw notFound('federation_peer_key');
      if (!key.revoked_at)
        await db.transaction().execute(async (tx) => {
          await repo.updatePeerKey(tx, key.id, { revoked_at: ctx.now() });
          await audit.record(tx, actor, actor.tenantId, {
            action: 'federation.peer.key_revoke',
            entity: 'federation_peer',
            entityId: id,
            after: { keyId },
          });
        });
      return getPeer(actor, id);
    },
  };
}
