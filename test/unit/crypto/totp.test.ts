import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase32, toBase32 } from '../../../src/adapters/crypto/base32.ts';
import { hotp, newTotpSecret, totpCode, totpKeyUri, totpStep, verifyTotp } from '../../../src/adapters/crypto/totp.ts';

// RFC 6238, appendix B: the SHA-1 seed, and the 8-digit codes it gives at each time (seconds).
const rfcSeed = Buffer.from('12345678901234567890', 'ascii');
const rfcVectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

const secondsLater = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
const secretArbitrary = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => toBase32(bytes));
// Any moment from 1970 to about 2100, to the millisecond.
const momentArbitrary = fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms));

describe('Time-based one-time codes', () => {
  it.each(rfcVectors)('match RFC 6238 at %i seconds, in 8 digits and in 6', (seconds, code) => {
    const at = new Date(seconds * 1000);
    expect(hotp(rfcSeed, totpStep(at), 8)).toBe(code);
    expect(totpCode(toBase32(rfcSeed), at)).toBe(code.slice(2));
  });

  it('accept the RFC 6238 codes at their time, returning the step', () => {
    for (const [seconds, code] of rfcVectors) {
      const at = new Date(seconds * 1000);
      expect(verifyTotp(toBase32(rfcSeed), code.slice(2), at, undefined)).toBe(Math.floor(seconds / 30));
    }
  });

  it('make new secrets of 20 random bytes, in base32', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(fromBase32(secret)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('build the key address an authenticator app reads', () => {
    const uri = new URL(totpKeyUri('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'j.smith+head@oakfield.example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Footprint:j.smith+head@oakfield.example.org');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      issuer: 'Footprint',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('accept a code at its time, as typed with a space, and refuse it two steps later', () => {
    fc.assert(
      fc.property(secretArbitrary, momentArbitrary, (secret, at) => {
        const code = totpCode(secret, at);
        const step = totpStep(at);
        expect(verifyTotp(secret, code, at, undefined)).toBe(step);
        expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at, undefined)).toBe(step);
        const later = secondsLater(at, 60);
        // Six digits collide now and then: only a code that is not also a later step's must be refused.
        fc.pre(![-1, 0, 1].some((offset) => totpCode(secret, secondsLater(later, offset * 30)) === code));
        expect(verifyTotp(secret, code, later, undefined)).toBeUndefined();
      }),
    );
  });

  it("accept the code of the step before and the step after, for a phone's drifting clock", () => {
    fc.assert(
      fc.property(secretArbitrary, momentArbitrary, fc.constantFrom(-30, 30), (secret, at, drift) => {
        const phone = secondsLater(at, drift);
        fc.pre(phone.getTime() >= 0 && totpCode(secret, phone) !== totpCode(secret, at));
        expect(verifyTotp(secret, totpCode(secret, phone), at, undefined)).toBe(totpStep(phone));
      }),
    );
  });

  it('accept a code once: never again for its step or an earlier one', () => {
    fc.assert(
      fc.property(secretArbitrary, momentArbitrary, (secret, at) => {
        const code = totpCode(secret, at);
        const step = verifyTotp(secret, code, at, undefined);
        expect(step).toBeDefined();
        expect(verifyTotp(secret, code, at, step)).toBeUndefined();
        expect(verifyTotp(secret, code, secondsLater(at, 10), step)).toBeUndefined();
        expect(verifyTotp(secret, code, at, totpStep(at) - 1)).toBe(step);
      }),
    );
  });

  it.each(['', '12345', '1234567', 'abcdef', '１２３４５６'])('refuse %j, which is not six digits', (typed) => {
    expect(verifyTotp(toBase32(rfcSeed), typed, new Date(59_000), undefined)).toBeUndefined();
  });
});
