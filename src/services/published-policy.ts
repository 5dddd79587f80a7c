// A school's published policy, compiled once per version: the checker and incident assessment
// both ask it questions many times a day, and a published version's text never changes. The
// caller brings the unit of work it is in, scoped to the school.
import { compilePolicy, evaluate, type Outcome, type Situation } from '../domain/policy/index.ts';
import type { Policy } from '../domain/policy/index.ts';
import type { PolicyVersion } from '../domain/school-policy/versions.ts';
import type { SchoolStore } from './ports.ts';

export interface PublishedAnswer {
  version: PolicyVersion;
  outcome: Outcome;
}

/** Enough versions to answer for many schools at once; the oldest read is let go first. */
const versionsKept = 256;

/** By version id: the document first read, compiled (compilePolicy keeps what it compiles by the object). */
const compiled = new Map<string, Policy>();

function compiledOf(version: PolicyVersion): Policy {
  let policy = compiled.get(version.id);
  if (policy) {
    compiled.delete(version.id);
  } else {
    policy = version.document;
    compilePolicy(policy);
  }
  compiled.set(version.id, policy);
  if (compiled.size > versionsKept) compiled.delete(compiled.keys().next().value!);
  return policy;
}

/** The school's answer from the version it publishes now, read in the caller's unit; undefined when it publishes none. */
export async function publishedAnswer(store: SchoolStore, situation: Situation): Promise<PublishedAnswer | undefined> {
  const version = await store.policyVersions.published();
  return version && { version, outcome: evaluate(compiledOf(version), situation) };
}
