// The registry of `footprint` subcommands: name → module. Each module exports
// `usage`, optionally `summary`, and `run(argv): Promise<number>` (see command.ts).
import * as audit from './audit.ts';
import * as backup from './backup.ts';
import type { Command } from './command.ts';
import * as demo from './demo.ts';
import * as evaluate from './evaluate.ts';
import * as keys from './keys.ts';
import * as migrate from './migrate.ts';
import * as monitor from './monitor.ts';
import * as policy from './policy.ts';
import * as restore from './restore.ts';
import * as roster from './roster.ts';
import * as start from './start.ts';

export const commands: Readonly<Record<string, Command>> = {
  start,
  migrate,
  backup,
  restore,
  evaluate,
  demo,
  roster,
  policy,
  audit,
  keys,
  monitor,
};

export function usage(): string {
  const lines = Object.values(commands).flatMap((command) => [
    `  ${command.usage}`,
    ...(command.summary ? [`      ${command.summary}`] : []),
  ]);
  return ['Usage: footprint <command> [arguments]', '', 'Commands:', ...lines, '  footprint help', ''].join('\n');
}
