// One process per data directory: PGlite is a single-user database, and two processes
// writing the same files would corrupt it. The lock is a file holding the owner's pid.
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../errors.ts';

export const lockFileName = 'footprint.lock';

export interface DataDirectoryLock {
  release(): void;
}

/** Directories this process holds, so that a lock left by an earlier process with our pid is seen as stale. */
const heldHere = new Set<string>();

export function lockDataDirectory(directory: string): DataDirectoryLock {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, lockFileName);

  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path)) {
      heldHere.add(path);
      return { release: () => release(path) };
    }
    const holder = readHolder(path);
    if (holder !== undefined && isRunning(holder) && (holder !== process.pid || heldHere.has(path))) {
      throw new AppError(
        'data_directory_in_use',
        `Another Footprint process (pid ${holder}) is already using the data directory ${directory}: stop it first, or set DATA_DIR to a different directory.`,
      );
    }
    // The holder has gone (a crash or a power cut): the lock is stale.
    rmSync(path, { force: true });
  }
  throw new AppError('data_directory_in_use', `Could not take the lock on the data directory ${directory}.`);
}

/** Writes the pid to a private file, then links it into place: the lock never exists without its pid. */
function tryCreate(path: string): boolean {
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, `${process.pid}\n`);
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function release(path: string): void {
  if (!heldHere.delete(path)) return;
  if (readHolder(path) === process.pid) rmSync(path, { force: true });
}
