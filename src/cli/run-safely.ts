// How commands report failure: an error we expect is one plain line on stderr;
// anything else is a bug, shown in full.
import { loadConfig, type Config } from '../config.ts';
import { isAppError } from '../errors.ts';

export async function runSafely(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`footprint: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(
      `footprint: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

export function configFromEnvironment(environment: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(environment);
}

/** Reports wrong arguments with the command's usage; exit code 2 as for an unknown command. */
export function wrongArguments(usage: string, problem: string): number {
  process.stderr.write(`footprint: ${problem}\nUsage: ${usage}\n`);
  return 2;
}
