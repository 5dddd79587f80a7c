// Asking a school's policy a question: find the policy, check the situation, evaluate it.
import { evaluate, situationSchema, type Outcome, type ParseResult, type Policy } from '../domain/policy/index.ts';

/** Where the encoded policies come from (files today; the school's own versions later). */
export interface PolicyLibrary {
  /** A policy by slug, or undefined when the library has no such policy. */
  find(slug: string): ParseResult | undefined;
  slugs(): string[];
}

export interface InvalidField {
  field: string;
  message: string;
}

export type EvaluationResult =
  | { kind: 'outcome'; outcome: Outcome }
  | { kind: 'unknown_policy'; slugs: string[] }
  | { kind: 'invalid_policy'; problems: InvalidField[] }
  | { kind: 'invalid_situation'; problems: InvalidField[] };

/** Checks a situation against the contract; each problem names the field to fix. */
export function checkSituation(input: unknown): { ok: true; situation: ReturnType<typeof situationSchema.parse> } | { ok: false; problems: InvalidField[] } {
  const result = situationSchema.safeParse(input);
  if (result.success) return { ok: true, situation: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(situation)',
      message: issue.message,
    })),
  };
}

export function createPolicyService(library: PolicyLibrary) {
  const cache = new Map<string, Policy>();

  function policyFor(slug: string): EvaluationResult | Policy {
    const cached = cache.get(slug);
    if (cached) return cached;
    const found = library.find(slug);
    if (!found) return { kind: 'unknown_policy', slugs: library.slugs() };
    if (!found.ok) {
      return {
        kind: 'invalid_policy',
        problems: found.problems.map((p) => ({ field: p.path, message: `line ${p.line}: ${p.message}` })),
      };
    }
    cache.set(slug, found.policy);
    return found.policy;
  }

  return {
    slugs: () => library.slugs(),
    evaluate(slug: string, input: unknown): EvaluationResult {
      const policy = policyFor(slug);
      if ('kind' in policy) return policy;
      const checked = checkSituation(input);
      if (!checked.ok) return { kind: 'invalid_situation', problems: checked.problems };
      return { kind: 'outcome', outcome: evaluate(policy, checked.situation) };
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
