// The security building blocks of signing in, behind the Cryptography port.
import type { Config } from '../../config.ts';
import type { Cryptography } from '../../services/ports.ts';
import { loadMasterKey } from './master-key.ts';
import { checkNewPassword } from './password-policy.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { qrCodeSvg } from './qr.ts';
import { findRecoveryCode, newRecoveryCodes } from './recovery-codes.ts';
import { keyring, openSecret, sealSecret } from './secrets.ts';
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
  };
}
