// Secrets at rest (authenticator keys, escrowed account logins), sealed by envelope encryption:
// each value under its own random data key (AES-256-GCM), that key wrapped by a master key.
// Rotating the master key rewraps the small data keys and leaves the sealed values alone.
//
// A sealed value is one string: v1.<key id>.<wrapped data key>.<iv>.<tag>.<ciphertext>, base64url parts.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const version = 'v1';
const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;
const wrappedKeyBytes = ivBytes + keyBytes + tagBytes;

export interface MasterKey {
  /** Derived from the key, so a sealed value names the key it needs without revealing it. */
  id: string;
  key: Uint8Array;
}

/** The master key that seals, and any earlier ones still able to open. */
export interface Keyring {
  current: MasterKey;
  previous: readonly MasterKey[];
}

export function masterKey(key: Uint8Array): MasterKey {
  if (key.length !== keyBytes) throw new Error(`A master key must be ${keyBytes} bytes long.`);
  const id = createHmac('sha256', key).update('footprint master key id').digest().subarray(0, 9).toString('base64url');
  return { id, key };
}

export function keyring(current: Uint8Array, ...previous: Uint8Array[]): Keyring {
  return { current: masterKey(current), previous: previous.map(masterKey) };
}

export type SealedSecretProblem = 'malformed' | 'unknown_key' | 'altered';

export class SealedSecretError extends Error {
  readonly problem: SealedSecretProblem;
  constructor(problem: SealedSecretProblem, message: string) {
    super(message);
    this.name = 'SealedSecretError';
    this.problem = problem;
  }
}

interface Sealed {
  keyId: string;
  wrappedKey: Buffer;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

// The data key is bound to the master key's id; the value, to the record it belongs to.
const wrappingContext = (keyId: string) => Buffer.from(`footprint data key ${version}\0${keyId}`, 'utf8');
const sealingContext = (associatedData: string) =>
  Buffer.from(`footprint sealed secret ${version}\0${associatedData}`, 'utf8');

/** AES-256-GCM with `context` as additional data: a value opens only where it was sealed. */
export function encrypt(key: Uint8Array, plaintext: Uint8Array, context: Buffer) {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(context);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

export function decrypt(
  key: Uint8Array,
  iv: Buffer,
  ciphertext: Buffer,
  tag: Buffer,
  context: Buffer,
  refusal = 'This sealed secret could not be opened: it has been altered, or it belongs to another record.',
): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes }).setAAD(context);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new SealedSecretError('altered', refusal);
  }
}

function wrap(master: MasterKey, dataKey: Buffer): Buffer {
  const { iv, ciphertext, tag } = encrypt(master.key, dataKey, wrappingContext(master.id));
  return Buffer.concat([iv, ciphertext, tag]);
}

function unwrap(ring: Keyring, keyId: string, wrappedKey: Buffer): Buffer {
  const master = [ring.current, ...ring.previous].find((candidate) => candidate.id === keyId);
  if (!master) {
    throw new SealedSecretError(
      'unknown_key',
      `This secret was sealed with a master key (id ${keyId}) that Footprint has not been given: set SECRETS_KEY to that key.`,
    );
  }
  const iv = wrappedKey.subarray(0, ivBytes);
  const tag = wrappedKey.subarray(ivBytes + keyBytes);
  return decrypt(master.key, iv, wrappedKey.subarray(ivBytes, ivBytes + keyBytes), tag, wrappingContext(keyId));
}

const base64url = /^[A-Za-z0-9_-]*$/;

function parse(sealed: string): Sealed {
  const parts = sealed.split('.');
  const [versionTag, keyId, ...encoded] = parts;
  const fields = encoded.map((part) => (base64url.test(part) ? Buffer.from(part, 'base64url') : undefined));
  const [wrappedKey, iv, authTag, ciphertext] = fields;
  if (
    parts.length !== 6 ||
    versionTag !== version ||
    !keyId ||
    !base64url.test(keyId) ||
    wrappedKey?.length !== wrappedKeyBytes ||
    iv?.length !== ivBytes ||
    authTag?.length !== tagBytes ||
    !ciphertext
  ) {
    throw new SealedSecretError('malformed', `This is not a secret sealed by Footprint (${version}).`);
  }
  return { keyId, wrappedKey, iv, tag: authTag, ciphertext };
}

const format = (keyId: string, wrappedKey: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer) =>
  [version, keyId, ...[wrappedKey, iv, tag, ciphertext].map((part) => part.toString('base64url'))].join('.');

/** Seals `plaintext` for the record named by `associatedData` (an account's id, say): it opens only for that record. */
export function sealSecret(ring: Keyring, plaintext: string, associatedData: string): string {
  const dataKey = randomBytes(keyBytes);
  const { iv, ciphertext, tag } = encrypt(dataKey, Buffer.from(plaintext, 'utf8'), sealingContext(associatedData));
  return format(ring.current.id, wrap(ring.current, dataKey), iv, tag, ciphertext);
}

/** Opens a sealed secret; throws a SealedSecretError when it is malformed, altered, another record's or under an unknown key. */
export function openSecret(ring: Keyring, sealed: string, associatedData: string): string {
  const parts = parse(sealed);
  const dataKey = unwrap(ring, parts.keyId, parts.wrappedKey);
  return decrypt(dataKey, parts.iv, parts.ciphertext, parts.tag, sealingContext(associatedData)).toString('utf8');
}

/** The same sealed secret with its data key rewrapped under `newRing`'s current master key. */
export function rewrap(sealed: string, oldRing: Keyring, newRing: Keyring): string {
  const parts = parse(sealed);
  const dataKey = unwrap(oldRing, parts.keyId, parts.wrappedKey);
  return format(newRing.current.id, wrap(newRing.current, dataKey), parts.iv, parts.tag, parts.ciphertext);
}
