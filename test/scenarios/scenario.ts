// The shape of an independent scenario: a situation put to one school's encoded policy and
// what a close reading of that school's own document says the answer must be.
import type { Situation, Verdict } from '../../src/domain/policy/index.ts';
import type { Action, Topic } from '../../src/domain/policy/vocabulary.ts';

export interface Scenario {
  /** What happens, in a few words. */
  name: string;
  situation: Situation;
  expect: {
    /** The verdicts the document allows; more than one only where its wording leaves room. */
    verdict: Verdict[];
    /** At least one of these must be among the findings' topics. */
    topics?: Topic[];
    /** Every one of these must be among the outcome's actions (required or optional). */
    actions?: Action[];
    /** None of these may appear: steps this school's document never mentions for such a case. */
    forbid?: Action[];
  };
  /** Where in the school's document the expectation comes from (paraphrased). */
  source: string;
}
