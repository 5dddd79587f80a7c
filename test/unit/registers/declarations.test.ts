// The declarations register's rules: what a declaration needs, review dates, who decides on each
// (never its declarer), and what one declaration answers for the person it names.
import { describe, expect, it } from 'vitest';
import {
  decisionRefusal,
  declaredAnswerOf,
  declaredPeople,
  deciderFor,
  declineReasonProblem,
  emptyDeclarationForm,
  kindSpeaksTo,
  mayRead,
  oneYearOn,
  readDeclarationForm,
  registerReach,
  reviewDateProblem,
  reviewDigestEmail,
  statusName,
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

describe('Who decides on a declaration', () => {
  const mine = { personId: 'p' };

  it('is the Headteacher, but for the Headteacher’s own, which go to the chair of governors', () => {
    expect(deciderFor(false)).toBe('headteacher');
    expect(deciderFor(true)).toBe('chair_of_governors');
    expect(statusName('pending', 'chair_of_governors')).toBe('Waiting for the chair of governors');
    expect(statusName('pending', 'headteacher')).toBe('Waiting for the Headteacher');
    expect(statusName('approved', 'chair_of_governors')).toBe('Approved');
  });

  it('is never the person who made it, whatever their roles', () => {
    expect(decisionRefusal({ personId: 'p', roles: ['headteacher', 'staff'] }, mine, true)).toMatch(
      /^You made this declaration, so you cannot approve or decline it yourself: the chair of governors decides on it$/,
    );
    expect(decisionRefusal({ personId: 'p', roles: ['headteacher', 'chair_of_governors'] }, mine, true)).toMatch(
      /^You made this declaration/,
    );
    expect(decisionRefusal({ personId: 'p', roles: ['headteacher'] }, mine, false)).toMatch(/^You made this/);
  });

  it('lets the chair decide only the Headteacher’s, and the Headteacher everyone else’s', () => {
    expect(decisionRefusal({ personId: 'c', roles: ['chair_of_governors', 'governor'] }, mine, true)).toBeUndefined();
    expect(decisionRefusal({ personId: 'c', roles: ['chair_of_governors', 'governor'] }, mine, false)).toBe(
      'Only the Headteacher can approve or decline this declaration',
    );
    expect(decisionRefusal({ personId: 'h', roles: ['headteacher', 'staff'] }, mine, false)).toBeUndefined();
    expect(decisionRefusal({ personId: 'd', roles: ['dsl', 'staff'] }, mine, true)).toBe(
      'Only the chair of governors can approve or decline the Headteacher’s own declarations',
    );
  });

  it('lets the chair read only the Headteacher’s declarations, the Headteacher and the DSL all', () => {
    expect(registerReach(['chair_of_governors', 'governor'])).toBe('headteachers_own');
    expect(mayRead(['chair_of_governors', 'governor'], true)).toBe(true);
    expect(mayRead(['chair_of_governors', 'governor'], false)).toBe(false);
    expect(mayRead(['headteacher'], false)).toBe(true);
    expect(mayRead(['dsl'], true)).toBe(true);
    expect(mayRead(['governor'], true)).toBe(false);
    expect(mayRead(['staff'], true)).toBe(false);
  });
});

describe('What a declaration answers to "have you declared it, and is it approved?"', () => {
  const day = '2026-11-22';

  it('is declared while waiting, both while approved and in date, and neither when declined or past review', () => {
    expect(declaredAnswerOf({ ...approved('family_link'), status: 'pending', decision: undefined }, day)).toBe(
      'declared',
    );
    expect(declaredAnswerOf(approved('family_link', day), day)).toBe('approved');
    expect(declaredAnswerOf(approved('family_link', '2026-11-21'), day)).toBe('no');
    expect(declaredAnswerOf({ ...approved('family_link'), status: 'declined' }, day)).toBe('no');
  });

  it('names each person once, by the declaration that says most, and only for the kind that fits', () => {
    const pupilA = (id: string, status: Declaration['status'], declaredAt: string): Declaration =>
      ({
        ...approved('family_link'),
        id,
        pupilId: 'A',
        status,
        declaredAt: new Date(declaredAt),
      }) as Declaration;
    const own = [
      { declaration: pupilA('old', 'declined', '2026-01-01T00:00:00Z'), otherName: 'Amy Able' },
      { declaration: pupilA('new', 'approved', '2026-02-01T00:00:00Z'), otherName: 'Amy Able' },
      { declaration: { ...approved('parent_friendship'), description: 'Sam, Year 2' } as Declaration },
    ];
    expect(declaredPeople(own, 'pupil', 'family', day)).toEqual([
      { declaration: own[1]!.declaration, name: 'Amy Able', answer: 'approved' },
    ]);
    expect(declaredPeople(own, 'pupil', 'friend', day)).toEqual([]);
    expect(declaredPeople(own, 'parent', 'friend', day).map((p) => p.name)).toEqual(['Sam, Year 2']);
    expect(kindSpeaksTo('former_pupil', 'former_pupil', 'family')).toBe(true);
    expect(kindSpeaksTo('family_link', 'parent', 'family')).toBe(false);
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
    expect(email.text).toContain('because you are the Headteacher');
  });

  it('tells the chair of governors why the Headteacher’s own come to them', () => {
    const email = reviewDigestEmail(
      { name: 'Oak' },
      [{ reviewDue: '2026-12-01' }],
      'https://f.example/r',
      'chair_of_governors',
    );
    expect(email.text).toContain('because you are the chair of governors');
    expect(email.text).not.toContain('because you are the Headteacher');
  });
});
