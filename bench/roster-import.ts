// Importing a school's roster: staff, pupils, then contacts, as the upload page does, for a
// 2,000-pupil school beside a 300-pupil one in the same run, on the embedded database (and on
// PostgreSQL when DATABASE_URL is set). The target: a 2,000-pupil school in seconds.
// Run with `npm run bench:roster` (BENCH_PUPILS changes the large school's size).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { generateTrust, rosterFiles } from '../src/domain/demo/index.ts';
import { createLogger } from '../src/log.ts';
import { createAdapters, createServices } from '../src/wiring.ts';

const large = Number(process.env.BENCH_PUPILS ?? 2000);
const today = new Date().toISOString().slice(0, 10);
const dataDir = await mkdtemp(join(tmpdir(), 'footprint-bench-roster-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const adapters = await createAdapters(config, createLogger(config));
try {
  await adapters.migrate();
  const services = createServices(adapters);
  console.log(
    `Importing rosters on the ${adapters.databaseKind === 'pglite' ? 'embedded database' : 'PostgreSQL server'}:`,
  );
  for (const [label, pupils] of [
    ['300-pupil school (baseline)', 300],
    [`${large}-pupil school`, large],
  ] as const) {
    const trust = generateTrust({ seed: pupils, schools: 1, pupilsPerSchool: pupils, today });
    const demo = trust.schools[0]!;
    const school = await adapters.units.acrossSchools(async (store) => {
      const organisation = await store.schools.addOrganisation(trust.organisation);
      return store.schools.addSchool(organisation.id, demo.school);
    });
    const files = rosterFiles(demo);
    const seconds: string[] = [];
    const summaries: string[] = [];
    const started = performance.now();
    for (const kind of ['staff', 'pupils', 'contacts'] as const) {
      const before = performance.now();
      const result = await services.roster.import(school.id, kind, files[kind], today);
      if (!result.ok) throw new Error(`the ${kind} file did not import`);
      seconds.push(`${kind} ${((performance.now() - before) / 1000).toFixed(2)} s`);
      summaries.push(`${kind}: ${JSON.stringify(result.summary)}`);
    }
    const total = (performance.now() - started) / 1000;
    console.log(`  ${label.padEnd(28)} ${total.toFixed(2)} s in all (${seconds.join(', ')})`);
    console.log(`    ${summaries.join('\n    ')}`);
  }
} finally {
  await adapters.close();
  await rm(dataDir, { recursive: true, force: true });
}
