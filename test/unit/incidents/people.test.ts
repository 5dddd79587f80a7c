// Who is who in a case: its subjects, who may open it, who owns a role's tasks, and who is told
// when a task runs two days late.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canHandleCase, canOpenCase, handlers, type Party } from '../../../src/domain/incidents/case.ts';
import { aboveOwner, caseAccessOf, ownerAmong, subjectsOf } from '../../../src/domain/incidents/people.ts';

const teacher: Party = { role: 'staff', personId: 'teacher-1', subject: true };
const pupil: Party = { role: 'pupil', pupilId: 'pupil-1', subject: false };
const described: Party = { role: 'parent', description: 'A parent in year 6', subject: true };
const witness: Party = { role: 'staff', personId: 'teacher-2', subject: false };

describe('The subjects of a case', () => {
  it('are the people known to the school whose conduct it is about', () => {
    expect(subjectsOf([teacher, pupil, described, witness])).toEqual(['teacher-1']);
    expect(subjectsOf([pupil, witness])).toEqual([]);
  });

  it('never include anyone who is not a subject', () => {
    const party = fc.record({
      role: fc.constantFrom('staff' as const, 'pupil' as const, 'parent' as const),
      personId: fc.option(fc.uuid(), { nil: undefined }),
      subject: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(party), (drawn) => {
        const parties = drawn.map(({ personId, ...rest }): Party => ({
          ...rest,
          ...(personId !== undefined && { personId }),
        }));
        const subjects = subjectsOf(parties);
        for (const p of parties) {
          if (p.personId && !parties.some((other) => other.personId === p.personId && other.subject))
            expect(subjects).not.toContain(p.personId);
          if (p.personId && p.subject) expect(subjects).toContain(p.personId);
        }
      }),
    );
  });
});

describe('Who may open a case', () => {
  it('is decided by its handler, its subjects and its tasks’ owners', () => {
    const access = caseAccessOf('headteacher', [teacher, pupil], [{ ownerPersonId: 'dsl-1' }, {}]);
    expect(access).toEqual({ handler: 'headteacher', subjectPersonIds: ['teacher-1'], taskOwnerIds: ['dsl-1'] });
    expect(canOpenCase({ personId: 'dsl-1', roles: ['dsl'] }, access)).toBe(true);
    expect(canHandleCase({ personId: 'dsl-1', roles: ['dsl'] }, access)).toBe(false);
  });

  it('never lets a subject open it, even one given a task', () => {
    const access = caseAccessOf('headteacher', [teacher], [{ ownerPersonId: 'teacher-1' }]);
    expect(canOpenCase({ personId: 'teacher-1', roles: ['headteacher'] }, access)).toBe(false);
  });
});

describe('Who owns a role’s tasks', () => {
  const heads = [
    { personId: 'head-1', name: 'Hana Head' },
    { personId: 'head-2', name: 'Harri Deputy' },
  ];

  it('is the first holder of the role who is not a subject of the case', () => {
    expect(ownerAmong(heads, [])?.name).toBe('Hana Head');
    expect(ownerAmong(heads, ['head-1'])?.name).toBe('Harri Deputy');
    expect(ownerAmong(heads, ['head-1', 'head-2'])).toBeUndefined();
    expect(ownerAmong([], [])).toBeUndefined();
  });
});

describe('Who is above a task’s owner', () => {
  it('is the Headteacher, or the chair when the Headteacher owns the task', () => {
    expect(aboveOwner('dsl', 'dsl')).toBe('headteacher');
    expect(aboveOwner('headteacher', 'dsl')).toBe('headteacher');
    expect(aboveOwner('dsl', 'headteacher')).toBe('chair_of_governors');
    expect(aboveOwner('headteacher', 'headteacher')).toBe('chair_of_governors');
  });

  it('is always the chair in a case the chair handles, so the Headteacher never hears of it', () => {
    for (const role of handlers) expect(aboveOwner('chair_of_governors', role)).toBe('chair_of_governors');
  });

  it('is never the owner’s own role, except the chair’s, who has nobody above', () => {
    for (const handler of handlers)
      for (const role of handlers) {
        const above = aboveOwner(handler, role);
        if (role !== 'chair_of_governors') expect(above).not.toBe(role);
      }
  });
});
