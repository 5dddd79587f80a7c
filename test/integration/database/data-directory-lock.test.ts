import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDirectory, lockFileName } from '../../../src/adapters/db/data-directory-lock.ts';

/** The pid of a process that has certainly ended. */
function pidOfEndedProcess(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(result.stdout.toString());
}

describe('The data directory lock', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'footprint-lock-'));
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('is refused while another holder is alive, naming its pid in one line', () => {
    const lock = lockDataDirectory(directory);
    try {
      expect(() => lockDataDirectory(directory)).toThrow(
        new RegExp(`^Another Footprint process \\(pid ${process.pid}\\) is already using the data directory`),
      );
    } finally {
      lock.release();
    }
  });

  it('is taken over when its holder has died', () => {
    writeFileSync(join(directory, lockFileName), `${pidOfEndedProcess()}\n`);
    const lock = lockDataDirectory(directory);
    expect(readFileSync(join(directory, lockFileName), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('is taken over when an earlier process with our pid left it (a restarted container)', () => {
    writeFileSync(join(directory, lockFileName), `${process.pid}\n`);
    const lock = lockDataDirectory(directory);
    lock.release();
    expect(existsSync(join(directory, lockFileName))).toBe(false);
  });

  it('can be taken again once released', () => {
    lockDataDirectory(directory).release();
    const again = lockDataDirectory(directory);
    again.release();
  });
});
