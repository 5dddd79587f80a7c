// `footprint roster import --school <slug> --kind staff|pupils|contacts <file.csv>`: the same
// checks as the upload page; every problem listed by row and column, and nothing imported
// until the file is clean.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rosterKinds, type RosterKind } from '../../domain/roster/index.ts';
import { AppError } from '../../errors.ts';
import { createLogger } from '../../log.ts';
import { createAdapters, createServices } from '../../wiring.ts';
import { configFromEnvironment, runSafely, wrongArguments } from '../run-safely.ts';

export const summary = 'Import a CSV of staff, pupils or contacts exported from the school’s MIS';
export const usage = 'footprint roster import --school <slug> --kind staff|pupils|contacts <file.csv>';

const isKind = (value: string | undefined): value is RosterKind => rosterKinds.some((kind) => kind === value);

export function run(argv: string[]): Promise<number> {
  let parsed: { values: { school?: string | undefined; kind?: string | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { school: { type: 'string' }, kind: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return Promise.resolve(wrongArguments(usage, (error as Error).message));
  }
  const [verb, file, ...extra] = parsed.positionals;
  const { school: slug, kind } = parsed.values;
  if (verb !== 'import' || file === undefined || extra.length > 0)
    return Promise.resolve(wrongArguments(usage, 'say `roster import` and name one CSV file'));
  if (!slug) return Promise.resolve(wrongArguments(usage, '--school is required (the school’s web address name)'));
  if (!isKind(kind)) return Promise.resolve(wrongArguments(usage, `--kind must be one of ${rosterKinds.join(', ')}`));

  return runSafely(async () => {
    let text: string;
    try {
      // Not fatal on bad bytes: they become U+FFFD, which the checks report as "save as CSV UTF-8".
      text = new TextDecoder('utf-8').decode(readFileSync(file));
    } catch {
      throw new AppError('bad_request', `Cannot read ${file}: check the file name.`);
    }
    const config = configFromEnvironment();
    const adapters = await createAdapters(config, createLogger(config));
    try {
      await adapters.migrate();
      const services = createServices(adapters);
      const school = await services.community.schoolBySlug(slug);
      if (!school) throw new AppError('not_found', `There is no school "${slug}".`);
      const today = adapters.clock.now().toISOString().slice(0, 10);
      const result = await services.roster.import(school.id, kind, text, today);
      for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
      if (!result.ok) {
        for (const e of result.errors) process.stderr.write(`${file}: row ${e.row}, ${e.field}: ${e.message}\n`);
        process.stderr.write(
          `Nothing was imported: correct the ${result.errors.length} problem(s) above and import the file again.\n`,
        );
        return 2;
      }
      const { added, updated, markedLeft, links } = result.summary;
      process.stdout.write(
        `Imported ${kind} into ${school.name}: ${added} added, ${updated} updated` +
          (kind === 'pupils' ? `, ${markedLeft} no longer in the file marked as left` : '') +
          (kind === 'contacts' ? `, ${links} links to pupils` : '') +
          '.\n',
      );
      return 0;
    } finally {
      await adapters.close();
    }
  });
}
