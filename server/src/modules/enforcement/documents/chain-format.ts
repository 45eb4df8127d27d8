import { createHash } from 'node:crypto';

/**
 * The per-case record chain's formulas (docs/enforcement.md, "Record chain"). scripts/enforcement-verify-bundle.ts
 * implements them a second time on purpose, from the documentation, so that a bundle is checked by code that does
 * not share this file's mistakes.
 */
export const CHAIN_FORMAT = 'cityloop.enforcement-chain/1';
export const GENESIS = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ChainLink {
  seq: number;
  kind: 'step' | 'evidence' | 'document';
  refId: string;
  sha256: string;
  at: string;
  prevHash: string;
}

/** SHA-256 of the link's canonical form: anyone can recompute it without a key. */
export const linkHash = (caseId: string, l: ChainLink): string =>
  sha256(JSON.stringify([CHAIN_FORMAT, caseId, l.seq, l.kind, l.refId, l.sha256, l.at, l.prevHash]));

/** What a step's link covers: every column of its event row, as stored. */
export function eventDigest(e: {
  id: string;
  action: string;
  from_stage: string | null;
  to_stage: string;
  actor_id: string;
  note: string | null;
  officers: string | null;
  data: string | null;
  at: string;
}): { canonical: string; sha256: string } {
  const canonical = JSON.stringify([
    'cityloop.enforcement-event/1',
    e.id,
    e.action,
    e.from_stage,
    e.to_stage,
    e.actor_id,
    e.note,
    e.officers,
    e.data,
    e.at,
  ]);
  return { canonical, sha256: sha256(canonical) };
}

/** What a document's link covers: its number and kind and the SHA-256 of both files. */
export function documentDigest(d: {
  id: string;
  kind: string;
  doc_no: string;
  docx_sha256: string;
  pdf_sha256: string;
  issued_at: string;
}): string {
  return sha256(
    JSON.stringify([
      'cityloop.enforcement-document/1',
      d.id,
      d.kind,
      d.doc_no,
      d.docx_sha256,
      d.pdf_sha256,
      d.issued_at,
    ]),
  );
}
