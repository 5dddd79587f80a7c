// `footprint policy …`: the policy library on the command line. Render a policy as a readable
// document, compare schools' policies topic by topic, check a policy file, list the library.
import { parseArgs } from 'node:util';
import { comparePolicies } from '../../domain/policy/compare.ts';
import { formatProblem, type Policy } from '../../domain/policy/index.ts';
import {
  comparisonToJson,
  comparisonToMarkdown,
  comparisonToText,
  documentModel,
  policyToHtml,
  policyToMarkdown,
} from '../../domain/policy/render/index.ts';
import { librarySlugs, loadPolicy } from '../../wiring.ts';

export const usage = 'footprint policy render|compare|validate|list …';
export const summary = 'Render, compare, check and list school policies (footprint policy help for details).';

const help = `Usage:
  footprint policy render <file|slug> [--format md|html]          the readable document (default md)
  footprint policy compare <a> <b> [more…] [--format text|md|json] topic by topic (default text)
  footprint policy validate <file|slug>                            every problem with its line and column
  footprint policy list                                            the slugs of the policy library
`;

type Loaded = { ok: true; policy: Policy } | { ok: false };

/** Reads a policy; a path that is a folder or cannot be read is reported like an unknown one. */
function read(reference: string): ReturnType<typeof loadPolicy> {
  try {
    return loadPolicy(reference);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
    return { ok: false, file: undefined, notFound: `${reference} ${reason}` };
  }
}

/** Loads a policy, or explains on stderr why it cannot. */
function load(reference: string): Loaded {
  const loaded = read(reference);
  if (loaded.ok) return loaded;
  if (loaded.file === undefined) process.stderr.write(`footprint: ${loaded.notFound}\n`);
  else for (const p of loaded.problems) process.stderr.write(`${formatProblem(loaded.file, p)}\n`);
  return { ok: false };
}

function wrong(problem: string): number {
  process.stderr.write(`footprint: ${problem}\n\n${help}`);
  return 2;
}

function options(argv: string[]) {
  return parseArgs({ args: argv, options: { format: { type: 'string' } }, allowPositionals: true, strict: true });
}

function render(argv: string[]): number {
  const { values, positionals } = options(argv);
  const format = values.format ?? 'md';
  const [reference] = positionals;
  if (reference === undefined || positionals.length > 1) return wrong('render takes one policy: a file or a slug');
  if (format !== 'md' && format !== 'html') return wrong(`render --format is md or html, not "${format}"`);
  const loaded = load(reference);
  if (!loaded.ok) return 2;
  const doc = documentModel(loaded.policy);
  process.stdout.write(format === 'html' ? policyToHtml(doc) : policyToMarkdown(doc));
  return 0;
}

const comparisonFormats = { text: comparisonToText, md: comparisonToMarkdown, json: comparisonToJson } as const;

function compare(argv: string[]): number {
  const { values, positionals } = options(argv);
  const format = values.format ?? 'text';
  if (positionals.length < 2) return wrong('compare takes at least two policies');
  if (!(format in comparisonFormats)) return wrong(`compare --format is text, md or json, not "${format}"`);
  const policies: Policy[] = [];
  for (const reference of positionals) {
    const loaded = load(reference);
    if (!loaded.ok) return 2;
    policies.push(loaded.policy);
  }
  process.stdout.write(comparisonFormats[format as keyof typeof comparisonFormats](comparePolicies(policies)));
  return 0;
}

function validate(argv: string[]): number {
  const { positionals } = options(argv);
  const [reference] = positionals;
  if (reference === undefined || positionals.length > 1) return wrong('validate takes one policy file');
  const loaded = read(reference);
  if (loaded.file === undefined) {
    process.stderr.write(`footprint: ${loaded.notFound}\n`);
    return 2;
  }
  if (!loaded.ok) {
    for (const p of loaded.problems) process.stdout.write(`${formatProblem(loaded.file, p)}\n`);
    return 2;
  }
  const { rules, procedures } = loaded.policy;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  process.stdout.write(
    `${loaded.file}: valid — ${count(rules.length, 'rule')}, ${count(procedures.length, 'procedure')}\n`,
  );
  return 0;
}

function list(): number {
  process.stdout.write(
    librarySlugs()
      .map((s) => `${s}\n`)
      .join(''),
  );
  return 0;
}

const subcommands: Readonly<Record<string, (argv: string[]) => number>> = { render, compare, validate, list };

export function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    process.stdout.write(help);
    return Promise.resolve(name === undefined ? 2 : 0);
  }
  const subcommand = subcommands[name];
  if (!subcommand) return Promise.resolve(wrong(`unknown policy command "${name}"`));
  try {
    return Promise.resolve(subcommand(rest));
  } catch (error) {
    // parseArgs rejects unknown options; anything else is a bug and should surface.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      return Promise.resolve(wrong((error as Error).message));
    throw error;
  }
}
