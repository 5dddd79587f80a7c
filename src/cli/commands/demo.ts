// `footprint demo`: a clearly labelled demo trust with invented schools and people, written into
// the database Footprint is configured for, or into another embedded one with --data-dir.
import { randomInt } from 'node:crypto';
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
    // Demo accounts have passwords printed on a terminal: never in a real school's Footprint.
    if (environment.NODE_ENV === 'production') {
      process.stderr.write(
        'footprint demo: refused, because NODE_ENV is production. A demo prints its passwords; run it on a copy with NODE_ENV=development.\n',
      );
      return 2;
    }
    const config = configFromEnvironment(environment);
    const adapters = await createAdapters(config, createLogger(config));
    try {
      await adapters.migrate();
      const trust = generateTrust(options);
      const password = demoPassword();
      const written = await createServices(adapters).demo.write(trust, password);
      process.stdout.write(
        `Created the demo trust "${trust.organisation.name}" in the ${adapters.databaseKind === 'pglite' ? `embedded database at ${config.dataDir}` : 'PostgreSQL database'}:\n`,
      );
      for (const school of written) {
        process.stdout.write(
          `  ${school.name}: ${school.pupils} pupils, ${school.people} adults, ${school.links} carer links\n`,
        );
      }
      process.stdout.write(`\n${demoSignInNote(trust)}\n`);
      process.stdout.write(
        `\nDEMO SIGN-IN DETAILS (invented people only; sign in at ${config.baseUrl}/sign-in)\n  Password for every demo account: ${password}\n`,
      );
      for (const school of written) {
        process.stdout.write(`  ${school.name}\n`);
        for (const signIn of school.signIns) {
          process.stdout.write(`    ${signIn.role.padEnd(20)}${signIn.email}\n`);
          if (signIn.authenticatorKey) {
            process.stdout.write(
              `    ${''.padEnd(20)}authenticator key ${signIn.authenticatorKey}; or a one-time code: ${(signIn.recoveryCodes ?? []).slice(0, 3).join(', ')}\n`,
            );
          }
        }
      }
      return 0;
    } finally {
      await adapters.close();
    }
  });
}

/** A fresh password for this demo's accounts: four short groups, easy to type from the screen. */
function demoPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => letters[randomInt(letters.length)]).join('');
  return `demo-${group()}-${group()}-${group()}`;
}
