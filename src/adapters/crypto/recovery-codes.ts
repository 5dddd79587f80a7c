// Recovery codes: a way in when the phone with the authenticator app is lost. Each works once.
// Only a hash of each is kept. SHA-256 without salt suffices because the codes are random (about
// 50 bits each) rather than chosen by people, and trying them online is rate-limited.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { RecoveryCode } from '../../services/ports.ts';

// Lower case, without 0/o, 1/l/i: nothing to misread when copying a code from paper.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
const codeLength = 10;
const codesPerSet = 10;

const group = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;

/** People type codes with spaces, hyphens, capitals or none of them. */
const normalise = (typed: string) => typed.replace(/[\s\-\u2010-\u2015\u2212]/g, '').toLowerCase();

const sha256 = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');

/** Ten codes, each shown grouped for reading ("k7p2-x9mq-4t") and stored as its SHA-256 in hex. */
export function newRecoveryCodes(): RecoveryCode[] {
  return Array.from({ length: codesPerSet }, () => {
    const code = Array.from({ length: codeLength }, () => alphabet[randomInt(alphabet.length)]).join('');
    return { code: group(code), hash: sha256(code) };
  });
}

/** The stored hash that `typed` matches, among those not yet used; undefined when none does. */
export function findRecoveryCode(typed: string, unusedHashes: readonly string[]): string | undefined {
  const code = normalise(typed);
  if (code.length !== codeLength || [...code].some((character) => !alphabet.includes(character))) return undefined;
  const candidate = Buffer.from(sha256(code), 'hex');
  return unusedHashes.find((stored) => {
    const bytes = Buffer.from(stored, 'hex');
    return bytes.length === candidate.length && timingSafeEqual(bytes, candidate);
  });
}
