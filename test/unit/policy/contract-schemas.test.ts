// The evaluation contract's JSON Schemas (kept in docs/contract/) and our zod schemas must
// accept and reject exactly the same documents, and every outcome must fit the contract.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { librarySlugs, loadPolicy } from '../../../src/adapters/policy-files/index.ts';
import { evaluate, situationSchema } from '../../../src/domain/policy/index.ts';
import { nearSituationArbitrary, situationArbitrary } from './arbitraries.ts';

const contract = (name: string): object =>
  JSON.parse(readFileSync(new URL(`../../../docs/contract/${name}.schema.json`, import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true });
const contractAccepts = ajv.compile(contract('situation'));
const outcomeFits = ajv.compile(contract('outcome'));

describe('the situation schemas', () => {
  it('agree on every document, valid or not', () => {
    fc.assert(
      fc.property(nearSituationArbitrary, (doc) => {
        expect(situationSchema.safeParse(doc).success).toBe(contractAccepts(doc));
      }),
      { numRuns: 2000 },
    );
  });

  it('agree on hand-picked edge cases', () => {
    const docs: unknown[] = [
      { actor: { role: 'staff' }, act: 'post' },
      { actor: { role: 'staff' } },
      { actor: { role: 'staff', age: 0 }, act: 'post' },
      { actor: { role: 'staff', age: -1 }, act: 'post' },
      { actor: { role: 'staff' }, act: 'post', context: { platform: '' } },
      { actor: { role: 'staff' }, act: 'post', content: { about: [] } },
      { actor: { role: 'staff' }, act: 'post', content: { images: [] } },
      null,
      'post',
    ];
    for (const doc of docs)
      expect(situationSchema.safeParse(doc).success, JSON.stringify(doc)).toBe(contractAccepts(doc));
  });
});

describe('every outcome', () => {
  const loaded = loadPolicy('bledington');
  if (!loaded.ok) throw new Error('bledington does not load');
  it('fits the contract outcome schema', () => {
    fc.assert(
      fc.property(situationArbitrary, (s) => {
        expect(outcomeFits(evaluate(loaded.policy, s)), JSON.stringify(outcomeFits.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  // The API writes outcomes with the plain JSON serialiser, so nothing but the contract's
  // fields may ever be on them, from any policy in the library.
  const outcomeKeys = ['policy', 'verdict', 'findings', 'actions'];
  const policyKeys = ['slug', 'version', 'title'];
  const findingKeys = ['rule', 'section', 'topic', 'modality', 'status', 'summary', 'exception'];
  const actionKeys = ['action', 'owner', 'because', 'optional', 'if', 'deadline'];
  const policies = librarySlugs().map((slug) => {
    const found = loadPolicy(slug);
    if (!found.ok) throw new Error(`${slug} does not load`);
    return found.policy;
  });
  it('carries only the contract’s fields, from every policy in the library', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policies), situationArbitrary, (policy, s) => {
        const outcome = evaluate(policy, s);
        expect(policyKeys).toEqual(expect.arrayContaining(Object.keys(outcome.policy)));
        expect(outcomeKeys).toEqual(expect.arrayContaining(Object.keys(outcome)));
        for (const finding of outcome.findings)
          expect(findingKeys).toEqual(expect.arrayContaining(Object.keys(finding)));
        for (const action of outcome.actions) expect(actionKeys).toEqual(expect.arrayContaining(Object.keys(action)));
      }),
      { numRuns: 1000 },
    );
  });
});
