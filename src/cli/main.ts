// The `footprint` command line: finds the subcommand in the registry and runs it.
import { commands, usage } from './commands/index.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    if (name !== undefined) process.stderr.write(`footprint: unknown command "${name}"\n\n`);
    process.stderr.write(usage());
    return 2;
  }
  return command.run(rest);
}

process.exitCode = await main(process.argv.slice(2));
