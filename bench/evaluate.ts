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
  const bare = () => measure({ url: `${baseline.url}/`, method: 'POST', headers: json, body, connections });
  const evaluate = () =>
    measure({
      url: `${footprint.url}/api/v1/policies/${largest.slug}/evaluate`,
      method: 'POST',
      headers: json,
      body,
      connections,
    });
  let connections = 10;
  // Ten connections is the yardstick (as for bench:http). On a small machine one run can differ
  // from the next by a tenth, so the two servers take turns three times and the median decides.
  console.log(`\nOver HTTP, ${defaultSeconds} s each, ${connections} connections, loopback, three rounds in turn:`);
  const ratios: number[] = [];
  for (let round = 1; round <= 3; round++) {
    const rows = [
      { name: 'bare Fastify, same JSON body', measurement: await bare() },
      { name: `evaluate (${largest.slug})`, measurement: await evaluate() },
    ];
    printComparison(rows);
    ratios.push(rows[1]!.measurement.requestsPerSecond / rows[0]!.measurement.requestsPerSecond);
  }
  const median = ratios.sort((a, b) => a - b)[1]!;
  console.log(
    `target: at least 0.60× the baseline's requests/s: ${median >= 0.6 ? 'met' : 'NOT met'} (median ${median.toFixed(2)}×; rounds ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
  // One and fifty connections show how the gap moves when the test is bound by latency or by
  // the servers' throughput.
  for (connections of [1, 50]) {
    console.log(`\nOver HTTP, ${defaultSeconds} s each, ${connections} connection(s), loopback:`);
    printComparison([
      { name: 'bare Fastify, same JSON body', measurement: await bare() },
      { name: `evaluate (${largest.slug})`, measurement: await evaluate() },
    ]);
  }
} finally {
  await footprint.close();
  await baseline.close();
}
