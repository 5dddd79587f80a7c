import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { librarySlugs, loadPolicy } from '../../../src/adapters/policy-files/index.ts';
import { evaluate, type Policy, type Situation, type Verdict } from '../../../src/domain/policy/index.ts';
import { situationArbitrary } from './arbitraries.ts';

const rank: Record<Verdict, number> = { not_covered: 0, permitted: 1, advised_against: 2, breach: 3 };

const policies: [string, Policy][] = librarySlugs().map((slug) => {
  const loaded = loadPolicy(slug);
  if (!loaded.ok) throw new Error(`${slug} does not load`);
  return [slug, loaded.policy];
});

/** The same situation with every approval and declaration the policies ask for on record. */
function withApprovals(s: Situation): Situation {
  return {
    ...s,
    actor: { ...s.actor, approved: true, credentialsShared: true, riskAssessed: true },
    ...(s.counterpart ? { counterpart: { ...s.counterpart, approved: true, declared: true } } : {}),
  };
}

describe.each(policies)('the %s policy, for any valid situation', (_slug, policy) => {
  it('answers without throwing, with a verdict that agrees with its findings', () => {
    fc.assert(
      fc.property(situationArbitrary, (s) => {
        const outcome = evaluate(policy, s);
        const statuses = outcome.findings.map((f) => f.status);
        expect(outcome.findings.length === 0).toBe(outcome.verdict === 'not_covered');
        expect(statuses.includes('violated')).toBe(
          outcome.verdict === 'breach' || outcome.verdict === 'advised_against',
        );
        expect(new Set(outcome.actions.map((a) => a.action)).size).toBe(outcome.actions.length);
      }),
      { numRuns: 400 },
    );
  });

  it('is never made stricter by an approval or declaration being on record', () => {
    fc.assert(
      fc.property(situationArbitrary, (s) => {
        expect(rank[evaluate(policy, withApprovals(s)).verdict]).toBeLessThanOrEqual(rank[evaluate(policy, s).verdict]);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the identical outcome to the identical question', () => {
    fc.assert(
      fc.property(situationArbitrary, (s) => {
        const copy = structuredClone(s);
        expect(JSON.stringify(evaluate(policy, copy))).toBe(JSON.stringify(evaluate(policy, s)));
        expect(copy).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });
});
