// Independent scenario suites: each of the five encoded published policies is put the situations
// that a close reading of that school's own document settles, one test per scenario.
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/adapters/policy-files/index.ts';
import { evaluate, formatProblem, situationSchema, type Outcome, type Policy } from '../../src/domain/policy/index.ts';
import { actions as knownActions, topics as knownTopics } from '../../src/domain/policy/vocabulary.ts';
import * as bledington from './bledington.scenarios.ts';
import * as heathfieldsWilnecote from './heathfields-wilnecote.scenarios.ts';
import type { Scenario } from './scenario.ts';
import * as westacre from './westacre.scenarios.ts';
import * as wimbledonChase from './wimbledon-chase.scenarios.ts';
import * as wingate from './wingate.scenarios.ts';

const suites: { slug: string; scenarios: Scenario[] }[] = [
  wingate,
  bledington,
  westacre,
  heathfieldsWilnecote,
  wimbledonChase,
];

function describeOutcome(outcome: Outcome): string {
  const findings = outcome.findings.length
    ? outcome.findings.map((f) => `    ${f.rule} [${f.topic}] ${f.modality} → ${f.status}`).join('\n')
    : '    (none)';
  const actions = outcome.actions.length
    ? outcome.actions
        .map((a) => `    ${a.action} (${a.owner}${a.optional ? ', optional' : ''}; ${a.because})`)
        .join('\n')
    : '    (none)';
  return `  verdict: ${outcome.verdict}\n  findings:\n${findings}\n  actions:\n${actions}`;
}

/** Every way the outcome falls short of the scenario's expectation, in words. */
function shortfalls(scenario: Scenario, outcome: Outcome): string[] {
  const { verdict, topics = [], actions = [], forbid = [] } = scenario.expect;
  const problems: string[] = [];
  if (!verdict.includes(outcome.verdict))
    problems.push(`verdict ${outcome.verdict}, expected one of ${verdict.join(' | ')}`);
  const seenTopics = new Set(outcome.findings.map((f) => f.topic));
  if (topics.length > 0 && !topics.some((t) => seenTopics.has(t)))
    problems.push(
      `no finding on any of the topics ${topics.join(', ')} (seen: ${[...seenTopics].join(', ') || 'none'})`,
    );
  const seenActions = new Set(outcome.actions.map((a) => a.action));
  const missing = actions.filter((a) => !seenActions.has(a));
  if (missing.length > 0) problems.push(`missing actions ${missing.join(', ')}`);
  const unwanted = forbid.filter((a) => seenActions.has(a));
  if (unwanted.length > 0) problems.push(`actions this school's document never calls for here: ${unwanted.join(', ')}`);
  return problems;
}

for (const { slug, scenarios } of suites) {
  describe(`${slug}: scenarios from the school's own document`, () => {
    const loaded = loadPolicy(slug);
    const policy: Policy | undefined = loaded.ok ? loaded.policy : undefined;
    const loadProblem = loaded.ok
      ? ''
      : loaded.file === undefined
        ? loaded.notFound
        : loaded.problems.map((p) => formatProblem(loaded.file, p)).join('\n');

    it('has at least 15 scenarios with distinct names', () => {
      expect(scenarios.length).toBeGreaterThanOrEqual(15);
      const names = scenarios.map((s) => s.name);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    });

    it('the encoded policy loads', () => {
      if (!policy) expect.fail(`policies/published/${slug}.yaml does not load:\n${loadProblem}`);
    });

    for (const scenario of scenarios) {
      it(scenario.name, () => {
        if (!policy) expect.fail(`policy ${slug} did not load:\n${loadProblem}`);
        const outcome = evaluate(policy, situationSchema.parse(scenario.situation));
        const problems = shortfalls(scenario, outcome);
        if (problems.length > 0) {
          expect.fail(
            [
              `${slug} — ${scenario.name}`,
              `document: ${scenario.source}`,
              ...problems.map((p) => `✗ ${p}`),
              'engine answered:',
              describeOutcome(outcome),
            ].join('\n'),
          );
        }
      });
    }
  });
}

describe('scenario situations and expectations are well formed', () => {
  const all = suites.flatMap(({ slug, scenarios }) => scenarios.map((s) => ({ slug, s })));
  for (const { slug, s } of all) {
    it(`${slug}: ${s.name}`, () => {
      const parsed = situationSchema.safeParse(s.situation);
      if (!parsed.success)
        expect.fail(
          `invalid situation: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      expect(s.expect.verdict.length).toBeGreaterThan(0);
      for (const t of s.expect.topics ?? []) expect(knownTopics).toContain(t);
      for (const a of [...(s.expect.actions ?? []), ...(s.expect.forbid ?? [])]) expect(knownActions).toContain(a);
      const clash = (s.expect.actions ?? []).filter((a) => (s.expect.forbid ?? []).includes(a));
      expect(clash, 'an action cannot be both expected and forbidden').toEqual([]);
      // A topic can only be found when a rule applies, so expecting one rules out not_covered.
      if ((s.expect.topics ?? []).length > 0) expect(s.expect.verdict).not.toContain('not_covered');
      expect(s.source.trim()).not.toBe('');
    });
  }
});
