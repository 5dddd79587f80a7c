// Time-based one-time codes (RFC 6238) as authenticator apps make them: HMAC-SHA-1, six digits,
// a new code every 30 seconds. Secrets travel as base32 text, the form people can type.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fromBase32, toBase32 } from './base32.ts';

const issuer = 'Footprint';
const digits = 6;
const periodSeconds = 30;
const secretBytes = 20;
// A code from the step before or after is still accepted: phones' clocks drift, and people take time to type.
const toleratedSteps = 1;

/** A new shared secret (160 random bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return toBase32(randomBytes(secretBytes));
}

/** The otpauth:// address an authenticator app reads from a QR code to set itself up. */
export function totpKeyUri(secret: string, email: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(email)}`;
  const query = new URLSearchParams({
    secret: toBase32(fromBase32(secret)),
    issuer,
    algorithm: 'SHA1',
    digits: String(digits),
    period: String(periodSeconds),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** RFC 4226: the one-time code for `counter`, `length` digits long. */
export function hotp(key: Uint8Array, counter: number, length: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac.readUInt8(mac.length - 1) & 0x0f;
  const number = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(number % 10 ** length).padStart(length, '0');
}

/** The number of the 30-second step that `at` falls in, counted from the Unix epoch. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / periodSeconds);
}

/** The code an authenticator app shows at `at`. */
export function totpCode(secret: string, at: Date): string {
  return hotp(fromBase32(secret), totpStep(at), digits);
}

/**
 * Checks a code typed at `at`, returning the step it belongs to (store it as the new `lastUsedStep`),
 * or undefined when it is wrong. A code from a step at or before `lastUsedStep` is refused, so each works once.
 */
export function verifyTotp(
  secret: string,
  code: string,
  at: Date,
  lastUsedStep: number | undefined,
): number | undefined {
  const typed = code.replace(/\s/g, '');
  if (typed.length !== digits || !/^\d+$/.test(typed)) return undefined;
  const key = fromBase32(secret);
  const now = totpStep(at);
  let matched: number | undefined;
  // Every candidate is computed and compared, so the time taken says nothing about which one matched.
  for (let step = Math.max(0, now - toleratedSteps); step <= now + toleratedSteps; step += 1) {
    const expected = hotp(key, step, digits);
    const same = timingSafeEqual(Buffer.from(expected), Buffer.from(typed));
    const fresh = lastUsedStep === undefined || step > lastUsedStep;
    if (same && fresh && matched === undefined) matched = step;
  }
  return matched;
}
