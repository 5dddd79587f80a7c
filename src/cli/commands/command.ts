/** A `footprint` subcommand: one file in this folder, registered by name in index.ts. */
export interface Command {
  /** How to call it, e.g. "footprint backup <file>". */
  usage: string;
  /** One line on what it does, shown under the usage. */
  summary?: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(argv: string[]): Promise<number>;
}
