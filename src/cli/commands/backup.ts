import { resolve } from 'node:path';
import { backup } from '../../wiring.ts';
import { configFromEnvironment, runSafely, wrongArguments } from '../run-safely.ts';

export const summary = 'Write a backup of the database to a new file (stop Footprint first on the embedded database)';
export const usage = 'footprint backup <file>';

export function run(argv: string[]): Promise<number> {
  const [file, ...extra] = argv;
  if (file === undefined || extra.length > 0) return Promise.resolve(wrongArguments(usage, 'name one backup file'));
  return runSafely(async () => {
    const report = await backup(configFromEnvironment(), resolve(file));
    process.stdout.write(
      `Backed up the ${report.kind === 'pglite' ? 'embedded' : 'PostgreSQL'} database to ${report.file}\n`,
    );
    return 0;
  });
}
