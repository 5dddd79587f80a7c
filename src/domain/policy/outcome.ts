// The answer a policy gives to a situation, in the evaluation contract's shape.
import type { Action, Modality, Topic } from './vocabulary.ts';

export const verdicts = ['breach', 'advised_against', 'permitted', 'not_covered'] as const;
export type Verdict = (typeof verdicts)[number];
export type FindingStatus = 'violated' | 'satisfied' | 'exception_applies';

export interface Finding {
  rule: string;
  section: string;
  topic: Topic;
  modality: Modality;
  status: FindingStatus;
  summary: string;
  /** The exception that applies, in the school's words, when status is exception_applies. */
  exception?: string;
}

export interface RequiredAction {
  action: Action;
  owner: string;
  because: string;
  optional?: boolean;
  /** A later event the step waits for, e.g. "the parent refuses to remove the post". */
  if?: string;
  /** How soon, as an ISO 8601 duration. */
  deadline?: string;
}

export interface Outcome {
  policy: { slug: string; version: string; title: string };
  verdict: Verdict;
  findings: Finding[];
  actions: RequiredAction[];
}
