// Escrow for the logins of the school's official accounts: envelope encryption kept as two
// columns. Each deposit gets a fresh data key (AES-256-GCM) that seals the login; the data key is
// wrapped by the master key. Both layers carry the record's id as additional authenticated data,
// so a login copied onto another record, or a wrapped key swapped between records, fails to open.
// Rotating the master key rewraps only the small wrapped key; the sealed login is left alone.
//
// wrappedKey: e1.<master key id>.<iv + encrypted data key + tag>
// ciphertext: e1.<iv>.<tag>.<encrypted login>, each part base64url.
import { randomBytes } from 'node:crypto';
import { decrypt, encrypt, SealedSecretError, type Keyring, type MasterKey } from './secrets.ts';

const version = 'e1';
const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;

export interface Escrowed {
  wrappedKey: string;
  ciphertext: string;
}

const keyContext = (keyId: string, recordId: string) =>
  Buffer.from(`footprint escrow data key ${version}\0${keyId}\0${recordId}`, 'utf8');
const valueContext = (recordId: string) => Buffer.from(`footprint escrow ${version}\0${recordId}`, 'utf8');

const altered = 'This escrowed login could not be opened: it was altered, or belongs to another record.';

const base64url = /^[A-Za-z0-9_-]+$/;

const malformed = () => new SealedSecretError('malformed', `This is not a login escrowed by Footprint (${version}).`);

function decode(part: string | undefined): Buffer {
  if (part === undefined || !base64url.test(part)) throw malformed();
  return Buffer.from(part, 'base64url');
}

function wrapKey(master: MasterKey, dataKey: Buffer, recordId: string): string {
  const { iv, ciphertext, tag } = encrypt(master.key, dataKey, keyContext(master.id, recordId));
  return [version, master.id, Buffer.concat([iv, ciphertext, tag]).toString('base64url')].join('.');
}

function unwrapKey(ring: Keyring, wrappedKey: string, recordId: string): Buffer {
  const [tag, keyId, body, ...extra] = wrappedKey.split('.');
  const bytes = decode(body);
  if (tag !== version || !keyId || extra.length > 0 || bytes.length !== ivBytes + keyBytes + tagBytes)
    throw malformed();
  const master = [ring.current, ...ring.previous].find((candidate) => candidate.id === keyId);
  if (!master) {
    throw new SealedSecretError(
      'unknown_key',
      `This login was escrowed under a master key (id ${keyId}) that Footprint has not been given: set SECRETS_KEY to that key.`,
    );
  }
  return decrypt(
    master.key,
    bytes.subarray(0, ivBytes),
    bytes.subarray(ivBytes, ivBytes + keyBytes),
    bytes.subarray(ivBytes + keyBytes),
    keyContext(keyId, recordId),
    altered,
  );
}

/** Seals `plaintext` for the record `recordId` under a fresh data key, wrapped by the current master key. */
export function sealEscrow(ring: Keyring, plaintext: string, recordId: string): Escrowed {
  const dataKey = randomBytes(keyBytes);
  try {
    const { iv, ciphertext, tag } = encrypt(dataKey, Buffer.from(plaintext, 'utf8'), valueContext(recordId));
    return {
      wrappedKey: wrapKey(ring.current, dataKey, recordId),
      ciphertext: [version, iv, tag, ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.'),
    };
  } finally {
    dataKey.fill(0);
  }
}

/** Opens an escrowed value; throws a SealedSecretError when altered, another record's, or under an unknown key. */
export function openEscrow(ring: Keyring, escrowed: Escrowed, recordId: string): string {
  const [tag, iv, authTag, body, ...extra] = escrowed.ciphertext.split('.');
  if (tag !== version || extra.length > 0) throw malformed();
  const ivBuffer = decode(iv);
  const tagBuffer = decode(authTag);
  const bodyBuffer = decode(body);
  if (ivBuffer.length !== ivBytes || tagBuffer.length !== tagBytes) throw malformed();
  const dataKey = unwrapKey(ring, escrowed.wrappedKey, recordId);
  try {
    return decrypt(dataKey, ivBuffer, bodyBuffer, tagBuffer, valueContext(recordId), altered).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/** The same data key, unwrapped with `oldRing` and wrapped again under `newRing`'s current master key. */
export function rewrapEscrowKey(wrappedKey: string, recordId: string, oldRing: Keyring, newRing: Keyring): string {
  const dataKey = unwrapKey(oldRing, wrappedKey, recordId);
  try {
    return wrapKey(newRing.current, dataKey, recordId);
  } finally {
    dataKey.fill(0);
  }
}
