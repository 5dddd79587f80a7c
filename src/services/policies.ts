// Asking a school's policy a question: find the policy, evaluate the situation against it.
import {
  evaluate,
  situationSchema,
  type Outcome,
  type ParseResult,
  type Policy,
  type Situation,
} from '../domain/policy/index.ts';

/** Where the encoded policies come from (files today; each school's own versions later). */
export interface PolicyLibrary {
  /** A policy by slug, or undefined when the library has no such policy. */
  find(slug: string): ParseResult | undefined;
  slugs(): string[];
}

export interface InvalidField {
  field: string;
  message: string;
}

/** Checks a situation against the contract; each problem names the field to fix. */
export function checkSituation(
  input: unknown,
): { ok: true; situation: Situation } | { ok: false; problems: InvalidField[] } {
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
  const loaded = new Map<string, Policy>();

  /** The policy with this slug; a library file that does not validate is a fault, not a user's mistake. */
  function find(slug: string): Policy | undefined {
    const cached = loaded.get(slug);
    if (cached) return cached;
    const found = library.find(slug);
    if (!found) return undefined;
    if (!found.ok) throw new Error(`the policy library's "${slug}" does not validate (footprint policy validate)`);
    loaded.set(slug, found.policy);
    return found.policy;
  }

  return {
    find,
    list(): { slug: string; title: string; version: string; issuedTo: string[] }[] {
      return library.slugs().flatMap((slug) => {
        const policy = find(slug);
        return policy ? [{ slug, title: policy.title, version: policy.version, issuedTo: policy.issuedTo }] : [];
      });
    },
    /** The policy's answer, or undefined when there is no such policy. */
    evaluate(slug: string, situation: Situation): Outcome | undefined {
      const policy = find(slug);
      return policy ? evaluate(policy, situation) : undefined;
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
