// The note `footprint demo` prints: where each demo school lives and whom to sign in as for each role.
import { displayName, type StaffDuty } from '../community/people.ts';
import type { NewPupil } from '../community/pupils.ts';
import type { DemoPerson, DemoSchool, DemoTrust } from './types.ts';

export function demoSignInNote(trust: DemoTrust): string {
  return [
    trust.organisation.name,
    'Everything in it is invented: schools, people, URNs (9xxxxx), postcodes (ZZ) and example.org email addresses.',
    ...trust.schools.map(schoolNote),
  ].join('\n');
}

/** The people of a demo school who show Footprint as each role, with a word about each. */
export function demoRoles(demo: DemoSchool): { role: string; person: DemoPerson | undefined; about?: string }[] {
  const pupils = new Map(demo.pupils.map((pupil) => [pupil.misId, pupil]));
  const children = (person: DemoPerson) =>
    person.links.flatMap(({ pupilMisId }) => {
      const pupil = pupils.get(pupilMisId);
      return pupil === undefined || pupil.leftOn !== undefined ? [] : [pupil];
    });
  const duties = (person: DemoPerson) => person.roles.flatMap((r) => (r.role === 'staff' ? r.duties : []));
  const jobTitle = (person: DemoPerson) => person.roles.flatMap((r) => (r.role === 'staff' ? [r.jobTitle] : []))[0];
  const staffWith = (duty: StaffDuty) => demo.staff.find((person) => duties(person).includes(duty));
  const childrenNote = (person: DemoPerson) =>
    `${person.links[0]?.relationship ?? 'parent'} of ${children(person).map(describe).join(' and ')}`;

  const head = staffWith('headteacher');
  const dsl = staffWith('dsl');
  const teacher = demo.staff.find((p) => p.roles.length === 1 && jobTitle(p)?.startsWith('Class teacher') === true);
  const chair = demo.governors.find((p) => p.roles.some((r) => r.role === 'governor' && r.duties.includes('chair')));
  const isParent = (link: DemoPerson['links'][number]) =>
    link.parentalResponsibility && ['mother', 'father', 'parent'].includes(link.relationship);
  const parents = demo.carers.filter((p) => p.person.email && p.links.every(isParent) && children(p).length > 0);
  const parent = parents.find((p) => children(p).length > 1) ?? parents[0];
  const staffParent = demo.staff.find((p) => p.roles.some((r) => r.role === 'parent') && children(p).length > 0);

  const rows: [string, DemoPerson | undefined, string | undefined][] = [
    ['Headteacher', head, head && jobTitle(head)],
    ['DSL', dsl, dsl && jobTitle(dsl)],
    ['Teacher', teacher, teacher && jobTitle(teacher)],
    ['Chair of governors', chair, undefined],
    ['Parent', parent, parent && childrenNote(parent)],
    ['Staff and parent', staffParent, staffParent && `${jobTitle(staffParent)}; ${childrenNote(staffParent)}`],
  ];
  return rows.map(([role, person, about]) => (about === undefined ? { role, person } : { role, person, about }));
}

function schoolNote(demo: DemoSchool): string {
  return [
    '',
    demo.school.name,
    `  Public address: /s/${demo.school.slug}`,
    '  To see Footprint as each role, use these people:',
    ...demoRoles(demo).map(({ role, person, about }) => `    ${role.padEnd(20)}${describePerson(person, about)}`),
  ].join('\n');
}

function describe(pupil: NewPupil): string {
  const name = pupil.preferredName ?? pupil.legalGivenName;
  return pupil.className === undefined ? name : `${name} in ${pupil.className}`;
}

function describePerson(person: DemoPerson | undefined, about: string | undefined): string {
  if (person === undefined) return 'nobody in this demo';
  const email = person.person.email === undefined ? '' : ` <${person.person.email}>`;
  return `${displayName(person.person)}${email}${about === undefined ? '' : `, ${about}`}`;
}
