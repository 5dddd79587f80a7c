import { createLogger } from '../../log.ts';
import { createAdapters } from '../../wiring.ts';
import { configFromEnvironment, runSafely, wrongArguments } from '../run-safely.ts';

export const summary = 'Bring the database up to date, then stop';
export const usage = 'footprint migrate';

export function run(argv: string[]): Promise<number> {
  if (argv.length > 0) return Promise.resolve(wrongArguments(usage, 'migrate takes no arguments'));
  return runSafely(async () => {
    const config = configFromEnvironment();
    const adapters = await createAdapters(config, createLogger(config));
    try {
      const { applied } = await adapters.migrate();
      process.stdout.write(
        applied.length > 0
          ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`
          : 'The database is up to date.\n',
      );
      return 0;
    } finally {
      await adapters.close();
    }
  });
}
