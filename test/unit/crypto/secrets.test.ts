import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyring,
  openSecret,
  rewrap,
  sealSecret,
  SealedSecretError,
  type SealedSecretProblem,
} from '../../../src/adapters/crypto/secrets.ts';

const ring = keyring(randomBytes(32));
const account = 'account 3f2a9c1e';

function problemOpening(...args: Parameters<typeof openSecret>): SealedSecretProblem {
  try {
    openSecret(...args);
  } catch (error) {
    if (error instanceof SealedSecretError) return error.problem;
    throw error;
  }
  throw new Error('expected the sealed secret not to open');
}

/** The same sealed string with one base64url character of part `index` changed. */
function altered(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const part = parts[index] ?? '';
  parts[index] = `${part.startsWith('A') ? 'B' : 'A'}${part.slice(1)}`;
  return parts.join('.');
}

describe('Sealed secrets', () => {
  it('open to what was sealed, for the same record, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (plaintext, record) => {
        expect(openSecret(ring, sealSecret(ring, plaintext, record), record)).toBe(plaintext);
      }),
      { numRuns: 50 },
    );
  });

  it('are one self-describing string, never showing the plaintext', () => {
    const sealed = sealSecret(ring, 'GEZDGNBVGY3TQOJQ', account);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]{80}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed.split('.')[1]).toBe(ring.current.id);
    expect(sealed).not.toContain('GEZDGNBVGY3TQOJQ');
    expect(sealSecret(ring, 'GEZDGNBVGY3TQOJQ', account)).not.toBe(sealed);
  });

  it("do not open for another record, so a value copied to someone else's row is useless", () => {
    const sealed = sealSecret(ring, 'the head teacher password', account);
    expect(problemOpening(ring, sealed, 'account 77b0d4aa')).toBe('altered');
  });

  it.each([
    [2, 'the wrapped data key'],
    [3, 'the iv'],
    [4, 'the tag'],
    [5, 'the ciphertext'],
  ])('do not open when part %i (%s) has been altered', (index) => {
    const sealed = sealSecret(ring, 'a secret of some length', account);
    expect(problemOpening(ring, altered(sealed, index), account)).toBe('altered');
  });

  it('say clearly when sealed under a master key Footprint has not been given', () => {
    const sealed = sealSecret(keyring(randomBytes(32)), 'secret', account);
    expect(() => openSecret(ring, sealed, account)).toThrow(
      /sealed with a master key \(id [\w-]+\) that Footprint has not been given: set SECRETS_KEY to that key/,
    );
    expect(problemOpening(ring, sealed, account)).toBe('unknown_key');
  });

  it.each(['', 'plain text', 'v2.a.b.c.d.e', 'v1.id.!!.x.y.z', 'v1.a.b.c.d.e.f'])('refuse %j as not sealed', (text) => {
    expect(problemOpening(ring, text, account)).toBe('malformed');
  });

  it('rewrap under a new master key without changing what they hold, and then need the new key', () => {
    const next = keyring(randomBytes(32));
    const sealed = sealSecret(ring, 'kept through rotation', account);
    const rewrapped = rewrap(sealed, ring, next);
    expect(rewrapped.split('.')[1]).toBe(next.current.id);
    expect(rewrapped.split('.').slice(3)).toEqual(sealed.split('.').slice(3));
    expect(openSecret(next, rewrapped, account)).toBe('kept through rotation');
    expect(problemOpening(ring, rewrapped, account)).toBe('unknown_key');
  });

  it('open with an earlier master key kept in the keyring, while sealing with the current one', () => {
    const old = randomBytes(32);
    const sealed = sealSecret(keyring(old), 'from before', account);
    const rotated = keyring(randomBytes(32), old);
    expect(openSecret(rotated, sealed, account)).toBe('from before');
    expect(sealSecret(rotated, 'new', account).split('.')[1]).toBe(rotated.current.id);
  });

  it('refuse a master key that is not 32 bytes', () => {
    expect(() => keyring(randomBytes(16))).toThrow('A master key must be 32 bytes long.');
  });
});
