// A school's published policy, compiled once per version: the checker and incident assessment
// both ask it questions many times a day, and a published version never changes. `within` is
// the transaction a caller is in, if any.
import { compilePolicy, evaluate, type Outcome, type Situation } from '../domain/policy/index.ts';
import type { Policy } from '../domain/policy/index.ts';
import type { PolicyVersion } from '../domain/school-policy/versions.ts';
import type { Store } from './ports.ts';

export interface PublishedPolicies {
  /** The school's answer from the version published now; undefined when it has published none. */
  answer(
    schoolId: string,
    situation: Situation,
    within?: Store,
  ): Promise<{ version: PolicyVersion; outcome: Outcome } | undefined>;
}

export function publishedPolicies(store: Store): PublishedPolicies {
  const compiled = new Map<string, Policy>();
  return {
    async answer(schoolId, situation, within = store) {
      const version = await within.policyVersions.published(schoolId);
      if (!version) return undefined;
      let policy = compiled.get(version.id);
      if (!policy) {
        policy = version.document;
        compilePolicy(policy);
        compiled.set(version.id, policy);
      }
      return { version, outcome: evaluate(policy, situation) };
    },
  };
}
