import { describe, expect, it } from 'vitest';
import { newPersonSchema } from '../../../src/domain/community/people.ts';
import { newPupilSchema } from '../../../src/domain/community/pupils.ts';
import { newOrganisationSchema, newSchoolSchema } from '../../../src/domain/community/school.ts';
import { everyone, generateTrust, type DemoOptions } from '../../../src/domain/demo/index.ts';

const options: DemoOptions = { seed: 2026, today: '2026-03-02' };
const trust = generateTrust(options);

describe('generateTrust', () => {
  it('gives the same trust for the same options', () => {
    expect(generateTrust(options)).toEqual(trust);
  });

  it('gives a different trust for a different seed', () => {
    expect(generateTrust({ ...options, seed: 2027 })).not.toEqual(trust);
  });

  it('makes two schools of about 300 pupils unless told otherwise', () => {
    expect(trust.schools.map((s) => s.pupils.length)).toEqual([300, 300]);
  });

  it('makes as many schools and pupils as asked', () => {
    const small = generateTrust({ ...options, schools: 3, pupilsPerSchool: 20 });
    expect(small.schools.map((s) => s.pupils.length)).toEqual([20, 20, 20]);
  });

  it.each([
    [{ seed: 1.5 }, 'seed'],
    [{ today: '2026-02-30' }, 'YYYY-MM-DD'],
    [{ schools: 0 }, 'from 1 to 12'],
    [{ schools: 13 }, 'from 1 to 12'],
    [{ pupilsPerSchool: 19 }, 'from 20 to 2500'],
    [{ pupilsPerSchool: 2501 }, 'from 20 to 2500'],
  ])('refuses %o, saying what is allowed', (change, message) => {
    expect(() => generateTrust({ ...options, ...change })).toThrow(message);
  });

  it('labels the trust as a demo', () => {
    expect(newOrganisationSchema.parse(trust.organisation)).toEqual(trust.organisation);
    expect(trust.organisation).toMatchObject({ name: expect.stringContaining('Demo'), kind: 'trust' });
  });
});

describe.each(trust.schools.map((demo) => [demo.school.name, demo] as const))('%s', (_name, demo) => {
  it('is a valid school, clearly marked as invented', () => {
    expect(newSchoolSchema.parse(demo.school)).toEqual(demo.school);
    expect(demo.school).toMatchObject({
      name: expect.stringMatching(/^Demo: /),
      slug: expect.stringMatching(/^demo-/),
      urn: expect.stringMatching(/^9\d{5}$/),
      phase: 'primary',
      contactEmail: expect.stringMatching(/\.example\.org$/),
      day: { starts: '08:45', ends: '15:15' },
    });
    expect(demo.school.address.postcode).toMatch(/^ZZ\d /);
  });

  it('has only valid pupils, already in the form the schema gives back', () => {
    for (const pupil of demo.pupils) expect(newPupilSchema.parse(pupil)).toEqual(pupil);
  });

  it('has only valid people, already in the form the schema gives back', () => {
    for (const { person } of everyone(demo)) expect(newPersonSchema.parse(person)).toEqual(person);
  });

  it('uses only reserved email domains and Ofcom drama phone numbers', () => {
    for (const { person } of everyone(demo)) {
      if (person.email !== undefined) expect(person.email).toMatch(/@([a-z0-9-]+\.)*example\.org$/);
      if (person.phone !== undefined) expect(person.phone).toMatch(/^(01632 960|07700 900)\d{3}$/);
    }
  });

  it('gives MIS ids that are unique among its pupils and among its people', () => {
    const pupilIds = demo.pupils.map((p) => p.misId);
    const personIds = everyone(demo).flatMap(({ person }) => (person.misId === undefined ? [] : [person.misId]));
    expect(new Set(pupilIds).size).toBe(pupilIds.length);
    expect(new Set(personIds).size).toBe(personIds.length);
  });

  it('lists each person once, under their first role, and links carers only to its own pupils', () => {
    const lists = { staff: 'staff', governor: 'governors', parent: 'carers', volunteer: 'volunteers' } as const;
    const more = { pta_member: 'pta', visitor: 'visitors', contractor: 'contractors' } as const;
    for (const [role, list] of Object.entries({ ...lists, ...more })) {
      expect(demo[list].length, list).toBeGreaterThan(0);
      for (const entry of demo[list]) expect(entry.roles[0]?.role).toBe(role);
    }
    const pupilIds = new Set(demo.pupils.map((p) => p.misId));
    for (const entry of everyone(demo)) {
      const roles = entry.roles.map((r) => r.role);
      expect(new Set(roles).size).toBe(roles.length);
      expect(roles.includes('parent')).toBe(entry.links.length > 0);
      for (const link of entry.links) expect(pupilIds.has(link.pupilMisId)).toBe(true);
    }
  });
});

describe('across the trust', () => {
  it('gives every school its own slug and URN', () => {
    const many = generateTrust({ ...options, schools: 12, pupilsPerSchool: 20 });
    expect(new Set(many.schools.map((s) => s.school.slug)).size).toBe(12);
    expect(new Set(many.schools.map((s) => s.school.urn)).size).toBe(12);
  });

  it('gives no two people the same email address', () => {
    const emails = trust.schools.flatMap((s) => everyone(s).flatMap(({ person }) => person.email ?? []));
    expect(emails.length).toBeGreaterThan(500);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
