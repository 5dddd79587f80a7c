// The master key for sealed secrets. Production gives it as SECRETS_KEY. Elsewhere Footprint makes
// one on first start and keeps it in DATA_DIR, so that what it sealed still opens after a restart.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../../config.ts';

const keyBytes = 32;

export const masterKeyFileName = 'secrets.key';

export function loadMasterKey(config: Pick<Config, 'secretsKey' | 'dataDir'>): Uint8Array {
  if (config.secretsKey) return config.secretsKey;
  const file = join(config.dataDir, masterKeyFileName);
  return readKeyFile(file) ?? createKeyFile(file);
}

function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== keyBytes) {
    throw new Error(
      `${file} does not hold a Footprint master key. Restore it from a backup, or set SECRETS_KEY to the key it held; ` +
        'do not delete it while anything sealed with it is still wanted.',
    );
  }
  return key;
}

// Written whole under another name, then linked into place: linking fails if the file exists,
// so two processes starting together agree on one key and neither reads a half-written file.
function createKeyFile(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(keyBytes);
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(draft, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readKeyFile(file);
    if (!theirs) throw error;
    return theirs;
  } finally {
    rmSync(draft, { force: true });
  }
}
