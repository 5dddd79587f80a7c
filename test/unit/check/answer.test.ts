// The answer's words come from the outcome and the school's policy, never from the question.
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/adapters/policy-files/index.ts';
import { answerWords, describeDoing, ruleHref } from '../../../src/domain/check/answer.ts';
import { evaluate, type Policy, type Situation } from '../../../src/domain/policy/index.ts';
import type { Outcome } from '../../../src/domain/policy/outcome.ts';

const loaded = loadPolicy('model');
if (!loaded.ok) throw new Error('the model policy does not load');
const model: Policy = loaded.policy;
const school = { name: 'Oak Primary', slug: 'oak', contactEmail: 'office@oak.example' };

const nativity: Situation = {
  actor: { role: 'parent' },
  act: 'post',
  content: {
    images: [
      { of: 'own_child', schoolEvent: true },
      { of: 'other_pupils', consent: false, schoolEvent: true },
    ],
    channel: 'personal',
  },
  context: { visibility: 'public' },
};

const wordsFor = (policy: Policy, situation: Situation) =>
  answerWords({ outcome: evaluate(policy, situation), policy, situation, school });

describe('the answer in plain words', () => {
  it('says no to nativity photos of other children, quoting and linking the rule that decides it', () => {
    const words = wordsFor(model, nativity);
    expect(words.verdict).toBe('breach');
    expect(words.heading).toBe('No — our policy does not allow posting this');
    expect(words.deciding.map((r) => r.id)).toEqual(['F1']);
    const [rule] = words.deciding;
    expect(rule!.summary).toBe(model.rules.find((r) => r.id === 'F1')!.summary);
    expect(rule!.href).toBe('/s/oak/policy#rule-F1');
    expect(rule!.section).toBe('Parents and carers');
    // The rule that lets a parent share their own child's photos is shown too.
    expect(words.alsoRelevant.map((r) => r.id)).toEqual(['F2']);
    expect(words.yourSteps).toEqual([]);
    expect(words.othersSteps).toContain('The Headteacher asks the author to remove the post within 2 days.');
    expect(words.othersSteps).toContain(
      'If the parent refuses to take the post down or carries on, the Headteacher may take legal advice.',
    );
    expect(words.tell).toEqual(['the Designated Safeguarding Lead']);
  });

  it('tells a member of staff what they must do themselves, and the exception the policy makes', () => {
    const situation: Situation = {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 10, relationship: 'none' },
    };
    const words = wordsFor(model, situation);
    expect(words.heading).toBe('No — our policy does not allow accepting a friend request from a pupil');
    expect(words.deciding.map((r) => r.id)).toEqual(['B1']);
    expect(words.deciding[0]!.allowedWhen).toHaveLength(2);
    expect(words.yourSteps).toEqual([
      'Decline the request.',
      'Tell the Designated Safeguarding Lead within 1 day.',
      'Tell the Headteacher within 1 day.',
    ]);
    expect(words.othersSteps).toContain(
      'The Headteacher refers it to the Local Authority Designated Officer within 1 day.',
    );
  });

  it('says yes where an exception applies, quoting the exception', () => {
    const situation: Situation = {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', relationship: 'family', declared: true, approved: true },
    };
    const words = wordsFor(model, situation);
    expect(words.verdict).toBe('permitted');
    expect(words.heading).toBe('Yes — our policy allows accepting a friend request from a pupil');
    expect(words.deciding.find((r) => r.id === 'B1')!.exception).toMatch(/family link/);
  });

  it('follows the school’s own rule: advice where the school chose "should not"', () => {
    const softer: Policy = {
      ...model,
      rules: model.rules.map((r) => (r.id === 'F1' ? { ...r, modality: 'should_not' as const } : r)),
    };
    const words = wordsFor(softer, nativity);
    expect(words.verdict).toBe('advised_against');
    expect(words.heading).toBe('Our policy advises against posting this');
    expect(words.deciding.map((r) => r.id)).toEqual(['F1']);
  });

  it('says the policy does not cover it, and whom to ask, when no rule applies', () => {
    const outcome: Outcome = {
      policy: { slug: 'oak', version: '1.0', title: 'Policy' },
      verdict: 'not_covered',
      findings: [],
      actions: [],
    };
    const words = answerWords({
      outcome,
      policy: model,
      situation: { actor: { role: 'visitor' }, act: 'follow' },
      school,
    });
    expect(words.heading).toBe('Our policy does not cover this: ask the school');
    expect(words.lead).toContain('Oak Primary at office@oak.example');
    expect(words.deciding).toEqual([]);
  });

  it('names the act with the other person, or on its own', () => {
    expect(describeDoing({ actor: { role: 'parent' }, act: 'follow', counterpart: { role: 'staff' } })).toBe(
      'following a member of staff',
    );
    expect(describeDoing({ actor: { role: 'pupil' }, act: 'use_phone' })).toBe('using a phone or camera');
    expect(ruleHref('st mary', 'F1')).toBe('/s/st%20mary/policy#rule-F1');
  });
});
