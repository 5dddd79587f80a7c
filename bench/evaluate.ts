// Evaluation speed. In process: evaluations per second on one core for each policy in the
// library, beside a policy with no rules. Over HTTP: POST /api/v1/policies/{slug}/evaluate on
// the real app beside a bare Fastify route taking the same JSON body, in the same run.
// Run with `npm run bench:evaluate`; BENCH_SECONDS sets the seconds per HTTP measurement.
import { inProcessReport } from './evaluate-in-process.ts';
import { defaultSeconds, measure, printComparison, startBaselineServer, startFootprintServer } from './lib.ts';

const target = 200_000;
console.log('In process, one core (evaluations per second):');
const rows = inProcessReport();
for (const row of rows) {
  console.log(
    `  ${row.slug.padEnd(24)} ${String(row.rules).padStart(3)} rules  ${Math.round(row.perSecond).toLocaleString('en-GB').padStart(12)}/s`,
  );
}
const largest = rows.slice(1).reduce((a, b) => (b.rules > a.rules ? b : a));
console.log(
  `  largest policy (${largest.slug}): ${Math.round(largest.perSecond).toLocaleString('en-GB')}/s against a target of ${target.toLocaleString('en-GB')}/s: ${largest.perSecond >= target ? 'met' : 'NOT met'}`,
);

const body = JSON.stringify({
  actor: { role: 'staff' },
  act: 'friend_request_accept',
  counterpart: { role: 'pupil', age: 9 },
  context: { platform: 'facebook', outsideSchool: true },
});
const json = { 'content-type': 'application/json' };
const baseline = await startBaselineServer();
const footprint = await startFootprintServer();
try {
  // Ten connections is the yardstick (as for bench:http); one and fifty show how the gap moves
  // when the test is bound by latency or by the servers' throughput.
  for (const connections of [10, 1, 50]) {
    console.log(`\nOver HTTP, ${defaultSeconds} s each, ${connections} connection(s), loopback:`);
    const bare = await measure({ url: `${baseline.url}/`, method: 'POST', headers: json, body, connections });
    const evaluate = await measure({
      url: `${footprint.url}/api/v1/policies/${largest.slug}/evaluate`,
      method: 'POST',
      headers: json,
      body,
      connections,
    });
    printComparison([
      { name: 'bare Fastify, same JSON body', measurement: bare },
      { name: `evaluate (${largest.slug})`, measurement: evaluate },
    ]);
    if (connections === 10) {
      const ratio = evaluate.requestsPerSecond / bare.requestsPerSecond;
      console.log(
        `target: at least 0.60× the baseline's requests/s: ${ratio >= 0.6 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)`,
      );
    }
  }
} finally {
  await footprint.close();
  await baseline.close();
}
