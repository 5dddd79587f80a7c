import { describe, expect, it } from 'vitest';
import { checkCondition, compileCondition } from '../../../src/domain/policy/condition.ts';
import type { Situation } from '../../../src/domain/policy/situation.ts';

const staffAccepting = (counterpart: Situation['counterpart'], extra: Partial<Situation> = {}): Situation => ({
  actor: { role: 'staff' },
  act: 'friend_request_accept',
  counterpart,
  ...extra,
});

const holds = (condition: Record<string, unknown>, situation: Situation) => {
  expect(checkCondition(condition)).toEqual([]);
  return compileCondition(condition)(situation);
};

describe('conditions', () => {
  it('matches a single value and a list of values', () => {
    const s = staffAccepting({ role: 'pupil' });
    expect(holds({ act: 'friend_request_accept' }, s)).toBe(true);
    expect(holds({ act: 'post' }, s)).toBe(false);
    expect(holds({ 'counterpart.role': ['parent', 'pupil'] }, s)).toBe(true);
    expect(holds({ 'counterpart.role': ['parent', 'governor'] }, s)).toBe(false);
  });

  it('lets a rule for staff bind the Headteacher and the DSL, but not governors', () => {
    expect(holds({ 'actor.role': 'staff' }, { actor: { role: 'headteacher' }, act: 'post' })).toBe(true);
    expect(holds({ 'actor.role': 'staff' }, { actor: { role: 'dsl' }, act: 'post' })).toBe(true);
    expect(holds({ 'actor.role': 'staff' }, { actor: { role: 'governor' }, act: 'post' })).toBe(false);
    expect(holds({ 'actor.role': 'headteacher' }, { actor: { role: 'staff' }, act: 'post' })).toBe(false);
  });

  it('compares ages at their boundaries', () => {
    const at = (age: number) => staffAccepting({ role: 'former_pupil', age });
    expect(holds({ 'counterpart.age': { below: 16 } }, at(15))).toBe(true);
    expect(holds({ 'counterpart.age': { below: 16 } }, at(16))).toBe(false);
    expect(holds({ 'counterpart.age': { atLeast: 18 } }, at(18))).toBe(true);
    expect(holds({ 'counterpart.age': { atMost: 12 } }, at(12))).toBe(true);
    expect(holds({ 'counterpart.age': { above: 12 } }, at(12))).toBe(false);
  });

  it('never passes a test on a missing field, except through not', () => {
    const unknownAge = staffAccepting({ role: 'former_pupil' });
    expect(holds({ 'counterpart.age': { below: 16 } }, unknownAge)).toBe(false);
    expect(holds({ 'counterpart.age': { atLeast: 16 } }, unknownAge)).toBe(false);
    expect(holds({ 'counterpart.age': { not: { atLeast: 16 } } }, unknownAge)).toBe(true);
    expect(holds({ 'counterpart.declared': { not: true } }, unknownAge)).toBe(true);
    expect(holds({ 'counterpart.declared': false }, unknownAge)).toBe(false);
    expect(holds({ 'counterpart.age': { present: false } }, unknownAge)).toBe(true);
  });

  it('reads lists in the situation as "any of", or "all of" when asked', () => {
    const post: Situation = { actor: { role: 'parent' }, act: 'post', content: { labels: ['racist', 'offensive'] } };
    expect(holds({ 'content.labels': ['threat_of_violence', 'racist'] }, post)).toBe(true);
    expect(holds({ 'content.labels': { anyOf: ['bullying'] } }, post)).toBe(false);
    expect(holds({ 'content.labels': { allOf: ['racist', 'offensive'] } }, post)).toBe(true);
    expect(holds({ 'content.labels': { allOf: ['racist', 'bullying'] } }, post)).toBe(false);
    expect(holds({ 'content.about': ['school'] }, post)).toBe(false);
  });

  it('tests images one by one with some', () => {
    const post = (images: NonNullable<Situation['content']>['images']): Situation => ({
      actor: { role: 'parent' },
      act: 'post',
      content: { images },
    });
    const otherPupilsWithoutConsent = { 'content.images': { some: { of: 'other_pupils', consent: { not: true } } } };
    expect(holds(otherPupilsWithoutConsent, post([{ of: 'other_pupils' }]))).toBe(true);
    expect(holds(otherPupilsWithoutConsent, post([{ of: 'other_pupils', consent: true }]))).toBe(false);
    expect(holds(otherPupilsWithoutConsent, post([{ of: 'own_child' }, { of: 'other_pupils', consent: false }]))).toBe(
      true,
    );
    expect(holds(otherPupilsWithoutConsent, post([]))).toBe(false);
    expect(holds(otherPupilsWithoutConsent, { actor: { role: 'parent' }, act: 'post' })).toBe(false);
  });

  it('combines with any, all and not', () => {
    const s: Situation = { actor: { role: 'parent' }, act: 'use_phone', context: { onSchoolTrip: true } };
    expect(holds({ any: [{ 'context.onPremises': true }, { 'context.onSchoolTrip': true }] }, s)).toBe(true);
    expect(holds({ all: [{ 'context.onPremises': true }, { 'context.onSchoolTrip': true }] }, s)).toBe(false);
    expect(holds({ not: { 'context.emergency': true } }, s)).toBe(true);
  });

  it('compares platforms without regard to case or spaces, and defaults the channel to personal', () => {
    const s: Situation = { actor: { role: 'staff' }, act: 'identify_as_employee', context: { platform: ' LinkedIn ' } };
    expect(holds({ 'context.platform': ['linkedin'] }, s)).toBe(true);
    expect(holds({ 'content.channel': 'personal' }, { actor: { role: 'staff' }, act: 'post' })).toBe(true);
    expect(holds({ 'counterpart.relationship': 'none' }, staffAccepting({ role: 'parent' }))).toBe(true);
  });

  it('explains mistakes in plain words, at the place they are', () => {
    expect(checkCondition({ 'counterpart.rol': 'pupil' })[0]).toMatchObject({
      path: ['counterpart.rol'],
      message: expect.stringContaining('is not something a situation describes'),
    });
    expect(checkCondition({ 'counterpart.role': ['pupil', 'teacher'] })[0]).toMatchObject({
      path: ['counterpart.role', 1],
      message: expect.stringContaining('not "teacher"'),
    });
    expect(checkCondition({ 'counterpart.role': { below: 3 } })[0]?.message).toContain('is not a number');
    expect(checkCondition({ 'content.labels': { allOf: [] } })[0]?.message).toContain('takes a list');
    expect(checkCondition({ any: [] })[0]?.message).toContain('takes a list of conditions');
    expect(checkCondition({ 'content.images': { some: { colour: 'red' } } })[0]?.path).toEqual([
      'content.images',
      'some',
      'colour',
    ]);
    expect(checkCondition('pupil')[0]?.message).toContain('field: value');
  });
});
