// What a school's website sends people to: the published policy page, its PDF and a "Check the
// policy" answer, over HTTP beside the start page and a bare Fastify route, in the same run; then
// printing the PDF in process beside rendering the same document to HTML.
// Run with `npm run bench:policy-pages`; BENCH_SECONDS sets the seconds per measurement (default 10).
import { performance } from 'node:perf_hooks';
import { printPolicy } from '../src/adapters/pdf/index.ts';
import { generateTrust } from '../src/domain/demo/index.ts';
import { documentModel, policyToHtml } from '../src/domain/policy/render/index.ts';
import { createServices, loadPolicy } from '../src/wiring.ts';
import { defaultSeconds, measure, printComparison, startBaselineServer, startFootprintServer } from './lib.ts';

let slug = '';
const baseline = await startBaselineServer();
const footprint = await startFootprintServer(async (adapters) => {
  // A demo school, whose model policy the demo publishes.
  const trust = generateTrust({ seed: 5, schools: 1, pupilsPerSchool: 20, today: '2026-11-22' });
  const [school] = await createServices(adapters).demo.write(trust);
  slug = school!.slug;
});
const nativity = new URLSearchParams([
  ['role', 'parent'],
  ['act', 'post'],
  ['images', 'own_child'],
  ['images', 'other_pupils'],
  ['consent', 'no'],
  ['event', 'yes'],
  ['about', 'none'],
  ['content', 'none'],
  ['channel', 'personal'],
  ['visibility', 'public'],
  ['where', 'none'],
]);
try {
  console.log(`Measuring ${defaultSeconds} s each, 10 connections, loopback…`);
  const rows = [
    { name: 'bare Fastify, trivial route', measurement: await measure({ url: `${baseline.url}/` }) },
    { name: 'Footprint start page', measurement: await measure({ url: `${footprint.url}/` }) },
    { name: 'published policy page', measurement: await measure({ url: `${footprint.url}/s/${slug}/policy` }) },
    {
      name: 'policy PDF (kept once printed)',
      measurement: await measure({ url: `${footprint.url}/s/${slug}/policy.pdf` }),
    },
    {
      name: 'check the policy: the answer',
      measurement: await measure({ url: `${footprint.url}/s/${slug}/check/answer?${nativity.toString()}` }),
    },
  ];
  printComparison(rows);

  const model = loadPolicy('model');
  if (!model.ok) throw new Error('The model policy does not load');
  const modelDocument = documentModel(model.policy);
  const time = async (work: () => unknown, rounds: number) => {
    for (let i = 0; i < 3; i++) await work();
    const start = performance.now();
    for (let i = 0; i < rounds; i++) await work();
    return (performance.now() - start) / rounds;
  };
  const html = await time(() => policyToHtml(modelDocument), 200);
  const pdf = await time(() => printPolicy(modelDocument, { schoolName: 'Bench Primary' }), 20);
  console.log(`Model policy (${modelDocument.sections.length} sections) rendered to HTML: ${html.toFixed(2)} ms`);
  console.log(`Model policy printed to PDF: ${pdf.toFixed(1)} ms (${(pdf / html).toFixed(0)}× the HTML)`);
} finally {
  await footprint.close();
  await baseline.close();
}
