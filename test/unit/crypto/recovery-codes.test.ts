import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findRecoveryCode, newRecoveryCodes } from '../../../src/adapters/crypto/recovery-codes.ts';

describe('Recovery codes', () => {
  it('come ten at a time, grouped for reading, from letters and digits that cannot be misread', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const { code } of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{2}$/);
    expect(new Set(codes.map(({ code }) => code)).size).toBe(10);
  });

  it('are kept only as a SHA-256 hash of the code without its hyphens', () => {
    const [first] = newRecoveryCodes();
    const plain = first?.code.replaceAll('-', '') ?? '';
    expect(first?.hash).toBe(createHash('sha256').update(plain).digest('hex'));
    expect(first?.hash).not.toContain(plain);
  });

  it('are found among the unused hashes, however they are typed', () => {
    const codes = newRecoveryCodes();
    const hashes = codes.map(({ hash }) => hash);
    const third = codes[2];
    if (!third) throw new Error('expected ten codes');
    const plain = third.code.replaceAll('-', '');
    for (const typed of [third.code, plain, plain.toUpperCase(), ` ${plain.slice(0, 5)} ${plain.slice(5)} `]) {
      expect(findRecoveryCode(typed, hashes)).toBe(third.hash);
    }
    expect(findRecoveryCode(`${plain.slice(0, 4)}\u2013${plain.slice(4)}`, hashes)).toBe(third.hash);
  });

  it('are not found once used, nor when mistyped', () => {
    const codes = newRecoveryCodes();
    const [used, ...unused] = codes;
    if (!used) throw new Error('expected ten codes');
    expect(
      findRecoveryCode(
        used.code,
        unused.map(({ hash }) => hash),
      ),
    ).toBeUndefined();
    const hashes = codes.map(({ hash }) => hash);
    const mistyped = `${used.code.slice(0, -1)}${used.code.endsWith('a') ? 'b' : 'a'}`;
    expect(findRecoveryCode(mistyped, hashes)).toBeUndefined();
    expect(findRecoveryCode(used.code.slice(0, -1), hashes)).toBeUndefined();
    expect(findRecoveryCode('', hashes)).toBeUndefined();
  });
});
