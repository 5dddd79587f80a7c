import { describe, expect, it } from 'vitest';
import { evaluate, type Situation } from '../../../src/domain/policy/index.ts';
import { fixturePolicy } from './fixture.ts';

const policy = fixturePolicy();
const ask = (situation: Situation) => evaluate(policy, situation);
const actionNames = (situation: Situation) => ask(situation).actions.map((a) => a.action);

describe('evaluate', () => {
  it('names the policy it answered from, keeping a numeric version as written', () => {
    expect(ask({ actor: { role: 'staff' }, act: 'post' }).policy).toEqual({
      slug: 'oakfield',
      version: '2.1',
      title: 'Oakfield social media policy',
    });
  });

  it('answers not_covered when no rule applies, with nothing to do', () => {
    const outcome = ask({ actor: { role: 'governor' }, act: 'friend_request_accept', counterpart: { role: 'pupil' } });
    expect(outcome).toMatchObject({ verdict: 'not_covered', findings: [], actions: [] });
  });

  it('finds a breach of a must-not rule, citing it, with its consequences in order', () => {
    const outcome = ask({
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 9 },
    });
    expect(outcome.verdict).toBe('breach');
    expect(outcome.findings).toEqual([
      {
        rule: 'A1',
        section: 'A. Staff',
        topic: 'staff-pupil-contact',
        modality: 'must_not',
        status: 'violated',
        summary: 'No friendships with pupils.',
      },
    ]);
    expect(outcome.actions).toEqual([
      { action: 'decline_request', owner: 'staff', because: 'A1' },
      { action: 'notify_dsl', owner: 'staff', because: 'A1', deadline: 'P1D' },
      { action: 'notify_parents_of_pupil', owner: 'dsl', because: 'P2' },
    ]);
  });

  it("sends what would be reported to the Headteacher to the chair of governors when it is the Headteacher's own act", () => {
    const befriend = (role: 'staff' | 'headteacher') =>
      ask({ actor: { role }, act: 'friend_request_accept', counterpart: { role: 'parent' } }).actions;
    expect(befriend('staff')).toEqual([{ action: 'notify_headteacher', owner: 'staff', because: 'A2' }]);
    expect(befriend('headteacher')).toEqual([
      { action: 'notify_chair_of_governors', owner: 'headteacher', because: 'A2' },
    ]);
  });

  it('resolves the owners actor and counterpart to the roles of the people in the situation', () => {
    const outcome = ask({ actor: { role: 'pupil' }, act: 'friend_request_send', counterpart: { role: 'governor' } });
    expect(outcome.verdict).toBe('not_covered');
    expect(outcome.actions).toEqual([{ action: 'decline_request', owner: 'governor', because: 'P4' }]);
  });

  it('leaves out a consequence whose own condition does not hold', () => {
    expect(
      actionNames({ actor: { role: 'staff' }, act: 'friend_request_send', counterpart: { role: 'pupil', age: 14 } }),
    ).toEqual(['notify_dsl']);
  });

  it('grants an exception only when what it requires is on record', () => {
    const family = (approved: boolean): Situation => ({
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 14, relationship: 'family', approved },
    });
    const granted = ask(family(true));
    expect(granted.verdict).toBe('permitted');
    expect(granted.findings[0]).toMatchObject({ status: 'exception_applies', exception: 'An approved family link.' });
    expect(granted.actions).toEqual([]);

    const pending = ask(family(false));
    expect(pending.verdict).toBe('breach');
    expect(pending.actions.map((a) => a.action)).toContain('seek_headteacher_approval');
  });

  it('answers advised_against when only a should-not rule is broken', () => {
    expect(
      ask({ actor: { role: 'staff' }, act: 'friend_request_accept', counterpart: { role: 'parent' } }).verdict,
    ).toBe('advised_against');
  });

  it('checks requirements: each one missing is a breach with the action that puts it right', () => {
    const create = (actor: Situation['actor']) => ask({ actor, act: 'create_account' });
    const none = create({ role: 'staff' });
    expect(none.verdict).toBe('breach');
    expect(none.actions.map((a) => a.action)).toEqual([
      'seek_headteacher_approval',
      'share_credentials_with_headteacher',
    ]);
    expect(create({ role: 'staff', approved: true }).actions.map((a) => a.action)).toEqual([
      'share_credentials_with_headteacher',
    ]);
    const both = create({ role: 'staff', approved: true, credentialsShared: true });
    expect(both.verdict).toBe('permitted');
    expect(both.findings[0]?.status).toBe('satisfied');
  });

  it('treats a may rule as permission, and never evaluates guidance without a condition', () => {
    const outcome = ask({
      actor: { role: 'headteacher' },
      act: 'identify_as_employee',
      context: { platform: 'LinkedIn' },
    });
    expect(outcome.verdict).toBe('permitted');
    expect(outcome.findings.map((f) => f.rule)).toEqual(['A4']);
  });

  it('runs a procedure after a breach of its rules, marking optional and conditional steps', () => {
    const outcome = ask({
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: false }] },
    });
    expect(outcome.actions).toEqual([
      { action: 'request_removal', owner: 'headteacher', because: 'P1' },
      { action: 'notify_dsl', owner: 'headteacher', because: 'P1', optional: true },
      { action: 'seek_legal_advice', owner: 'headteacher', because: 'P1', optional: true, if: 'the parent refuses' },
    ]);
  });

  it('runs a procedure on a situation alone, even where no rule applies', () => {
    const outcome = ask({ actor: { role: 'third_party' }, act: 'post', content: { labels: ['threat_of_violence'] } });
    expect(outcome.verdict).toBe('not_covered');
    expect(outcome.actions.map((a) => [a.action, a.optional])).toEqual([
      ['contact_police', true],
      ['request_removal', true],
    ]);
  });

  it('lists each action once, a required mention outranking an optional one', () => {
    const outcome = ask({
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils' }], labels: ['threat_of_violence'] },
    });
    const removal = outcome.actions.filter((a) => a.action === 'request_removal');
    expect(removal).toEqual([{ action: 'request_removal', owner: 'headteacher', because: 'P1' }]);
    expect(outcome.actions.map((a) => a.action)).toEqual([
      'request_removal',
      'notify_dsl',
      'seek_legal_advice',
      'contact_police',
    ]);
  });

  it('binds someone who has left only by the rules that say they still bind former staff', () => {
    const formerStaff = { role: 'staff', formerEmployee: true } as const;
    expect(ask({ actor: formerStaff, act: 'friend_request_accept', counterpart: { role: 'pupil' } }).verdict).toBe(
      'not_covered',
    );
    const leak = ask({ actor: formerStaff, act: 'post', content: { labels: ['confidential'] } });
    expect(leak.verdict).toBe('breach');
    expect(leak.findings.map((f) => f.rule)).toEqual(['A6']);
    const formerStaffAsParent = ask({
      actor: { role: 'parent', formerEmployee: true },
      act: 'post',
      content: { images: [{ of: 'other_pupils' }] },
    });
    expect(formerStaffAsParent.verdict).toBe('breach');
  });
});
