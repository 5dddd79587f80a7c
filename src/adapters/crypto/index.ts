// The security building blocks of signing in, behind the Cryptography port.
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Cryptography, KeyRotation } from '../../services/ports.ts';
import { openEscrow, rewrapEscrowKey, sealEscrow } from './escrow.ts';
import { loadMasterKey } from './master-key.ts';
import { checkNewPassword } from './password-policy.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { qrCodeSvg } from './qr.ts';
import { findRecoveryCode, newRecoveryCodes } from './recovery-codes.ts';
import { keyring, openSecret, rewrap, sealSecret, type Keyring } from './secrets.ts';
import { newTotpSecret, totpKeyUri, verifyTotp } from './totp.ts';

export { keyring, rewrap, SealedSecretError, type Keyring } from './secrets.ts';

/** Reads (or, outside production, makes) the master key: call once at start-up. */
export function createCryptography(config: Pick<Config, 'secretsKey' | 'dataDir'>): Cryptography {
  const ring = keyring(loadMasterKey(config));
  return {
    passwords: { hash: hashPassword, verify: verifyPassword, needsRehash, check: checkNewPassword },
    totp: { newSecret: newTotpSecret, keyUri: totpKeyUri, verify: verifyTotp },
    qr: { svg: qrCodeSvg },
    recoveryCodes: { generate: newRecoveryCodes, find: findRecoveryCode },
    secrets: {
      seal: (plaintext, associatedData) => sealSecret(ring, plaintext, associatedData),
      open: (sealed, associatedData) => openSecret(ring, sealed, associatedData),
    },
    escrow: {
      seal: (plaintext, recordId) => sealEscrow(ring, plaintext, recordId),
      open: (escrowed, recordId) => openEscrow(ring, escrowed, recordId),
    },
    rotateTo: (newKey) => rotation(ring, keyring(newKey)),
    randomBytes: (length) => new Uint8Array(randomBytes(length)),
  };
}

// Checks open with the new key alone, so that a record still needing the old key shows up.
function rotation(oldRing: Keyring, newRing: Keyring): KeyRotation {
  const opens = (open: () => unknown) => {
    try {
      open();
      return true;
    } catch {
      return false;
    }
  };
  return {
    sameKey: oldRing.current.id === newRing.current.id,
    rewrapSecret: (sealed) => rewrap(sealed, oldRing, newRing),
    rewrapEscrowKey: (wrappedKey, recordId) => rewrapEscrowKey(wrappedKey, recordId, oldRing, newRing),
    secretOpens: (sealed, associatedData) => opens(() => openSecret(newRing, sealed, associatedData)),
    escrowOpens: (escrowed, recordId) => opens(() => openEscrow(newRing, escrowed, recordId)),
  };
}
