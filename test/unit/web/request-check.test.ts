// The compiled check on the evaluate route must decide exactly as the zod schema does, and
// answer a refusal with the same problem, field by field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { situationSchema } from '../../../src/domain/policy/index.ts';
import { AppError } from '../../../src/errors.ts';
import { compileRequestCheck, parseRequest } from '../../../src/web/validation.ts';
import { nearSituationArbitrary } from '../policy/arbitraries.ts';

function outcomeOf(check: (input: unknown) => unknown, input: unknown) {
  try {
    return { accepted: true, value: check(input) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { accepted: false, problem: { message: error.message, fields: error.fields } };
  }
}

describe('A compiled request check', () => {
  const compiled = compileRequestCheck(situationSchema);
  const byZod = (input: unknown) => parseRequest(situationSchema, input);

  it('accepts and refuses situations exactly as the zod schema does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearSituationArbitrary, (doc) => {
        const fast = outcomeOf(compiled, doc);
        expect(fast).toEqual(outcomeOf(byZod, doc));
        if (fast.accepted) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Both kinds of document were tried, not only one.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2700);
  });

  it('refuses a list that names the same value twice, which only a refinement says in zod', () => {
    const doc = { actor: { role: 'staff' }, act: 'post', content: { labels: ['racist', 'racist'] } };
    expect(outcomeOf(compiled, doc)).toMatchObject({
      accepted: false,
      problem: { fields: [{ field: 'content.labels' }] },
    });
  });

  it('refuses to be built on a schema that transforms what it checks', () => {
    const lowercased = z.strictObject({ name: z.string().transform((s) => s.toLowerCase()) });
    expect(() => compileRequestCheck(lowercased)).toThrow();
  });
});
