// The declarations register's rules: what a declaration needs, review dates, and which check
// answers an approved declaration gives.
import { describe, expect, it } from 'vitest';
import {
  coverageOf,
  declineReasonProblem,
  emptyDeclarationForm,
  oneYearOn,
  readDeclarationForm,
  registerAnswers,
  reviewDateProblem,
  reviewDigestEmail,
  type Declaration,
} from '../../../src/domain/registers/declarations.ts';

const form = (values: Partial<typeof emptyDeclarationForm>) =>
  readDeclarationForm({ ...emptyDeclarationForm, ...values });

const approved = (kind: Declaration['kind'], reviewDue = '2027-11-22'): Declaration =>
  ({
    id: kind,
    schoolId: 's',
    personId: 'p',
    kind,
    ...(kind === 'family_link' && { pupilId: 'x', relationship: 'aunt_uncle' }),
    ...(kind === 'former_pupil' && { description: 'A', leftWhen: '2020' }),
    explanation: 'Known for years',
    status: 'approved',
    declaredAt: new Date('2026-11-01T10:00:00Z'),
    decision: { byPersonId: 'h', at: new Date('2026-11-02T10:00:00Z'), reviewDue },
  }) as Declaration;

describe('A declaration form', () => {
  it('asks what is being declared, and for an explanation', () => {
    expect(form({})).toEqual({
      ok: false,
      errors: { kind: 'Select what you are declaring', explanation: 'Explain the relationship in a sentence or two' },
    });
  });

  it('reads a family link to a pupil, with the relationship', () => {
    expect(form({ kind: 'family_link', pupilId: 'p1', relationship: 'aunt_uncle', explanation: ' My niece ' })).toEqual(
      {
        ok: true,
        declaration: { kind: 'family_link', pupilId: 'p1', relationship: 'aunt_uncle', explanation: 'My niece' },
      },
    );
    const missing = form({ kind: 'family_link', explanation: 'x' });
    expect(missing.ok || missing.errors).toEqual({
      pupilId: 'Choose the pupil',
      relationship: 'Select how you are related',
    });
  });

  it('takes a parent from the list or described, never both nor neither', () => {
    expect(form({ kind: 'parent_friendship', parentDescription: 'Sam, Year 2 mum', explanation: 'x' })).toEqual({
      ok: true,
      declaration: { kind: 'parent_friendship', description: 'Sam, Year 2 mum', explanation: 'x' },
    });
    const both = form({ kind: 'parent_friendship', parentId: 'a', parentDescription: 'b', explanation: 'x' });
    expect(both.ok || both.errors.parentId).toMatch(/not both/);
    const neither = form({ kind: 'parent_friendship', explanation: 'x' });
    expect(neither.ok || neither.errors.parentId).toMatch(/^Choose the parent/);
  });

  it('describes a former pupil by name and when they left', () => {
    const missing = form({ kind: 'former_pupil', explanation: 'x' });
    expect(missing.ok || Object.keys(missing.errors)).toEqual(['formerName', 'leftWhen']);
    expect(form({ kind: 'former_pupil', formerName: 'Ava', leftWhen: 'July 2022', explanation: 'x' }).ok).toBe(true);
  });

  it('refuses an explanation longer than 500 characters', () => {
    const long = form({ kind: 'former_pupil', formerName: 'Ava', leftWhen: '2022', explanation: 'a'.repeat(501) });
    expect(long.ok || long.errors.explanation).toMatch(/500 characters/);
  });
});

describe('A decision', () => {
  it('reviews a year on by default, 29 February becoming 28 February', () => {
    expect(oneYearOn('2026-11-22')).toBe('2027-11-22');
    expect(oneYearOn('2028-02-29')).toBe('2029-02-28');
  });

  it('needs a review date in the future, and a reason to decline', () => {
    expect(reviewDateProblem('2026-11-22', '2026-11-22')).toBe('The review date must be in the future');
    expect(reviewDateProblem('2027-11-22', '2026-11-22')).toBeUndefined();
    expect(declineReasonProblem('  ')).toMatch(/^Give the reason/);
    expect(declineReasonProblem('Not a family link')).toBeUndefined();
  });
});

describe('What the register answers in "Check the policy"', () => {
  const niece = {
    role: ['staff'],
    act: ['friend_request_accept'],
    with: ['pupil'],
    age: ['9'],
    relationship: ['family'],
  };

  it('answers "declared and approved" for a family member who is a pupil, with an approved family link', () => {
    const coverage = coverageOf([approved('family_link')], '2026-11-22');
    expect(registerAnswers(coverage, niece)).toEqual({ declared: ['approved'] });
  });

  it('gives nothing for another kind of person, or once the review date has passed', () => {
    expect(registerAnswers(coverageOf([approved('parent_friendship')], '2026-11-22'), niece)).toEqual({});
    expect(registerAnswers(coverageOf([approved('family_link', '2026-11-21')], '2026-11-22'), niece)).toEqual({});
    const pending = { ...approved('family_link'), status: 'pending' as const };
    expect(coverageOf([pending], '2026-11-22')).toEqual([]);
  });

  it('gives nothing where the check would not ask, such as a parent asking', () => {
    const coverage = coverageOf([approved('family_link')], '2026-11-22');
    expect(registerAnswers(coverage, { ...niece, role: ['parent'] })).toEqual({});
  });
});

describe('The review digest', () => {
  it('counts and dates the reviews, and names nobody', () => {
    const email = reviewDigestEmail(
      { name: 'Oak Primary' },
      [{ reviewDue: '2026-12-01' }, { reviewDue: '2026-11-25' }],
      'https://f.example/declarations/review',
    );
    expect(email.subject).toBe('Oak Primary: 2 declared relationships are due for review');
    expect(email.text.indexOf('25 November 2026')).toBeLessThan(email.text.indexOf('1 December 2026'));
    expect(email.text).toContain('https://f.example/declarations/review');
  });
});
