// How fast one school's people and pupils are listed when the database holds a whole trust:
// 50 schools of 2,000 pupils (about 3,000 carers each), beside the same queries on a school of
// 300 pupils measured in the same run; then the /people page itself over HTTP, the real app
// with every plugin (session, CSRF, templates), signed in as the big school's Headteacher, beside
// the start page and a bare Fastify route in the same run. Needs PostgreSQL:
// DATABASE_URL=postgres://… npm run bench:people (BENCH_SCHOOLS and BENCH_PUPILS change the size).
// The database must be empty; it is filled here.
import { generateTrust } from '../src/domain/demo/index.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import type { Page } from '../src/services/ports.ts';
import { buildApp } from '../src/web/app.ts';
import { createAdapters, createServices } from '../src/wiring.ts';
import { signInOverHttp, startBaselineServer } from './lib.ts';

if (!process.env.DATABASE_URL) {
  console.log('bench:people measures PostgreSQL: set DATABASE_URL to an empty database and run it again.');
  process.exit(0);
}
const schools = Number(process.env.BENCH_SCHOOLS ?? 50);
const pupils = Number(process.env.BENCH_PUPILS ?? 2000);
const today = '2026-11-22';
// The rate limit stays in the chain, set high enough not to turn the load into 429s.
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: String(1e9) });
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

// The page as a Headteacher sees it: over HTTP, on loopback, one request at a time.
const headEmail = 'bench-head@bench.example';
const [head] = await adapters.units.inSchool(big.id, (store) =>
  store.people.add([
    {
      person: { givenName: 'Bench', familyName: 'Head', email: headEmail },
      roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
    },
  ]),
);
const account = await services.access.addAccount(big.id, head!.id, headEmail);
const benchPassword = 'harbour lantern meadow bench';
await services.access.setPassword(big.id, account.id, benchPassword);
const key = adapters.crypto.totp.newSecret();
await adapters.units.inSchool(big.id, (store) =>
  store.accounts.change(account.id, { totpSecret: adapters.crypto.secrets.seal(key, account.id) }, new Date()),
);

const app = await buildApp(services, { config });
const footprint = await app.listen({ port: 0, host: '127.0.0.1' });
const bare = await startBaselineServer();

const cookie = await signInOverHttp(footprint, headEmail, benchPassword, key);

async function pageTimings(url: string, check: (body: string) => boolean, times = 200) {
  const once = async () => {
    const response = await fetch(url, { headers: { cookie } });
    const body = await response.text();
    if (response.status !== 200 || !check(body)) throw new Error(`${url} answered ${response.status}`);
  };
  for (let i = 0; i < 20; i++) await once();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    await once();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(times / 2)]!, p95: ms[Math.floor(times * 0.95)]! };
}

const fullPage = (body: string) => (body.match(/data-qa="person-row"/g) ?? []).length === 50;
const pages = {
  'bare Fastify, trivial route (peer)': () => pageTimings(`${bare.url}/`, (body) => body.includes('ok')),
  'start page (baseline)': () => pageTimings(`${footprint}/`, (body) => body.includes('data-qa')),
  '/people, first page': () => pageTimings(`${footprint}/people`, fullPage),
  '/people?q=son': () => pageTimings(`${footprint}/people?q=son`, fullPage),
  '/people?role=pupil, page 20': () => pageTimings(`${footprint}/people?role=pupil&page=20`, fullPage),
  '/people, page 80': () => pageTimings(`${footprint}/people?page=80`, fullPage),
};
console.log(`\nPage times in ms over HTTP (p50 / p95 of 200, one at a time), the ${pupils}-pupil school:`);
try {
  for (const [name, run] of Object.entries(pages)) {
    const { p50, p95 } = await run();
    console.log(`  ${name.padEnd(36)} ${p50.toFixed(1).padStart(6)} / ${p95.toFixed(1).padStart(6)}`);
  }
  console.log('  (target for the /people pages: under 100 ms)');
} finally {
  await app.close();
  await bare.close();
  await adapters.close();
}
