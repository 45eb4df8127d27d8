import { Type, type Static } from 'typebox';
import { Nullable } from './common.ts';

/**
 * Signed checkpoints of the hash chains, as exported to an administrator (docs/security.md "Checkpoints").
 * Each tenant entry carries its own Ed25519 signature over the canonical JSON of
 * {"at","format","keyId","tenant": <entry without signature>}; `publicKey` (raw 32 bytes, base64) checks it.
 */
export const CheckpointSeal = Type.Object({ rows: Type.Integer(), digest: Type.String() });

export const TenantCheckpoint = Type.Object({
  tenantId: Type.String(),
  tenantCode: Type.String(),
  audit: Type.Object({
    rows: Type.Integer(),
    headSeq: Type.Integer(),
    headId: Nullable(Type.String()),
    headHash: Type.String(),
    legacy: CheckpointSeal,
  }),
  timelines: Type.Object({ cutoff: Type.String(), keyedRows: Type.Integer(), legacy: CheckpointSeal }),
  signature: Type.String(),
});
export type TenantCheckpoint = Static<typeof TenantCheckpoint>;

export const ExportedCheckpoint = Type.Object({
  file: Type.String(),
  format: Nullable(Type.String()),
  at: Nullable(Type.String()),
  keyId: Nullable(Type.String()),
  publicKey: Nullable(Type.String()),
  /** null when the file's signatures hold under this installation's keys */
  problem: Nullable(Type.String()),
  /** the caller's tenant's entry (null when the file is not trustworthy or does not name the tenant) */
  tenant: Nullable(TenantCheckpoint),
});

export const CheckpointExport = Type.Object({
  /** the key that signs new checkpoints */
  keyId: Type.String(),
  publicKey: Type.String(),
  checkpoints: Type.Array(ExportedCheckpoint),
});
export type CheckpointExport = Static<typeof CheckpointExport>;
