import { expect, it } from 'vitest';
import type { NewSchool } from '../../../src/domain/community/school.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

const oakfield: NewSchool = {
  name: 'Oakfield Primary School',
  slug: 'oakfield-primary',
  urn: '912345',
  phase: 'primary',
  address: { line1: '1 School Lane', town: 'Oakfield', postcode: 'OX7 6XQ' },
  contactEmail: 'office@oakfield.example.org',
  day: { starts: '08:45', ends: '15:15' },
};

describeEachBackend('Setting up Footprint for the first school', (backend) => {
  const adapters = useAdapters(backend);
  const community = () => createServices(adapters()).community;

  it('creates the organisation and its first school once, and never again', async () => {
    expect(await community().isSetUp()).toBe(false);
    const school = await community().setUp({ name: 'Oakfield Primary School', kind: 'standalone' }, oakfield, {
      givenName: 'Helen',
      familyName: 'Marsh',
      email: 'head@oakfield.example.org',
    });
    expect(school).toMatchObject({ slug: 'oakfield-primary', urn: '912345' });
    const staff = await community().people(school.id, { role: 'staff', limit: 5, offset: 0 });
    expect(staff.items.map((p) => [p.givenName, p.email, p.roles])).toEqual([
      ['Helen', 'head@oakfield.example.org', [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }]],
    ]);
    expect(await community().isSetUp()).toBe(true);
    await expect(
      community().setUp({ name: 'Another', kind: 'trust' }, { ...oakfield, slug: 'another', urn: '912346' }),
    ).rejects.toMatchObject({ code: 'already_set_up' });
    expect(await community().schoolBySlug('another')).toBeUndefined();
  });

  it('refuses a second school with a web address or URN already in use, keeping nothing of it', async () => {
    const { units } = adapters();
    const { addSchoolTo } = await import('../../../src/services/community.ts');
    const organisation = await units.acrossSchools((store) =>
      store.schools.addOrganisation({ name: 'Trust', kind: 'trust' }),
    );
    await expect(
      units.acrossSchools((store) => addSchoolTo(store, organisation.id, { ...oakfield, urn: '999999' })),
    ).rejects.toMatchObject({
      code: 'school_exists',
    });
    await expect(
      units.acrossSchools((store) => addSchoolTo(store, organisation.id, { ...oakfield, slug: 'elsewhere' })),
    ).rejects.toMatchObject({
      code: 'school_exists',
    });
    expect(await units.acrossSchools((store) => store.schools.count())).toBe(1);
  });
});
