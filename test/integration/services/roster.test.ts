// Importing rosters on each database: all or nothing, updates by MIS id, leavers marked, never
// deleted; and the demo trust written whole.
import { beforeAll, expect, it } from 'vitest';
import { generateTrust } from '../../../src/domain/demo/index.ts';
import type { School } from '../../../src/domain/community/school.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

const pupilsFile = (rows: string[]) => ['UPN,Forename,Surname,DOB,Year,Reg Group', ...rows].join('\n');
const today = '2026-11-22';

describeEachBackend('Importing a roster', (backend) => {
  const adapters = useAdapters(backend);
  const services = () => createServices(adapters());
  let school: School;
  const pupilCount = async (onRollOn?: string) =>
    (
      await adapters().units.inSchool(school.id, (store) =>
        store.pupils.list({ limit: 1, offset: 0, ...(onRollOn ? { onRollOn } : {}) }),
      )
    ).total;

  beforeAll(async () => {
    school = await services().community.setUp(
      { name: 'Oakfield Primary School', kind: 'standalone' },
      {
        name: 'Oakfield Primary School',
        slug: 'oakfield',
        urn: '912345',
        phase: 'primary',
        address: { line1: '1 School Lane', town: 'Oakfield', postcode: 'OX7 6XQ' },
        contactEmail: 'office@oakfield.example.org',
        day: { starts: '08:45', ends: '15:15' },
      },
    );
  });

  it('imports a clean pupils file, and on re-import updates by MIS id and marks the missing as left', async () => {
    const first = await services().roster.import(
      school.id,
      'pupils',
      pupilsFile(['1001,Amara,Okafor,14/11/2019,Year 3,Willow', '1002,Thomas,Brennan,02/03/2022,Reception,Robins']),
      today,
    );
    expect(first).toMatchObject({ ok: true, summary: { added: 2, updated: 0, markedLeft: 0 } });
    const before = (
      await adapters().units.inSchool(school.id, (store) =>
        store.pupils.list({ search: 'Okafor', limit: 5, offset: 0 }),
      )
    ).items[0];

    const second = await services().roster.import(
      school.id,
      'pupils',
      pupilsFile(['1001,Amara,Okafor-Reid,14/11/2019,Year 3,Willow', '1003,Zainab,Hussain,05/06/2020,2,Oak']),
      today,
    );
    expect(second).toMatchObject({ ok: true, summary: { added: 1, updated: 1, markedLeft: 1 } });
    const after = await adapters().units.inSchool(school.id, (store) => store.pupils.find(before!.id));
    expect(after?.legalFamilyName).toBe('Okafor-Reid');
    expect(await pupilCount()).toBe(3);
    expect(await pupilCount(today)).toBe(2);
    const left = (
      await adapters().units.inSchool(school.id, (store) =>
        store.pupils.list({ search: 'Brennan', limit: 5, offset: 0 }),
      )
    ).items[0];
    expect(left?.leftOn).toBe(today);
  });

  it('rejects a file with an impossible date, a repeated MIS id and an unknown year group, changing nothing', async () => {
    const result = await services().roster.import(
      school.id,
      'pupils',
      pupilsFile([
        '2001,Maya,Stone,31/02/2017,3,Oak',
        '2002,Leo,Stone,04/05/2016,Year 14,Ash',
        '2001,Sam,Reed,01/09/2017,3,Oak',
      ]),
      today,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'DOB'],
      [3, 'Year'],
      [4, 'UPN'],
    ]);
    expect(await pupilCount()).toBe(3);
    expect(await pupilCount(today)).toBe(2);
  });

  it('imports staff with their duties, and contacts linked to pupils on the roll', async () => {
    const staff = await services().roster.import(
      school.id,
      'staff',
      'MIS ID,First name,Last name,Work email,Job title,Duties\nS1,Helen,Marsh,h.marsh@oakfield.example.org,Headteacher,Headteacher; DSL',
      today,
    );
    expect(staff).toMatchObject({ ok: true, summary: { added: 1 } });
    const contacts = await services().roster.import(
      school.id,
      'contacts',
      [
        'Contact MIS ID,First name,Last name,Email,Pupil MIS ID,Relationship,Parental responsibility,Contact priority',
        'C1,Grace,Okafor,grace@example.com,1001,Mother,Yes,1',
        'C1,Grace,Okafor,grace@example.com,1003,Aunt,No,2',
      ].join('\n'),
      today,
    );
    expect(contacts).toMatchObject({ ok: true, summary: { added: 1, links: 2 } });
    const [head] = (
      await adapters().units.inSchool(school.id, (store) => store.people.list({ role: 'staff', limit: 5, offset: 0 }))
    ).items;
    expect(head?.roles).toEqual([{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher', 'dsl'] }]);
    const [grace] = (
      await adapters().units.inSchool(school.id, (store) => store.people.list({ role: 'parent', limit: 5, offset: 0 }))
    ).items;
    const children = await services().community.person(school.id, grace!.id);
    expect(children?.children.map((c) => [c.pupil.misId, c.link.relationship, c.link.parentalResponsibility])).toEqual([
      ['1003', 'aunt_or_uncle', false],
      ['1001', 'mother', true],
    ]);
  });

  it('refuses contacts of pupils who are not on the roll, importing none of them', async () => {
    const result = await services().roster.import(
      school.id,
      'contacts',
      [
        'Contact MIS ID,First name,Last name,Pupil MIS ID,Relationship,Parental responsibility',
        'C2,Ola,Bello,1001,Father,Yes',
        'C3,Ann,Kerr,9999,Mother,Yes',
      ].join('\n'),
      today,
    );
    expect(result).toMatchObject({ ok: false, errors: [{ row: 3, field: 'Pupil MIS ID' }] });
    expect(
      (
        await adapters().units.inSchool(school.id, (store) =>
          store.people.list({ search: 'Bello', limit: 5, offset: 0 }),
        )
      ).total,
    ).toBe(0);
  });

  it('writes a generated demo trust whole: every pupil with carers, every adult with their roles', async () => {
    const trust = generateTrust({ seed: 7, schools: 2, pupilsPerSchool: 60, today });
    const written = await services().demo.write(trust);
    expect(written.map((w) => w.pupils)).toEqual([60, 60]);
    const demo = await services().community.schoolBySlug(written[0]!.slug);
    const pupils = await adapters().units.inSchool(demo!.id, (store) => store.pupils.list({ limit: 100, offset: 0 }));
    expect(pupils.total).toBe(60);
    const withCarers = await Promise.all(pupils.items.map((p) => services().community.pupil(demo!.id, p.id)));
    expect(withCarers.every((p) => (p?.carers.length ?? 0) > 0)).toBe(true);
    const heads = await adapters().units.inSchool(demo!.id, (store) =>
      store.people.list({ role: 'staff', limit: 500, offset: 0 }),
    );
    expect(heads.items.some((p) => p.roles.some((r) => r.role === 'staff' && r.duties.includes('headteacher')))).toBe(
      true,
    );
    // The first demo school's people are not the second's.
    const other = await services().community.schoolBySlug(written[1]!.slug);
    expect(
      await adapters().units.inSchool(other!.id, (store) => store.pupils.find(pupils.items[0]!.id)),
    ).toBeUndefined();
  });
});
