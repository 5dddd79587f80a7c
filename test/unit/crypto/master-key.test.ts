import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMasterKey, masterKeyFileName } from '../../../src/adapters/crypto/master-key.ts';

const directories: string[] = [];
function emptyDataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'footprint-master-key-'));
  directories.push(directory);
  return directory;
}

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('The master key', () => {
  it('is SECRETS_KEY when given, and then nothing is written to DATA_DIR', () => {
    const dataDir = emptyDataDir();
    const secretsKey = randomBytes(32);
    expect(loadMasterKey({ secretsKey, dataDir })).toEqual(secretsKey);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('is made once when SECRETS_KEY is unset, kept in DATA_DIR readable by its owner only, and read again on restart', () => {
    const dataDir = join(emptyDataDir(), 'not-yet-made');
    const first = loadMasterKey({ secretsKey: undefined, dataDir });
    expect(first).toHaveLength(32);
    expect(readdirSync(dataDir)).toEqual([masterKeyFileName]);
    expect(statSync(join(dataDir, masterKeyFileName)).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ secretsKey: undefined, dataDir })).toEqual(first);
    expect(loadMasterKey({ secretsKey: undefined, dataDir: emptyDataDir() })).not.toEqual(first);
  });

  it('stops Footprint with what to do when the key file has been damaged', () => {
    const dataDir = emptyDataDir();
    writeFileSync(join(dataDir, masterKeyFileName), 'not a key\n');
    expect(() => loadMasterKey({ secretsKey: undefined, dataDir })).toThrow(
      /secrets\.key does not hold a Footprint master key\. Restore it from a backup, or set SECRETS_KEY/,
    );
  });
});
