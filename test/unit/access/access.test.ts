import { describe, expect, it } from 'vitest';
import { can, needsSecondFactor } from '../../../src/domain/access/capabilities.ts';
import { accessRolesOf } from '../../../src/domain/access/roles.ts';
import { idleLimitMinutes, sessionState } from '../../../src/domain/access/sessions.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 8, 0) + minutes * 60_000);

describe('Access roles', () => {
  it('come from the duties a person holds, and a teacher who is a parent is both', () => {
    expect(
      accessRolesOf(
        [{ role: 'staff', jobTitle: 'Deputy head', duties: ['deputy_dsl', 'teacher'] }, { role: 'parent' }],
        { schoolAdmin: false },
      ),
    ).toEqual(['dsl', 'staff', 'parent']);
    expect(accessRolesOf([{ role: 'governor', duties: ['chair'] }], { schoolAdmin: false })).toEqual([
      'chair_of_governors',
      'governor',
    ]);
  });

  it('give the running of the school’s Footprint only to staff', () => {
    expect(accessRolesOf([{ role: 'parent' }], { schoolAdmin: true })).toEqual(['parent']);
    expect(accessRolesOf([{ role: 'staff', jobTitle: 'Office', duties: ['office'] }], { schoolAdmin: true })).toEqual([
      'school_admin',
      'staff',
    ]);
  });
});

describe('The permission matrix', () => {
  it('lets the Headteacher, the DSL and the administrator see people, and nobody else', () => {
    expect(can(['headteacher'], 'view_people')).toBe(true);
    expect(can(['dsl'], 'view_people')).toBe(true);
    expect(can(['school_admin', 'staff'], 'view_people')).toBe(true);
    for (const role of ['staff', 'governor', 'chair_of_governors', 'parent', 'volunteer', 'visitor'] as const) {
      expect(can([role], 'view_people'), role).toBe(false);
    }
  });

  it('asks for a second factor from the Headteacher, the DSL and anyone who reaches restricted records', () => {
    expect(needsSecondFactor(['headteacher'])).toBe(true);
    expect(needsSecondFactor(['dsl'])).toBe(true);
    expect(needsSecondFactor(['school_admin', 'staff'])).toBe(true);
    expect(needsSecondFactor(['staff'])).toBe(false);
    expect(needsSecondFactor(['parent'])).toBe(false);
  });
});

describe('A session', () => {
  it('ends after 15 idle minutes for restricted roles and 60 for others', () => {
    expect(idleLimitMinutes(['dsl'])).toBe(15);
    expect(idleLimitMinutes(['staff'])).toBe(60);
    const session = { startedAt: at(0), lastSeenAt: at(10) };
    expect(sessionState(session, ['dsl'], at(24))).toBe('active');
    expect(sessionState(session, ['dsl'], at(25))).toBe('idle');
    expect(sessionState(session, ['staff'], at(69))).toBe('active');
    expect(sessionState(session, ['staff'], at(70))).toBe('idle');
  });

  it('ends after ten hours however busy its owner is', () => {
    expect(sessionState({ startedAt: at(0), lastSeenAt: at(599) }, ['staff'], at(599))).toBe('active');
    expect(sessionState({ startedAt: at(0), lastSeenAt: at(599) }, ['staff'], at(600))).toBe('expired');
  });
});
