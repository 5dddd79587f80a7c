// How fast one school's people and pupils are listed when the database holds a whole trust:
// 50 schools of 2,000 pupils (about 3,000 carers each), beside the same queries on a school of
// 300 pupils measured in the same run. Needs PostgreSQL: DATABASE_URL=postgres://… npm run bench:people
// (BENCH_SCHOOLS and BENCH_PUPILS change the size). The database must be empty; it is filled here.
import { generateTrust } from '../src/domain/demo/index.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import type { Page } from '../src/services/ports.ts';
import { createAdapters, createServices } from '../src/wiring.ts';

if (!process.env.DATABASE_URL) {
  console.log('bench:people measures PostgreSQL: set DATABASE_URL to an empty database and run it again.');
  process.exit(0);
}
const schools = Number(process.env.BENCH_SCHOOLS ?? 50);
const pupils = Number(process.env.BENCH_PUPILS ?? 2000);
const today = '2026-11-22';
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const adapters = await createAdapters(config, createLogger(config));
await adapters.migrate();
const services = createServices(adapters);

console.log(`Filling: ${schools} schools of ${pupils} pupils, and one of 300…`);
const started = Date.now();
const slugs: string[] = [];
for (let batch = 0; batch * 10 < schools; batch++) {
  const trust = generateTrust({
    seed: 100 + batch,
    today,
    schools: Math.min(10, schools - batch * 10),
    pupilsPerSchool: pupils,
  });
  // Trusts made from different seeds may reuse a name or URN: make each one unique to this run.
  trust.schools.forEach((s, i) => {
    s.school.slug = `${s.school.slug}-${batch}-${i}`;
    s.school.urn = String(800000 + batch * 10 + i);
  });
  const written = await services.demo.write(trust);
  slugs.push(...written.map((w) => w.slug));
}
const small = generateTrust({ seed: 1, today, schools: 1, pupilsPerSchool: 300 });
small.schools[0]!.school.slug = 'bench-small-school';
small.schools[0]!.school.urn = '799999';
await services.demo.write(small);
console.log(`Filled in ${((Date.now() - started) / 1000).toFixed(0)} s.`);

async function timings(run: () => Promise<Page<unknown>>, times = 60): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    await run();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(times / 2)]!, p95: ms[Math.floor(times * 0.95)]! };
}

const big = (await services.community.schoolBySlug(slugs[Math.floor(slugs.length / 2)]!))!;
const little = (await services.community.schoolBySlug('bench-small-school'))!;
const queries = {
  'people, first page of 50': (id: string) => services.community.people(id, { limit: 50, offset: 0 }),
  'people, last page of 50': (id: string) => services.community.people(id, { limit: 50, offset: 3000 }),
  'people, search "son"': (id: string) => services.community.people(id, { search: 'son', limit: 50, offset: 0 }),
  'parents only, first page': (id: string) => services.community.people(id, { role: 'parent', limit: 50, offset: 0 }),
  'pupils on roll, first page': (id: string) =>
    services.community.pupils(id, { onRollOn: today, limit: 50, offset: 0 }),
  'pupils, Year 4': (id: string) => services.community.pupils(id, { yearGroup: '4', limit: 50, offset: 0 }),
};
console.log(
  `\nQuery times in ms (p50 / p95 of 60), a ${pupils}-pupil school among ${schools} beside a 300-pupil school:`,
);
for (const [name, run] of Object.entries(queries)) {
  const large = await timings(() => run(big.id));
  const baseline = await timings(() => run(little.id));
  console.log(
    `  ${name.padEnd(28)} ${large.p50.toFixed(1).padStart(6)} / ${large.p95.toFixed(1).padStart(6)}   baseline ${baseline.p50.toFixed(1).padStart(5)} / ${baseline.p95.toFixed(1).padStart(5)}`,
  );
}
await adapters.close();
