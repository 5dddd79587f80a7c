// What a signed-in person's declarations add to "Check the policy": "which person is this about?",
// asked only when their declarations name someone it could be, and the answer from that one
// declaration alone. An approved link to one pupil says nothing about another.
import { describe, expect, it } from 'vitest';
import {
  answersQuery,
  firstUnanswered,
  questionsFor,
  readAnswers,
  situationOf,
} from '../../../src/domain/check/journey.ts';
import type { Answers } from '../../../src/domain/check/questions.ts';
import {
  keysFromRegister,
  questionsWithRegister,
  registerAnswers,
  someoneElseValue,
  type CheckRegister,
} from '../../../src/domain/check/register.ts';
import type { Declaration, OwnDeclaration } from '../../../src/domain/registers/declarations.ts';

const today = '2026-11-22';

function familyLink(id: string, pupilId: string, status: Declaration['status'], reviewDue = '2027-11-22'): Declaration {
  return {
    id,
    schoolId: 's',
    personId: 'tess',
    kind: 'family_link',
    pupilId,
    relationship: 'aunt_uncle',
    explanation: 'Family',
    status,
    declaredAt: new Date('2026-11-01T10:00:00Z'),
    ...(status !== 'pending' && {
      decision: {
        byPersonId: 'hal',
        at: new Date('2026-11-02T10:00:00Z'),
        ...(status === 'approved' ? { reviewDue } : { reason: 'No' }),
      },
    }),
  };
}

const nia: OwnDeclaration = { declaration: familyLink('d-nia', 'nia', 'approved'), otherName: 'Nia Niece' };
const register = (...own: OwnDeclaration[]): CheckRegister => ({ own, today });

const niece: Answers = {
  role: ['staff'],
  act: ['friend_request_accept'],
  with: ['pupil'],
  age: ['9'],
  relationship: ['family'],
};

/** The answers as the journey holds them: the person's own, with what the register gives. */
function journey(reg: CheckRegister, own: Answers): Answers {
  const list = questionsWithRegister(reg);
  const answers = readAnswers(own, list);
  return { ...answers, ...registerAnswers(reg, answers) };
}

describe('"Which pupil is this about?"', () => {
  it('is asked before "declared", offering the people on the declarations and someone else', () => {
    const list = questionsWithRegister(register(nia));
    const keys = questionsFor(niece, list).map((q) => q.key);
    expect(keys.slice(-2)).toEqual(['whom', 'declared']);
    const whom = list.find((q) => q.key === 'whom')!;
    expect(whom.title(niece)).toBe('Which pupil is this about?');
    expect(whom.kind === 'number' ? [] : whom.options(niece)).toEqual([
      { value: 'd-nia', text: 'Nia Niece' },
      { value: someoneElseValue, text: 'Someone else, not on my declarations' },
    ]);
    expect(firstUnanswered(readAnswers(niece, list), list)?.key).toBe('whom');
  });

  it('is not asked when no declaration is of a kind that fits the question', () => {
    const list = questionsWithRegister(register(nia));
    expect(questionsFor({ ...niece, relationship: ['friend'] }, list).map((q) => q.key)).not.toContain('whom');
    expect(
      questionsFor({ ...niece, with: ['parent'], relationship: ['friend'] }, list).map((q) => q.key),
    ).not.toContain('whom');
    // A parent asking is not asked whether they declared anything, so not whom either.
    expect(questionsFor({ ...niece, role: ['parent'] }, list).map((q) => q.key)).not.toContain('whom');
  });

  it('is not asked with no declarations at all', () => {
    const list = questionsWithRegister(register());
    expect(questionsFor(niece, list).map((q) => q.key)).not.toContain('whom');
    expect(registerAnswers(register(), { ...niece, whom: [someoneElseValue] })).toEqual({});
  });
});

describe('The answer the chosen declaration gives', () => {
  it('is declared and approved for the pupil an approved link names', () => {
    const answers = journey(register(nia), { ...niece, whom: ['d-nia'] });
    expect(answers.declared).toEqual(['approved']);
    expect(situationOf(answers, questionsWithRegister(register(nia)))?.counterpart).toMatchObject({
      declared: true,
      approved: true,
    });
  });

  it('is not declared for a pupil the declarations do not name, though another pupil’s link is approved', () => {
    const answers = journey(register(nia), { ...niece, whom: [someoneElseValue] });
    expect(answers.declared).toEqual(['no']);
    expect(situationOf(answers, questionsWithRegister(register(nia)))?.counterpart).toMatchObject({
      declared: false,
      approved: false,
    });
  });

  it('is nothing until the person says whom it is about, whatever the address claims', () => {
    const reg = register(nia);
    expect(registerAnswers(reg, niece)).toEqual({});
    const claimed = journey(reg, { ...niece, declared: ['approved'] });
    // "declared" came from the address, but "whom" is still to be answered, so no answer yet.
    expect(firstUnanswered(claimed, questionsWithRegister(reg))?.key).toBe('whom');
    expect(journey(reg, { ...niece, whom: [someoneElseValue], declared: ['approved'] }).declared).toEqual(['no']);
    // So the address's "declared" is never taken from someone the register asks.
    expect(keysFromRegister(reg, niece)).toEqual(['declared']);
    expect(keysFromRegister(register(), niece)).toEqual([]);
    expect(keysFromRegister(reg, { ...niece, relationship: ['friend'] })).toEqual([]);
  });

  it('is declared but not approved while the declaration waits', () => {
    const waiting = { declaration: familyLink('d-w', 'nia', 'pending'), otherName: 'Nia Niece' };
    expect(journey(register(waiting), { ...niece, whom: ['d-w'] }).declared).toEqual(['declared']);
  });

  it('is not declared once declined, or once the review date has passed', () => {
    const declined = { declaration: familyLink('d-x', 'nia', 'declined'), otherName: 'Nia Niece' };
    expect(journey(register(declined), { ...niece, whom: ['d-x'] }).declared).toEqual(['no']);
    const lapsed = { declaration: familyLink('d-l', 'nia', 'approved', '2026-11-21'), otherName: 'Nia Niece' };
    expect(journey(register(lapsed), { ...niece, whom: ['d-l'] }).declared).toEqual(['no']);
    const dueToday = { declaration: familyLink('d-t', 'nia', 'approved', today), otherName: 'Nia Niece' };
    expect(journey(register(dueToday), { ...niece, whom: ['d-t'] }).declared).toEqual(['approved']);
  });

  it('takes only a declaration offered: another pupil’s, or an unknown id, is no answer', () => {
    const ben = { declaration: familyLink('d-ben', 'ben', 'pending'), otherName: 'Ben Brother' };
    const reg = register(nia, ben);
    expect(journey(reg, { ...niece, whom: ['d-ben'] }).declared).toEqual(['declared']);
    expect(journey(reg, { ...niece, whom: ['d-nia'] }).declared).toEqual(['approved']);
    const unknown = journey(reg, { ...niece, whom: ['d-elsewhere'] });
    expect(unknown.whom).toBeUndefined();
    expect(unknown.declared).toBeUndefined();
  });

  it('travels in the address as the person’s own answer, in question order', () => {
    const list = questionsWithRegister(register(nia));
    expect(answersQuery({ ...niece, whom: ['d-nia'] }, {}, list)).toBe(
      '?role=staff&act=friend_request_accept&with=pupil&age=9&relationship=family&whom=d-nia',
    );
  });
});
