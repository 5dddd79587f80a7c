// HTTP throughput of Footprint's start page (every plugin, a rendered template) beside a bare
// Fastify route, both in this process, on loopback, measured in the same run.
// Run with `npm run bench:http`; BENCH_SECONDS sets the seconds per measurement (default 10).
import { defaultSeconds, measure, printComparison, startBaselineServer, startFootprintServer } from './lib.ts';

const baseline = await startBaselineServer();
const footprint = await startFootprintServer();
try {
  console.log(`Measuring ${defaultSeconds} s each, 10 connections, loopback…`);
  const bare = await measure({ url: `${baseline.url}/` });
  const startPage = await measure({ url: `${footprint.url}/` });
  printComparison([
    { name: 'bare Fastify, trivial route', measurement: bare },
    { name: 'Footprint start page', measurement: startPage },
  ]);
} finally {
  await footprint.close();
  await baseline.close();
}
