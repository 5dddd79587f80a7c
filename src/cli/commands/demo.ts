// `footprint demo`: a clearly labelled demo trust with invented schools and people, written into
// the database Footprint is configured for, or into another embedded one with --data-dir.
import { parseArgs } from 'node:util';
import { demoLimits, demoSignInNote, generateTrust } from '../../domain/demo/index.ts';
import { createLogger } from '../../log.ts';
import { createAdapters, createServices } from '../../wiring.ts';
import { configFromEnvironment, runSafely, wrongArguments } from '../run-safely.ts';

export const summary = 'Create a demo trust with invented schools, staff, governors, pupils and carers';
export const usage = 'footprint demo [--data-dir DIR] [--schools N] [--pupils N] [--seed N]';

function whole(value: string | undefined, fallback: number): number {
  return value === undefined ? fallback : Number(value);
}

export function run(argv: string[]): Promise<number> {
  let values: {
    'data-dir'?: string | undefined;
    schools?: string | undefined;
    pupils?: string | undefined;
    seed?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        schools: { type: 'string' },
        pupils: { type: 'string' },
        seed: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    return Promise.resolve(wrongArguments(usage, (error as Error).message));
  }
  const options = {
    seed: whole(values.seed, 2026),
    schools: whole(values.schools, 2),
    pupilsPerSchool: whole(values.pupils, 300),
    today: new Date().toISOString().slice(0, 10),
  };
  const { schools, pupilsPerSchool } = demoLimits;
  if (!(options.schools >= schools.min && options.schools <= schools.max && Number.isInteger(options.schools)))
    return Promise.resolve(
      wrongArguments(usage, `--schools must be a whole number from ${schools.min} to ${schools.max}`),
    );
  if (!(
    options.pupilsPerSchool >= pupilsPerSchool.min &&
    options.pupilsPerSchool <= pupilsPerSchool.max &&
    Number.isInteger(options.pupilsPerSchool)
  ))
    return Promise.resolve(
      wrongArguments(usage, `--pupils must be a whole number from ${pupilsPerSchool.min} to ${pupilsPerSchool.max}`),
    );
  if (!Number.isInteger(options.seed)) return Promise.resolve(wrongArguments(usage, '--seed must be a whole number'));

  return runSafely(async () => {
    const environment = values['data-dir']
      ? { ...process.env, DATA_DIR: values['data-dir'], DATABASE_URL: '' }
      : process.env;
    const config = configFromEnvironment(environment);
    const adapters = await createAdapters(config, createLogger(config));
    try {
      await adapters.migrate();
      const trust = generateTrust(options);
      const written = await createServices(adapters).demo.write(trust);
      process.stdout.write(
        `Created the demo trust "${trust.organisation.name}" in the ${adapters.databaseKind === 'pglite' ? `embedded database at ${config.dataDir}` : 'PostgreSQL database'}:\n`,
      );
      for (const school of written) {
        process.stdout.write(
          `  ${school.name}: ${school.pupils} pupils, ${school.people} adults, ${school.links} carer links\n`,
        );
      }
      process.stdout.write(`\n${demoSignInNote(trust)}\n`);
      return 0;
    } finally {
      await adapters.close();
    }
  });
}
