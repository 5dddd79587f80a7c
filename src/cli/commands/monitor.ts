// `footprint monitor classify --watch <watch.json> [--input <mentions.jsonl>]`: the mention
// classification contract on the command line. One JSON line out per line in, in order; exit 2
// names what is wrong with the watch file or which input line is invalid.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { classify, compileWatch, mentionSchema, parseWatch } from '../../domain/monitoring/index.ts';
import { wrongArguments } from '../run-safely.ts';

export const usage = 'footprint monitor classify --watch <watch.json> [--input <mentions.jsonl>]';
export const summary =
  'Label mentions of a school (JSON lines on standard input when no --input), one JSON line out for each';

export async function run(argv: string[]): Promise<number> {
  let values: { watch?: string | undefined; input?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { watch: { type: 'string' }, input: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return wrongArguments(usage, (error as Error).message);
  }
  if (positionals.length !== 1 || positionals[0] !== 'classify') return wrongArguments(usage, 'say `monitor classify`');
  if (!values.watch) return wrongArguments(usage, '--watch is required');

  let watchInput: unknown;
  try {
    watchInput = JSON.parse(readFileSync(values.watch, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    process.stderr.write(`watch: ${values.watch} is not readable as JSON (${reason})\n`);
    return 2;
  }
  const parsed = parseWatch(watchInput);
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`watch: ${problem}\n`);
    return 2;
  }
  const compiled = compileWatch(parsed.watch);

  const stream = values.input ? createReadStream(values.input) : process.stdin;
  const opened = new Promise<string | undefined>((resolve) => {
    stream.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ENOENT' ? 'no such file' : error.message),
    );
    stream.once('readable', () => resolve(undefined));
    stream.once('end', () => resolve(undefined));
  });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  let out = '';
  try {
    for await (const line of lines) {
      number++;
      if (line.trim() === '') continue;
      let input: unknown;
      try {
        input = JSON.parse(line);
      } catch (error) {
        process.stderr.write(`input line ${number}: not readable as JSON (${(error as Error).message})\n`);
        await flush(out);
        return 2;
      }
      const mention = mentionSchema.safeParse(input);
      if (!mention.success) {
        const problems = mention.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`);
        process.stderr.write(`input line ${number}: ${problems.join('; ')}\n`);
        await flush(out);
        return 2;
      }
      const { id, aboutSchool, labels, evidence } = classify(mention.data, compiled);
      out += `${JSON.stringify({ id, aboutSchool, labels, evidence })}\n`;
      if (out.length > 1 << 16) {
        await flush(out);
        out = '';
      }
    }
  } catch (error) {
    const reason = (await opened) ?? (error as Error).message;
    process.stderr.write(`input: ${values.input ?? 'standard input'} is not readable (${reason})\n`);
    return 2;
  }
  await flush(out);
  return 0;
}

function flush(text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}
