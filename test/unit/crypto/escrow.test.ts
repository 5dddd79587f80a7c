// Envelope encryption for escrowed logins: each layer refuses to open when anything it is bound to
// changes, and a rotation leaves the old master key unable to open what the new one can.
import { describe, expect, it } from 'vitest';
import { openEscrow, rewrapEscrowKey, sealEscrow } from '../../../src/adapters/crypto/escrow.ts';
import { keyring, SealedSecretError } from '../../../src/adapters/crypto/secrets.ts';

const ring = keyring(Buffer.alloc(32, 7));
const otherRing = keyring(Buffer.alloc(32, 9));
const recordId = '4f1c7a2e-0000-4000-8000-000000000001';
const login = JSON.stringify({ username: 'class3blog', password: 'Tr0ub4dor&3 lighthouse' });

/** Flips one bit in the middle of a base64url part, keeping it valid base64url. */
function tamper(text: string, partIndex: number): string {
  const parts = text.split('.');
  const bytes = Buffer.from(parts[partIndex]!, 'base64url');
  bytes[Math.floor(bytes.length / 2)]! ^= 1;
  parts[partIndex] = bytes.toString('base64url');
  return parts.join('.');
}

const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof SealedSecretError) return error.problem;
    throw error;
  }
  return 'opened';
};

describe('Escrow', () => {
  it('opens what it sealed, for the same record, and holds nothing readable', () => {
    const escrowed = sealEscrow(ring, login, recordId);
    expect(openEscrow(ring, escrowed, recordId)).toBe(login);
    expect(JSON.stringify(escrowed)).not.toContain('class3blog');
    expect(JSON.stringify(escrowed)).not.toContain('lighthouse');
  });

  it('uses a fresh data key each time, so the same login seals differently', () => {
    const first = sealEscrow(ring, login, recordId);
    const second = sealEscrow(ring, login, recordId);
    expect(first.wrappedKey).not.toBe(second.wrappedKey);
    expect(first.ciphertext).not.toBe(second.ciphertext);
  });

  it('refuses a ciphertext that was tampered with', () => {
    const escrowed = sealEscrow(ring, login, recordId);
    for (const part of [1, 2, 3]) {
      expect(
        problemOf(() => openEscrow(ring, { ...escrowed, ciphertext: tamper(escrowed.ciphertext, part) }, recordId)),
      ).toBe('altered');
    }
  });

  it('refuses a wrapped key that was tampered with', () => {
    const escrowed = sealEscrow(ring, login, recordId);
    expect(
      problemOf(() => openEscrow(ring, { ...escrowed, wrappedKey: tamper(escrowed.wrappedKey, 2) }, recordId)),
    ).toBe('altered');
  });

  it('refuses to open for another record id, or with another record’s wrapped key', () => {
    const escrowed = sealEscrow(ring, login, recordId);
    const elsewhere = sealEscrow(ring, 'another login', 'another record');
    expect(problemOf(() => openEscrow(ring, escrowed, 'another record'))).toBe('altered');
    expect(problemOf(() => openEscrow(ring, { ...escrowed, wrappedKey: elsewhere.wrappedKey }, recordId))).toBe(
      'altered',
    );
    expect(problemOf(() => openEscrow(ring, { ...elsewhere, ciphertext: escrowed.ciphertext }, 'another record'))).toBe(
      'altered',
    );
  });

  it('refuses what is not escrow at all, and names an unknown master key', () => {
    expect(problemOf(() => openEscrow(ring, { wrappedKey: 'x', ciphertext: 'y' }, recordId))).toBe('malformed');
    const escrowed = sealEscrow(ring, login, recordId);
    expect(problemOf(() => openEscrow(otherRing, escrowed, recordId))).toBe('unknown_key');
  });

  it('rewraps the data key under a new master key: the new key opens it, the old one no longer does', () => {
    const escrowed = sealEscrow(ring, login, recordId);
    const rewrapped = { ...escrowed, wrappedKey: rewrapEscrowKey(escrowed.wrappedKey, recordId, ring, otherRing) };
    expect(openEscrow(otherRing, rewrapped, recordId)).toBe(login);
    expect(problemOf(() => openEscrow(ring, rewrapped, recordId))).toBe('unknown_key');
    expect(problemOf(() => rewrapEscrowKey(escrowed.wrappedKey, 'another record', ring, otherRing))).toBe('altered');
  });
});
