import { serveUntilStopped } from '../../server.ts';
import { configFromEnvironment, runSafely, wrongArguments } from '../run-safely.ts';

export const summary = 'Start Footprint (migrates the database first)';
export const usage = 'footprint start';

export function run(argv: string[]): Promise<number> {
  if (argv.length > 0) return Promise.resolve(wrongArguments(usage, 'start takes no arguments'));
  return runSafely(() => serveUntilStopped(configFromEnvironment()));
}
