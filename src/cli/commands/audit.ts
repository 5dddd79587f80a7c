// `footprint audit verify [--school <slug>]`: walks each school's audit chain, and each case's
// chronology, and names the first entry that was altered, removed or reordered. Exit 0 when every chain is whole, 1 when any is not.
import { parseArgs } from 'node:util';
import { describeChainVerdict } from '../../domain/audit/index.ts';
import { isAppError } from '../../errors.ts';
import { createLogger } from '../../log.ts';
import { createAdapters, createServices } from '../../wiring.ts';
import { configFromEnvironment, runSafely, wrongArguments } from '../run-safely.ts';

export const summary = 'Check that each school’s audit log is whole: no entry altered, removed or reordered';
export const usage = 'footprint audit verify [--school <slug>]';

export function run(argv: string[]): Promise<number> {
  let parsed: { values: { school?: string | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { school: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return Promise.resolve(wrongArguments(usage, (error as Error).message));
  }
  const [verb, ...extra] = parsed.positionals;
  if (verb !== 'verify' || extra.length > 0) return Promise.resolve(wrongArguments(usage, 'say `audit verify`'));
  const slug = parsed.values.school;

  return runSafely(async () => {
    const config = configFromEnvironment();
    const adapters = await createAdapters(config, createLogger(config));
    try {
      await adapters.migrate();
      let reports;
      try {
        reports = await createServices(adapters).audit.verify(slug);
      } catch (error) {
        if (isAppError(error) && error.code === 'not_found') return wrongArguments(usage, error.message);
        throw error;
      }
      if (reports.length === 0) process.stdout.write('There are no schools yet, so no audit log to check.\n');
      for (const { school, verdict, cases } of reports) {
        const intact = cases.filter((c) => c.verdict.ok).length;
        const chronologies =
          intact === 0 ? '' : `; ${intact} case ${intact === 1 ? 'chronology' : 'chronologies'} intact`;
        process.stdout.write(`${school.name} (${school.slug}): ${describeChainVerdict(verdict)}${chronologies}\n`);
        for (const { reference, verdict: caseVerdict } of cases) {
          if (!caseVerdict.ok) process.stdout.write(`  case ${reference}: ${describeChainVerdict(caseVerdict)}\n`);
        }
      }
      const broken = reports.filter((report) => !report.verdict.ok || report.cases.some((c) => !c.verdict.ok)).length;
      if (broken === 0) return 0;
      process.stderr.write(
        `footprint: ${broken === 1 ? 'one school’s audit log has' : `${broken} schools’ audit logs have`} been ` +
          'changed outside Footprint, or the database is damaged. Keep a copy of the database as it is now, and ' +
          'tell whoever looks after Footprint and your data protection officer.\n',
      );
      return 1;
    } finally {
      await adapters.close();
    }
  });
}
