// Schools and their people, on each database: what is saved comes back the same, and one
// school's people never show up in another school's lists, finds or links.
import { beforeAll, expect, it } from 'vitest';
import type { School } from '../../../src/domain/community/school.ts';
import type { NewSchool } from '../../../src/domain/community/school.ts';
import type { UnitsOfWork } from '../../../src/services/ports.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

const school = (slug: string, urn: string): NewSchool => ({
  name: `School ${slug}`,
  slug,
  urn,
  phase: 'primary',
  address: { line1: '1 Example Road', town: 'Exampleton', postcode: 'EX1 2AB' },
  contactEmail: `office@${slug}.example.org`,
  day: { starts: '08:45', ends: '15:15' },
});

describeEachBackend('Schools and their communities', (backend) => {
  const adapters = useAdapters(backend);
  // Each call its own unit of work, as the repositories are used one call at a time here.
  const inSchool: UnitsOfWork['inSchool'] = (schoolId, work) => adapters().units.inSchool(schoolId, work);
  const acrossSchools: UnitsOfWork['acrossSchools'] = (work) => adapters().units.acrossSchools(work);

  let trustId = '';
  let north: School;
  let south: School;
  beforeAll(async () => {
    const trust = await acrossSchools((store) =>
      store.schools.addOrganisation({ name: 'Example Trust', kind: 'trust' }),
    );
    trustId = trust.id;
    north = await acrossSchools((store) => store.schools.addSchool(trust.id, school('north', '900101')));
    south = await acrossSchools((store) => store.schools.addSchool(trust.id, school('south', '900102')));
  });

  it('keeps a school as it was given, found by its slug', async () => {
    expect(await acrossSchools((store) => store.schools.findBySlug('north'))).toEqual({
      ...school('north', '900101'),
      id: north.id,
      organisationId: trustId,
    });
    expect((await acrossSchools((store) => store.schools.ofOrganisation(trustId))).map((s) => s.slug)).toEqual([
      'north',
      'south',
    ]);
    expect(await acrossSchools((store) => store.schools.count())).toBe(2);
    expect(await acrossSchools((store) => store.schools.findBySlug('east'))).toBeUndefined();
  });

  it('keeps people with every role they hold, and pupils with their carers, within one school', async () => {
    const [teacherParent, governor] = await inSchool(north.id, (store) =>
      store.people.add([
        {
          person: { givenName: 'Amira', familyName: 'Haddad', email: 'amira@example.org', misId: 'S1' },
          roles: [{ role: 'staff', jobTitle: 'Class teacher', duties: ['teacher', 'deputy_dsl'] }, { role: 'parent' }],
        },
        { person: { givenName: 'Tom', familyName: 'Price' }, roles: [{ role: 'governor', duties: ['chair'] }] },
      ]),
    );
    await inSchool(south.id, (store) =>
      store.people.add([
        { person: { givenName: 'Amira', familyName: 'Haddad', misId: 'S1' }, roles: [{ role: 'parent' }] },
      ]),
    );
    const [child] = await inSchool(north.id, (store) =>
      store.pupils.add([
        {
          misId: 'P1',
          legalGivenName: 'Layla',
          legalFamilyName: 'Haddad',
          dateOfBirth: '2017-03-04',
          yearGroup: '3',
          className: '3 Oak',
        },
      ]),
    );
    await inSchool(north.id, (store) =>
      store.pupils.linkCarers([
        {
          pupilId: child!.id,
          carerId: teacherParent!.id,
          relationship: 'mother',
          parentalResponsibility: true,
          contactPriority: 1,
        },
      ]),
    );

    expect((await inSchool(north.id, (store) => store.people.find(teacherParent!.id)))?.roles).toEqual([
      { role: 'parent' },
      { role: 'staff', jobTitle: 'Class teacher', duties: ['teacher', 'deputy_dsl'] },
    ]);
    expect(await inSchool(north.id, (store) => store.pupils.find(child!.id))).toEqual({
      id: child!.id,
      schoolId: north.id,
      misId: 'P1',
      legalGivenName: 'Layla',
      legalFamilyName: 'Haddad',
      dateOfBirth: '2017-03-04',
      yearGroup: '3',
      className: '3 Oak',
    });
    expect(
      (await inSchool(north.id, (store) => store.pupils.carersOf(child!.id))).map((c) => [
        c.carer.givenName,
        c.link.relationship,
      ]),
    ).toEqual([['Amira', 'mother']]);
    expect(
      (await inSchool(north.id, (store) => store.pupils.childrenOf(teacherParent!.id))).map((c) => c.pupil.misId),
    ).toEqual(['P1']);
    expect(
      (await inSchool(north.id, (store) => store.people.list({ role: 'governor', limit: 10, offset: 0 }))).items.map(
        (p) => p.id,
      ),
    ).toEqual([governor!.id]);

    // The other school sees none of it.
    expect(await inSchool(south.id, (store) => store.people.find(teacherParent!.id))).toBeUndefined();
    expect(await inSchool(south.id, (store) => store.pupils.find(child!.id))).toBeUndefined();
    expect(await inSchool(south.id, (store) => store.pupils.carersOf(child!.id))).toEqual([]);
    expect(await inSchool(south.id, (store) => store.pupils.childrenOf(teacherParent!.id))).toEqual([]);
    const southPeople = await inSchool(south.id, (store) =>
      store.people.list({ search: 'Haddad', limit: 10, offset: 0 }),
    );
    expect(southPeople.total).toBe(1);
    expect(southPeople.items[0]?.roles).toEqual([{ role: 'parent' }]);
    expect((await inSchool(south.id, (store) => store.pupils.list({ limit: 10, offset: 0 }))).total).toBe(0);

    // Nor can a link join a pupil of one school to a carer of another, whatever the caller says.
    const [southParent] = (await inSchool(south.id, (store) => store.people.list({ limit: 1, offset: 0 }))).items;
    await expect(
      inSchool(north.id, (store) =>
        store.pupils.linkCarers([
          { pupilId: child!.id, carerId: southParent!.id, relationship: 'father', parentalResponsibility: true },
        ]),
      ),
    ).rejects.toThrow();
    await expect(
      inSchool(south.id, (store) =>
        store.pupils.linkCarers([
          { pupilId: child!.id, carerId: southParent!.id, relationship: 'father', parentalResponsibility: true },
        ]),
      ),
    ).rejects.toThrow();
  });

  it('searches and pages people and pupils, and tells who is still on the roll', async () => {
    await inSchool(north.id, (store) =>
      store.pupils.add(
        Array.from({ length: 25 }, (_, i) => ({
          misId: `L${String(i).padStart(2, '0')}`,
          legalGivenName: `Child${i}`,
          legalFamilyName: 'Zephyr',
          dateOfBirth: '2016-10-01',
          yearGroup: '4' as const,
          ...(i < 5 ? { leftOn: '2026-07-20' } : {}),
        })),
      ),
    );
    const page = await inSchool(north.id, (store) => store.pupils.list({ search: 'zeph', limit: 10, offset: 10 }));
    expect(page.total).toBe(25);
    const byName = Array.from({ length: 25 }, (_, i) => `Child${i}`).sort();
    expect(page.items.map((p) => p.legalGivenName)).toEqual(byName.slice(10, 20));
    expect(
      (
        await inSchool(north.id, (store) =>
          store.pupils.list({ search: 'Zephyr', onRollOn: '2026-09-01', limit: 50, offset: 0 }),
        )
      ).total,
    ).toBe(20);
    expect(
      (
        await inSchool(north.id, (store) =>
          store.pupils.list({ yearGroup: '4', onRollOn: '2026-07-01', limit: 50, offset: 0 }),
        )
      ).total,
    ).toBe(25);
    expect(
      (await inSchool(north.id, (store) => store.people.list({ search: '100%_', limit: 10, offset: 0 }))).total,
    ).toBe(0);
  });
});
