// Password hashes with argon2id, at or above OWASP's minimum (19 MiB of memory, two passes, one lane).
import { type Algorithm, hash, parseOptions, verify, type Version } from '@node-rs/argon2';

// The package declares these as const enums, which type stripping cannot read: 2 is argon2id, 1 is version 0x13.
const argon2id = 2 as Algorithm;
const version13 = 1 as Version;

export const passwordHashing = {
  algorithm: argon2id,
  version: version13,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

// The same password typed on another device may reach us in another Unicode form.
const normalised = (password: string) => password.normalize('NFKC');

export function hashPassword(password: string): Promise<string> {
  return hash(normalised(password), passwordHashing);
}

// Hashed once, lazily, so that checking a person with no password costs what checking a real one does.
let standIn: Promise<string> | undefined;

/**
 * Whether `password` matches `storedHash`. Give `undefined` for someone with no password (or no account):
 * the answer is false, after the same work, so the time taken does not reveal who has an account.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    standIn ??= hashPassword('no one has this password');
    await verify(await standIn, normalised(password));
    return false;
  }
  return verify(storedHash, normalised(password));
}

/** Whether a hash was made with weaker (or merely different) settings than today's, so should be made again. */
export function needsRehash(storedHash: string): boolean {
  try {
    const made = parseOptions(storedHash);
    return (
      made.algorithm !== passwordHashing.algorithm ||
      made.version !== passwordHashing.version ||
      made.memoryCost !== passwordHashing.memoryCost ||
      made.timeCost !== passwordHashing.timeCost ||
      made.parallelism !== passwordHashing.parallelism ||
      made.outputLen !== passwordHashing.outputLen
    );
  } catch {
    return true;
  }
}
