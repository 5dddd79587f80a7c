import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '../../../src/domain/policy/index.ts';
import { modalities } from '../../../src/domain/policy/vocabulary.ts';
import { diffPolicies, isUnchanged } from '../../../src/domain/school-policy/diff.ts';

const model = (() => {
  const parsed = parsePolicy(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'policies', 'model.yaml'), 'utf8'),
  );
  if (!parsed.ok) throw new Error('the model policy does not parse');
  return parsed.policy;
})();

const withRule = (policy: Policy, id: string, change: (rule: Policy['rules'][number]) => Policy['rules'][number]) => ({
  ...policy,
  rules: policy.rules.map((rule) => (rule.id === id ? change(rule) : rule)),
});

describe('diffPolicies', () => {
  it('finds nothing between a policy and itself, nor in its record keeping', () => {
    const kept = {
      ...model,
      status: 'published' as const,
      version: '9.0',
      history: [],
      dates: { updated: [], ratified: ['2026-01-01'] },
    };
    expect(isUnchanged(diffPolicies(model, kept))).toBe(true);
  });

  it('says a rule now forbids what it advised against, in words a governor reads', () => {
    const rule = model.rules.find((r) => r.modality === 'should_not')!;
    const diff = diffPolicies(
      model,
      withRule(model, rule.id, (r) => ({ ...r, modality: 'must_not' })),
    );
    expect(diff.rules).toEqual([
      expect.objectContaining({
        id: rule.id,
        kind: 'changed',
        aspects: ['modality'],
        description: `Rule ${rule.id} now forbids (must not) where it advised against it (should not).`,
      }),
    ]);
    expect(diff.procedures).toEqual([]);
    expect(diff.document).toEqual([]);
  });

  it('names added and removed rules with their words', () => {
    const [first, ...rest] = model.rules;
    const added = { ...first!, id: 'Z9', summary: 'Staff must not livestream lessons.' };
    const diff = diffPolicies(model, { ...model, rules: [...rest, added] });
    expect(diff.rules.map((change) => [change.id, change.kind])).toEqual([
      ['Z9', 'added'],
      [first!.id, 'removed'],
    ]);
    expect(diff.rules[0]!.description).toContain('"Staff must not livestream lessons."');
    expect(diff.rules[1]!.description).toContain(first!.summary);
  });

  it('names every changed rule and nothing else, whatever set of rules changes', () => {
    const ids = model.rules.map((rule) => rule.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 8 }),
        fc.constantFrom('summary', 'modality', 'audience'),
        (changed, aspect) => {
          let after: Policy = model;
          for (const id of changed) {
            after = withRule(after, id, (rule) => {
              if (aspect === 'summary') return { ...rule, summary: `${rule.summary} (reworded)` };
              if (aspect === 'modality') return { ...rule, modality: modalities.find((m) => m !== rule.modality)! };
              return {
                ...rule,
                audience: rule.audience.includes('visitor')
                  ? rule.audience.filter((r) => r !== 'visitor').concat(rule.audience.length === 1 ? ['staff'] : [])
                  : [...rule.audience, 'visitor'],
              };
            });
          }
          const diff = diffPolicies(model, after);
          expect(diff.rules.map((change) => change.id).sort()).toEqual([...changed].sort());
          for (const change of diff.rules) expect(change.aspects).toEqual([aspect]);
          expect(diff.procedures).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
