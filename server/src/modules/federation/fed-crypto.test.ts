import { describe, expect, it } from 'vitest';
import type { FederationMessage } from '../../../../common/domain/federation.ts';
import { allowedSubject, backoffMs, groupedFingerprint } from '../../../../common/domain/federation.ts';
import { createPiiCipher } from '../../platform/pii-cipher.ts';
import { fingerprintOf, generateKey, keyIdOf, signedText, signMessage, verifyEnvelope } from './fed-crypto.ts';

/** The signature and its canonical form (docs/federation.md, "Messages and the canonical form"). */
const pii = createPiiCipher(['test-secret-for-federation-keys']);
const message = (over: Partial<FederationMessage> = {}): FederationMessage => ({
  v: 1,
  id: '018f0000-0000-7000-8000-000000000001',
  kind: 'bulletin',
  sender: { tenant: '420281', key: '0123456789abcdef' },
  recipient: '420222',
  time: '2024-03-12T02:00:00.000Z',
  nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
  body: { summary: '渣土车抛洒', subject: { plate: '鄂B12345' }, kind: 'blacklisted_truck' },
  ...over,
});

describe('federation keys and signatures', () => {
  it('signs and verifies a round trip; the private key is stored encrypted only', () => {
    const key = generateKey(pii);
    expect(key.privateCipher).not.toContain('MC4CAQAwBQYDK2Vw');
    expect(key.keyId).toBe(keyIdOf(key.publicKey));
    expect(key.fingerprint).toBe(fingerprintOf(key.publicKey));
    const env = signMessage(pii, key.privateCipher, message());
    expect(verifyEnvelope(key.publicKey, env)).toBe(true);
    expect(verifyEnvelope(key.publicKey, { ...env, message: message({ recipient: '420204' }) })).toBe(false);
    expect(verifyEnvelope(generateKey(pii).publicKey, env)).toBe(false);
    expect(verifyEnvelope(key.publicKey, { ...env, signature: 'x' })).toBe(false);
  });

  it('covers the canonical form: sorted keys at every level, no whitespace, UTF-8 text as itself', () => {
    const text = signedText(message());
    expect(text.startsWith('{"body":{"kind":"blacklisted_truck","subject":{"plate":"鄂B12345"},"summary"')).toBe(true);
    expect(text).not.toMatch(/\s/);
    // the same message with its members in another order signs the same bytes
    const shuffled = Object.fromEntries(Object.entries(message()).reverse()) as unknown as FederationMessage;
    expect(signedText(shuffled)).toBe(text);
  });

  it('groups a fingerprint to read aloud, drops personal fields outside the agreement, backs off', () => {
    expect(groupedFingerprint('3f2a91c0')).toBe('3F2A 91C0');
    expect(
      allowedSubject(
        { plate: '鄂B1', name: '张三', idNumber: '4202' },
        { bulletins: [], cases: false, personal: ['plate'] },
      ),
    ).toEqual({ plate: '鄂B1' });
    expect([1, 2, 3, 8, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });
});
