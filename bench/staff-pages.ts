// The pages staff work in, signed in as a Headteacher of one school in a 50-school trust on
// PostgreSQL: home, /people, /incidents, a case and the monitoring inbox, each under load from
// 50 connections, beside a bare Fastify route in the same run; and how many SQL statements each
// page sends (transaction control included). Needs PostgreSQL:
// DATABASE_URL=postgres://… npm run bench:staff-pages (BENCH_SCHOOLS, BENCH_PUPILS, BENCH_SECONDS).
// The database must be empty; it is filled here.
import { generateTrust } from '../src/domain/demo/index.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { buildApp } from '../src/web/app.ts';
import { createAdapters, createServices } from '../src/wiring.ts';
import { defaultSeconds, measure, printComparison, signInOverHttp, startBaselineServer } from './lib.ts';

if (!process.env.DATABASE_URL) {
  console.log('bench:staff-pages measures PostgreSQL: set DATABASE_URL to an empty database and run it again.');
  process.exit(0);
}
const schools = Number(process.env.BENCH_SCHOOLS ?? 50);
const pupils = Number(process.env.BENCH_PUPILS ?? 1000);
const today = '2026-11-22';
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: String(1e9) });
const adapters = await createAdapters(config, createLogger(config));
await adapters.migrate();
const services = createServices(adapters);

console.log(`Filling: ${schools} schools of ${pupils} pupils…`);
const started = Date.now();
const slugs: string[] = [];
for (let batch = 0; batch * 10 < schools; batch++) {
  const trust = generateTrust({
    seed: 300 + batch,
    today,
    schools: Math.min(10, schools - batch * 10),
    pupilsPerSchool: pupils,
  });
  // Trusts made from different seeds may reuse a name or URN: make each one unique to this run.
  trust.schools.forEach((s, i) => {
    s.school.slug = `${s.school.slug}-${batch}-${i}`;
    s.school.urn = String(700000 + batch * 10 + i);
  });
  slugs.push(...(await services.demo.write(trust)).map((written) => written.slug));
}
const school = (await services.community.schoolBySlug(slugs[Math.floor(slugs.length / 2)]!))!;

// The Headteacher, with an authenticator, who handles incidents and reads the monitoring inbox.
const email = 'bench-head@bench.example';
const password = 'harbour lantern meadow bench';
const [head] = await adapters.units.inSchool(school.id, (store) =>
  store.people.add([
    {
      person: { givenName: 'Bench', familyName: 'Head', email },
      roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
    },
  ]),
);
const account = await services.access.addAccount(school.id, head!.id, email);
await services.access.setPassword(school.id, account.id, password);
const key = adapters.crypto.totp.newSecret();
await adapters.units.inSchool(school.id, (store) =>
  store.accounts.change(account.id, { totpSecret: adapters.crypto.secrets.seal(key, account.id) }, new Date()),
);
const viewer = (await services.access.viewer(school.id, account.id))!;
const cases = Number(process.env.BENCH_CASES ?? 40);
for (let i = 0; i < cases; i++) {
  const reported = await services.incidents.reportAsStaff(
    viewer,
    {
      kind: 'message',
      what: `A message sent to a pupil late at night, number ${i + 1}`,
      aboutRole: 'pupil',
      childInvolved: 'yes',
    },
    [],
  );
  if (!reported.ok) throw new Error(`A bench case was refused: ${JSON.stringify(reported.errors)}`);
}
for (let i = 0; i < 60; i++) {
  const captured = await services.monitoring.capture(viewer, {
    text: `Post ${i + 1} in the parents' group about the school fair and the car park`,
    url: '',
    where: "Parents' group",
  });
  if (!captured.ok) throw new Error('A bench mention was refused');
}
console.log(
  `Filled in ${((Date.now() - started) / 1000).toFixed(0)} s, with ${cases} cases and 60 mentions in one school.`,
);

const app = await buildApp(services, { config });
const footprint = await app.listen({ port: 0, host: '127.0.0.1' });
const bare = await startBaselineServer();
try {
  const cookie = await signInOverHttp(footprint, email, password, key);
  const dashboard = await (await fetch(`${footprint}/incidents`, { headers: { cookie } })).text();
  const caseId = /\/incidents\/([0-9a-f-]{36})/.exec(dashboard)?.[1];
  if (!caseId) throw new Error('The incidents page lists no case to open');
  const pages = {
    "Headteacher's home": '/home',
    '/people': '/people',
    '/incidents': '/incidents',
    'a case': `/incidents/${caseId}`,
    'monitoring inbox': '/monitoring',
  };

  console.log('\nSQL statements per page (mean of 20 requests, one at a time; begin, commit and set_config count):');
  for (const [name, path] of Object.entries(pages)) {
    const before = adapters.statementsSent();
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${footprint}${path}`, { headers: { cookie } });
      await response.text();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    }
    console.log(
      `  ${name.padEnd(20)} ${((adapters.statementsSent() - before) / 20).toFixed(1).padStart(5)}   (aim: at most 6)`,
    );
  }

  console.log(`\nMeasuring ${defaultSeconds} s each, 50 connections, loopback (target: p99 under 100 ms):`);
  const rows = [
    { name: 'bare Fastify, trivial route', measurement: await measure({ url: `${bare.url}/`, connections: 50 }) },
  ];
  for (const [name, path] of Object.entries(pages)) {
    rows.push({
      name,
      measurement: await measure({ url: `${footprint}${path}`, headers: { cookie }, connections: 50 }),
    });
  }
  printComparison(rows);
} finally {
  await app.close();
  await bare.close();
  await adapters.close();
}
