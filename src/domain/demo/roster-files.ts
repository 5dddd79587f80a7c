// The three files a school's management information system would export (staff, pupils, then
// contacts), made from a demo school: what the browser journey and the import benchmark upload.
import { formatCsv } from '../roster/index.ts';
import { everyone, type DemoSchool } from './types.ts';

/** The three files, and how many new people each should add. */
export function rosterFiles(demo: DemoSchool) {
  const onRoll = demo.pupils.filter((pupil) => pupil.leftOn === undefined);
  const onRollIds = new Set(onRoll.map((pupil) => pupil.misId));
  const words = (code: string) => code.replaceAll('_', ' ');
  const staff = formatCsv([
    ['Staff ID', 'Forename', 'Surname', 'Email', 'Job Title', 'Duties'],
    ...demo.staff.map(({ person, roles }) => {
      const held = roles.find((role) => role.role === 'staff');
      return [
        person.misId ?? '',
        person.givenName,
        person.familyName,
        person.email ?? '',
        held?.role === 'staff' ? held.jobTitle : '',
        held?.role === 'staff' ? held.duties.map(words).join('; ') : '',
      ];
    }),
  ]);
  const pupils = formatCsv([
    ['UPN', 'Legal Forename', 'Legal Surname', 'Preferred Forename', 'DOB', 'NC Year', 'Reg Group'],
    ...onRoll.map((pupil) => [
      pupil.misId,
      pupil.legalGivenName,
      pupil.legalFamilyName,
      pupil.preferredName ?? '',
      pupil.dateOfBirth.split('-').reverse().join('/'),
      pupil.yearGroup === 'R'
        ? 'Reception'
        : pupil.yearGroup.startsWith('N')
          ? pupil.yearGroup
          : `Year ${pupil.yearGroup}`,
      pupil.className ?? '',
    ]),
  ]);
  const contacts = formatCsv([
    [
      'Contact ID',
      'Contact Forename',
      'Contact Surname',
      'Email',
      'Mobile',
      'Pupil ID',
      'Relationship',
      'PR',
      'Priority',
    ],
    ...everyone(demo).flatMap(({ person, links }) =>
      links
        .filter((link) => onRollIds.has(link.pupilMisId))
        .map((link) => [
          person.misId ?? '',
          person.givenName,
          person.familyName,
          person.email ?? '',
          person.phone ?? '',
          link.pupilMisId,
          words(link.relationship),
          link.parentalResponsibility ? 'Yes' : 'No',
          String(link.contactPriority),
        ]),
    ),
  ]);
  // Staff who are also parents are already in Footprint by the time the contacts file comes.
  const staffIds = new Set(demo.staff.map(({ person }) => person.misId));
  const newCarers = everyone(demo).filter(
    ({ person, links }) => links.some((link) => onRollIds.has(link.pupilMisId)) && !staffIds.has(person.misId),
  );
  return {
    staff,
    pupils,
    contacts,
    counts: { staff: demo.staff.length, pupils: onRoll.length, carers: newCarers.length },
  };
}
