import { describe, expect, it } from 'vitest';
import type { StaffDuty } from '../../../src/domain/community/people.ts';
import { ageOn, type NewPupil } from '../../../src/domain/community/pupils.ts';
import { generateTrust, type DemoPerson, type DemoSchool } from '../../../src/domain/demo/index.ts';

const today = '2026-03-02';
const trust = generateTrust({ seed: 11, today });

const staffDuties = (p: DemoPerson) => p.roles.flatMap((r) => (r.role === 'staff' ? r.duties : []));
const jobTitles = (p: DemoPerson) => p.roles.flatMap((r) => (r.role === 'staff' ? [r.jobTitle] : []));
const governorDuties = (p: DemoPerson) => p.roles.flatMap((r) => (r.role === 'governor' ? r.duties : []));
const withDuty = (demo: DemoSchool, duty: StaffDuty) => demo.staff.filter((p) => staffDuties(p).includes(duty));
const carersOf = (demo: DemoSchool, pupil: NewPupil) =>
  [...demo.staff, ...demo.governors, ...demo.carers, ...demo.pta, ...demo.volunteers].flatMap((p) =>
    p.links.filter((l) => l.pupilMisId === pupil.misId).map((link) => ({ ...link, person: p })),
  );

/** Worked out afresh from ageOn: a child is in Year N when aged N + 4 on the 31 August before the school year. */
function yearGroupFor(dateOfBirth: string, day: string): string {
  const [year = 0, month = 0] = day.split('-').map(Number);
  const age = ageOn(dateOfBirth, `${month >= 9 ? year : year - 1}-08-31`);
  return age === 4 ? 'R' : String(age - 4);
}

describe.each(trust.schools.map((demo) => [demo.school.name, demo] as const))('%s', (_name, demo) => {
  const onRoll = demo.pupils.filter((p) => p.leftOn === undefined);

  it('has a headteacher, a deputy head, a DSL and a deputy DSL', () => {
    for (const duty of ['headteacher', 'deputy_headteacher', 'dsl', 'deputy_dsl'] as const) {
      expect(withDuty(demo, duty).length, duty).toBeGreaterThan(0);
    }
    expect(withDuty(demo, 'dsl')).toHaveLength(1);
  });

  it('has a class teacher for every class, and assistants, office and site staff', () => {
    const titles = demo.staff.flatMap(jobTitles);
    for (const className of new Set(onRoll.map((p) => p.className))) {
      expect(titles).toContain(`Class teacher, ${className}`);
    }
    for (const duty of ['teaching_assistant', 'office', 'site'] as const) {
      expect(withDuty(demo, duty).length, duty).toBeGreaterThan(0);
    }
  });

  it('has 9 to 12 governors with exactly one chair, a vice chair and a safeguarding link governor', () => {
    expect(demo.governors.length).toBeGreaterThanOrEqual(9);
    expect(demo.governors.length).toBeLessThanOrEqual(12);
    const duties = demo.governors.flatMap(governorDuties);
    expect(duties.filter((d) => d === 'chair')).toHaveLength(1);
    expect(duties).toContain('vice_chair');
    expect(duties).toContain('safeguarding_link');
  });

  it('has pupils on roll in every year from Reception to Year 6, in named classes', () => {
    expect(new Set(onRoll.map((p) => p.yearGroup))).toEqual(new Set(['R', '1', '2', '3', '4', '5', '6']));
    for (const pupil of onRoll) expect(pupil.className).toMatch(new RegExp(`^${pupil.yearGroup} [A-Z][a-z]+$`));
  });

  it('gives every pupil a date of birth that fits their year group on their last day on roll', () => {
    for (const pupil of demo.pupils) {
      expect(yearGroupFor(pupil.dateOfBirth, pupil.leftOn ?? today), pupil.misId).toBe(pupil.yearGroup);
    }
  });

  it('has a few former pupils who left before today', () => {
    const left = demo.pupils.filter((p) => p.leftOn !== undefined);
    expect(left.length).toBeGreaterThanOrEqual(2);
    expect(left.length).toBeLessThan(demo.pupils.length / 10);
    for (const pupil of left) expect(pupil.leftOn! < today).toBe(true);
  });

  it('gives every pupil carers, numbered in the order to contact them', () => {
    for (const pupil of demo.pupils) {
      const priorities = carersOf(demo, pupil).map((c) => c.contactPriority);
      expect(priorities.toSorted((a, b) => a - b)).toEqual(priorities.map((_, i) => i + 1));
    }
  });

  it('gives most pupils one or two parents, and parental responsibility as the law does', () => {
    const parents = (pupil: NewPupil) =>
      carersOf(demo, pupil).filter((c) => ['mother', 'father', 'parent'].includes(c.relationship));
    const oneOrTwo = demo.pupils.filter((p) => [1, 2].includes(parents(p).length));
    expect(oneOrTwo.length).toBeGreaterThan(demo.pupils.length * 0.8);
    const links = demo.pupils.flatMap((p) => carersOf(demo, p));
    for (const link of links.filter((l) => ['step_parent', 'foster_carer'].includes(l.relationship))) {
      expect(link.parentalResponsibility).toBe(false);
    }
    const relationships = new Set(links.map((l) => l.relationship));
    for (const kind of ['grandparent', 'foster_carer', 'step_parent'] as const) expect(relationships).toContain(kind);
  });

  it('has siblings who share their carers, and twins who share a birthday', () => {
    const families = demo.carers.filter((c) => c.links.length > 1);
    expect(families.length).toBeGreaterThan(10);
    const byId = new Map(demo.pupils.map((p) => [p.misId, p]));
    const twins = families.filter((carer) => {
      const children = carer.links.map((l) => byId.get(l.pupilMisId));
      return children.some((a, i) => children.slice(i + 1).some((b) => a?.dateOfBirth === b?.dateOfBirth));
    });
    expect(twins.length).toBeGreaterThan(0);
  });

  it('has a member of staff and a governor who are also parents here', () => {
    const staffParent = demo.staff.find((p) => p.links.length > 0);
    expect(staffParent?.roles.map((r) => r.role)).toEqual(['staff', 'parent']);
    expect(demo.governors.some((p) => p.roles.some((r) => r.role === 'parent'))).toBe(true);
  });
});

describe('leadership across the trust', () => {
  const [first, second] = trust.schools;

  it('has a single head in one school and co-heads in another', () => {
    expect(withDuty(first!, 'headteacher')).toHaveLength(1);
    expect(withDuty(second!, 'headteacher')).toHaveLength(2);
  });

  it('has the deputy head as DSL in one school and a separate DSL in another', () => {
    expect(staffDuties(withDuty(first!, 'dsl')[0]!)).toContain('deputy_headteacher');
    expect(staffDuties(withDuty(second!, 'dsl')[0]!)).not.toContain('deputy_headteacher');
  });
});

describe.each(['2025-08-31', '2025-09-01', '2028-02-29', '2026-07-21'])('on %s', (day) => {
  it('puts every pupil in the year group their age gives', () => {
    for (const demo of generateTrust({ seed: 5, today: day, schools: 1, pupilsPerSchool: 200 }).schools) {
      for (const pupil of demo.pupils) {
        expect(yearGroupFor(pupil.dateOfBirth, pupil.leftOn ?? day), pupil.misId).toBe(pupil.yearGroup);
      }
    }
  });
});
