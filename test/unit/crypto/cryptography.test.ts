import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCryptography } from '../../../src/adapters/crypto/index.ts';
import { totpCode, totpStep } from '../../../src/adapters/crypto/totp.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'footprint-cryptography-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('Cryptography, as services use it', () => {
  it('sets up an authenticator app whose sealed secret still opens after a restart', () => {
    const before = createCryptography({ secretsKey: undefined, dataDir });
    const secret = before.totp.newSecret();
    const sealed = before.secrets.seal(secret, 'account 1');

    const after = createCryptography({ secretsKey: undefined, dataDir });
    const opened = after.secrets.open(sealed, 'account 1');
    const at = new Date('2026-09-07T08:45:10Z');
    expect(after.totp.verify(opened, totpCode(secret, at), at, undefined)).toBe(totpStep(at));
  });

  it('does not open what was sealed under another master key', () => {
    const sealed = createCryptography({ secretsKey: undefined, dataDir }).secrets.seal('x', 'account 1');
    const other = createCryptography({ secretsKey: Buffer.alloc(32, 1), dataDir });
    expect(() => other.secrets.open(sealed, 'account 1')).toThrow(/SECRETS_KEY/);
  });
});
