// In-process evaluation speed: evaluations per second for each encoded policy on one core,
// beside a policy with no rules (the engine's fixed cost) measured in the same run.
import fc from 'fast-check';
import { librarySlugs, loadPolicy } from '../src/adapters/policy-files/index.ts';
import { evaluate, parsePolicy, type Policy, type Situation } from '../src/domain/policy/index.ts';
import { situationArbitrary } from '../test/unit/policy/arbitraries.ts';

/** A fixed, repeatable mix of situations: the same every run. */
export const situations: Situation[] = fc.sample(situationArbitrary, { seed: 20261122, numRuns: 512 });

const emptyPolicy = (() => {
  const parsed = parsePolicy(
    'slug: empty\ntitle: Empty\nissuedTo: [A school]\nstatus: draft\nversion: "1"\naudiences: [staff]\nsections: [{ id: A, heading: Nothing }]\n',
  );
  if (!parsed.ok) throw new Error('the empty policy should parse');
  return parsed.policy;
})();

export function evaluationsPerSecond(policy: Policy, seconds = 1): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += evaluate(policy, situations[i % situations.length]!).findings.length;
  let count = 0;
  const started = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - started < budget) {
    for (let i = 0; i < 1000; i++)
      sink += evaluate(policy, situations[(count + i) % situations.length]!).findings.length;
    count += 1000;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (sink < 0) console.log(sink);
  return count / elapsed;
}

export function inProcessReport(): { slug: string; rules: number; perSecond: number }[] {
  const rows = [{ slug: '(no rules: baseline)', rules: 0, perSecond: evaluationsPerSecond(emptyPolicy) }];
  for (const slug of librarySlugs()) {
    const loaded = loadPolicy(slug);
    if (!loaded.ok) throw new Error(`${slug} does not load`);
    rows.push({ slug, rules: loaded.policy.rules.length, perSecond: evaluationsPerSecond(loaded.policy) });
  }
  return rows;
}
