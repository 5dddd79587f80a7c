import { resolve } from 'node:path';
import { createLogger } from '../../log.ts';
import { restore } from '../../wiring.ts';
import { configFromEnvironment, runSafely, wrongArguments } from '../run-safely.ts';

export const summary = 'Restore a backup into an empty data directory (or an empty PostgreSQL database)';
export const usage = 'footprint restore <file>';

export function run(argv: string[]): Promise<number> {
  const [file, ...extra] = argv;
  if (file === undefined || extra.length > 0) return Promise.resolve(wrongArguments(usage, 'name one backup file'));
  return runSafely(async () => {
    const config = configFromEnvironment();
    await restore(config, resolve(file), createLogger(config));
    const where = config.database.kind === 'pglite' ? config.dataDir : 'the database named by DATABASE_URL';
    process.stdout.write(`Restored ${file} into ${where}. Start Footprint to use it.\n`);
    return 0;
  });
}
