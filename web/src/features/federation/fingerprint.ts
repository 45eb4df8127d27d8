/**
 * The fingerprint of a pasted Ed25519 public key as the server shows it (docs/federation.md, "Keys"): SHA-256 over
 * the raw 32 bytes, upper-case hex in groups of four, to read aloud with the peer before saving. Null when the text
 * is not a base64 32-byte key.
 */
export async function fingerprintOfKey(base64: string): Promise<string | null> {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return null;
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
