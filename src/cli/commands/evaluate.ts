// `footprint evaluate --policy <file|slug> [--situation <file>]`: the evaluation contract on
// the command line. Prints the outcome as JSON; exit 2 names what is wrong with the input.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluate, formatProblem } from '../../domain/policy/index.ts';
import { checkSituation } from '../../services/policies.ts';
import { loadPolicy } from '../../wiring.ts';

export const usage =
  'footprint evaluate --policy <file|slug> [--situation <file>]   (situation JSON on standard input when no file)';

function readSituation(file: string | undefined): string {
  return readFileSync(file ?? 0, 'utf8');
}

export async function run(argv: string[]): Promise<number> {
  let options: { policy?: string | undefined; situation?: string | undefined };
  try {
    ({ values: options } = parseArgs({
      args: argv,
      options: { policy: { type: 'string' }, situation: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: ${usage}\n`);
    return 2;
  }
  if (!options.policy) {
    process.stderr.write(`--policy is required\nusage: ${usage}\n`);
    return 2;
  }
  const loaded = loadPolicy(options.policy);
  if (!loaded.ok) {
    if (loaded.file === undefined) process.stderr.write(`policy: ${loaded.notFound}\n`);
    else for (const p of loaded.problems) process.stderr.write(`policy: ${formatProblem(loaded.file, p)}\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readSituation(options.situation));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    process.stderr.write(`situation: not readable as JSON (${reason})\n`);
    return 2;
  }
  const checked = checkSituation(input);
  if (!checked.ok) {
    for (const p of checked.problems) process.stderr.write(`situation: ${p.field}: ${p.message}\n`);
    return 2;
  }
  await writeOut(`${JSON.stringify(evaluate(loaded.policy, checked.situation), null, 2)}\n`);
  return 0;
}

function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}
