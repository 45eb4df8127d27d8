/**
 * Verifies an enforcement case bundle offline, with no database and no secret (docs/enforcement.md, "Bundle"):
 *
 *   npm run enforcement:verify-bundle <bundle.zip> [--public-key <file>]
 *
 * Checks the Ed25519 signature of manifest.json (against the key in the file given, else the key the manifest
 * names, which only proves the bundle is unchanged since it was signed by that key), every file's SHA-256 and
 * size, that the zip holds nothing unlisted, the record chain's links and hashes, and that each step, evidence
 * item and document on the chain matches what the bundle holds. Prints every failure; exit code 1 when any.
 * The formulas are written here a second time from the documentation on purpose (not imported from the server).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const GENESIS = '0'.repeat(64);

interface Manifest {
  format: string;
  signature: { algorithm: string; publicKey: string; fingerprint: string; file: string };
  chain: { format: string; file: string; entries: number; head: string };
  documents: {
    id: string;
    kind: string;
    docNo: string;
    issuedAt: string;
    docx: { path: string; sha256: string };
    pdf: { path: string; sha256: string };
  }[];
  evidence: { id: string; sha256: string; path: string }[];
  files: { path: string; sha256: string; bytes: number }[];
  case: { id: string; caseNo: string };
}
interface Link {
  seq: number;
  kind: string;
  refId: string;
  sha256: string;
  at: string;
  prevHash: string;
  hash: string;
}

function publicKeyOf(text: string) {
  const t = text.trim();
  if (t.startsWith('-----BEGIN')) return createPublicKey(t);
  const raw = Buffer.from(t, 'base64');
  if (raw.length !== 32) throw new Error('the public key file holds neither PEM nor a base64 32-byte Ed25519 key');
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
    format: 'der',
    type: 'spki',
  });
}
const rawOf = (key: ReturnType<typeof createPublicKey>) => key.export({ format: 'der', type: 'spki' }).subarray(-32);

async function verifyBundle(
  zipBytes: Buffer,
  publicKeyText?: string,
): Promise<{ failures: string[]; notes: string[] }> {
  const failures: string[] = [];
  const notes: string[] = [];
  const zip = await JSZip.loadAsync(zipBytes);
  const file = async (path: string) => {
    const f = zip.file(path);
    return f ? Buffer.from(await f.async('nodebuffer')) : null;
  };
  const manifestBytes = await file('manifest.json');
  const sig = await file('manifest.sig');
  if (!manifestBytes || !sig) return { failures: ['manifest.json or manifest.sig missing'], notes };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  } catch {
    return { failures: ['manifest.json is not JSON'], notes };
  }

  // 1. The signature over the exact bytes of manifest.json.
  try {
    const declared = publicKeyOf(manifest.signature.publicKey);
    const key = publicKeyText ? publicKeyOf(publicKeyText) : declared;
    if (publicKeyText && !rawOf(key).equals(rawOf(declared)))
      failures.push('signature: the manifest names another public key than the one given');
    if (!verify(null, manifestBytes, key, Buffer.from(sig.toString('utf8').trim(), 'base64')))
      failures.push('signature: manifest.sig does not verify over manifest.json');
    const fp = sha256(rawOf(key)).slice(0, 16);
    notes.push(
      `signed by key ${fp}${publicKeyText ? ' (the key given)' : ' (named by the manifest itself: compare the fingerprint with the city’s published one)'}`,
    );
  } catch (err) {
    failures.push(`signature: ${(err as Error).message}`);
  }

  // 2. Every listed file present with its hash and size, and nothing unlisted.
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const f of manifest.files) {
    const bytes = await file(f.path);
    if (!bytes) failures.push(`file missing: ${f.path}`);
    else if (sha256(bytes) !== f.sha256 || bytes.length !== f.bytes)
      failures.push(`file altered: ${f.path} (SHA-256 differs)`);
  }
  for (const path of Object.keys(zip.files))
    if (!zip.files[path]!.dir && !listed.has(path) && path !== 'manifest.json' && path !== 'manifest.sig')
      failures.push(`file not in the manifest: ${path}`);

  // 3. The chain: positions, links, hashes, head.
  const chainBytes = await file(manifest.chain.file);
  let links: Link[] = [];
  try {
    links = chainBytes ? (JSON.parse(chainBytes.toString('utf8')) as Link[]) : [];
  } catch {
    failures.push('chain: not JSON');
  }
  let prev = GENESIS;
  for (const [i, l] of links.entries()) {
    const at = `chain: link ${l.seq ?? i + 1}`;
    if (l.seq !== i + 1) failures.push(`${at}: out of position`);
    if (l.prevHash !== prev) failures.push(`${at}: does not follow the previous link`);
    const hash = sha256(
      JSON.stringify([manifest.chain.format, manifest.case.id, l.seq, l.kind, l.refId, l.sha256, l.at, l.prevHash]),
    );
    if (hash !== l.hash) failures.push(`${at}: hash does not match its content`);
    prev = l.hash;
  }
  if (links.length !== manifest.chain.entries || prev !== manifest.chain.head)
    failures.push('chain: its length or head differs from the manifest');

  // 4. What the links name is in the bundle, unchanged.
  const eventsText = (await file('events.jsonl'))?.toString('utf8') ?? '';
  const events = new Map<string, string>();
  for (const line of eventsText.split('\n').filter(Boolean)) {
    try {
      events.set(String((JSON.parse(line) as unknown[])[1]), sha256(line));
    } catch {
      failures.push('events.jsonl: a line is not JSON');
    }
  }
  const fileSha = (path: string) => listed.get(path)?.sha256;
  for (const l of links) {
    const at = `chain: link ${l.seq} (${l.kind} ${l.refId})`;
    if (l.kind === 'step') {
      if (events.get(l.refId) !== l.sha256) failures.push(`${at}: the step differs from events.jsonl`);
    } else if (l.kind === 'evidence') {
      const v = manifest.evidence.find((e) => e.id === l.refId);
      if (!v || v.sha256 !== l.sha256 || fileSha(v.path) !== l.sha256)
        failures.push(`${at}: evidence file missing or different`);
    } else if (l.kind === 'document') {
      const d = manifest.documents.find((x) => x.id === l.refId);
      const digest = d
        ? sha256(
            JSON.stringify([
              'cityloop.enforcement-document/1',
              d.id,
              d.kind,
              d.docNo,
              d.docx.sha256,
              d.pdf.sha256,
              d.issuedAt,
            ]),
          )
        : null;
      if (!d || digest !== l.sha256 || fileSha(d.docx.path) !== d.docx.sha256 || fileSha(d.pdf.path) !== d.pdf.sha256)
        failures.push(`${at}: document files missing or different`);
    } else failures.push(`${at}: unknown kind`);
  }
  for (const id of events.keys())
    if (!links.some((l) => l.kind === 'step' && l.refId === id))
      failures.push(`events.jsonl: step ${id} is not on the chain`);
  notes.push(
    `${links.length} chain links, ${manifest.documents.length} documents, ${manifest.evidence.length} evidence items`,
  );
  return { failures, notes };
}

async function main() {
  const args = process.argv.slice(2);
  const k = args.indexOf('--public-key');
  const keyFile = k >= 0 ? args[k + 1] : undefined;
  const zipPath = args.find((a, i) => !a.startsWith('--') && (k < 0 || i !== k + 1));
  if (!zipPath || (k >= 0 && !keyFile)) {
    console.error('usage: npm run enforcement:verify-bundle <bundle.zip> [--public-key <file>]');
    process.exit(2);
  }
  const { failures, notes } = await verifyBundle(
    readFileSync(zipPath),
    keyFile ? readFileSync(keyFile, 'utf8') : undefined,
  );
  for (const n of notes) console.log(n);
  if (failures.length) {
    for (const f of failures) console.log(`FAIL ${f}`);
    console.log(`bundle NOT verified: ${failures.length} problem(s)`);
    process.exit(1);
  }
  console.log('bundle verified');
}

main().catch((err: unknown) => {
  console.error(`cannot read the bundle: ${(err as Error).message}`);
  process.exit(2);
});
