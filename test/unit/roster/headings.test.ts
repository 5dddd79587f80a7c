import { describe, expect, it } from 'vitest';
import { headingKey, rosterColumns, rosterKinds } from '../../../src/domain/roster/columns.ts';
import { matchHeadings } from '../../../src/domain/roster/headings.ts';

const found = (result: ReturnType<typeof matchHeadings>) => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return Object.fromEntries([...result.found].map(([key, column]) => [key, column.heading]));
};

describe('finding the columns in a school’s headings', () => {
  it('reads a SIMS-style pupils export', () => {
    const headings = ['Adno', 'Legal Surname', 'Legal Forename', 'Preferred Forename', 'DOB', 'NC Year', 'Reg Group'];
    expect(found(matchHeadings('pupils', headings, 1))).toEqual({
      misId: 'Adno',
      legalFamilyName: 'Legal Surname',
      legalGivenName: 'Legal Forename',
      preferredName: 'Preferred Forename',
      dateOfBirth: 'DOB',
      yearGroup: 'NC Year',
      className: 'Reg Group',
    });
  });

  it('ignores case, spaces and punctuation', () => {
    const headings = ['UPN', 'FIRST_NAME', 'last name', 'known-as', 'Date of Birth', 'year group', 'FORM'];
    expect(Object.keys(found(matchHeadings('pupils', headings, 1)))).toHaveLength(7);
  });

  it('lists the columns it does not use as a warning', () => {
    const result = matchHeadings('pupils', ['ID', 'Forename', 'Surname', 'DOB', 'Year', 'Gender', 'SEN'], 1);
    expect(result.warnings).toEqual(['Footprint does not use, and did not keep, these columns: "Gender", "SEN".']);
  });

  it('prefers the earlier heading when two could be the same column, and says which it used', () => {
    const result = matchHeadings('pupils', ['Admission Number', 'UPN', 'Forename', 'Surname', 'DOB', 'Year'], 1);
    expect(found(result).misId).toBe('UPN');
    expect(result.warnings).toEqual([
      '"UPN", "Admission Number" could each be the MIS ID column: Footprint used "UPN".',
    ]);
  });

  it('gives one error for each required column missing, naming the headings it accepts', () => {
    const result = matchHeadings('pupils', ['UPN', 'Forename', 'Surname', 'Class'], 1);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        row: 1,
        field: 'Date of birth',
        message:
          'There is no Date of birth column: add one headed "Date of birth" (Footprint also accepts "DOB", "Birth Date")',
      },
      {
        row: 1,
        field: 'Year group',
        message: expect.stringContaining('"Year", "NC Year", "Curriculum Year"'),
      },
    ]);
  });

  it('reads staff and contacts exports', () => {
    const staff = ['Staff Code', 'Forename', 'Surname', 'Work Email', 'Role', 'Duties'];
    expect(found(matchHeadings('staff', staff, 1))).toMatchObject({ misId: 'Staff Code', jobTitle: 'Role' });
    const contacts = ['Contact ID', 'Forename', 'Surname', 'Mobile', 'Pupil ID', 'Relationship to Pupil', 'PR'];
    expect(found(matchHeadings('contacts', contacts, 1))).toMatchObject({
      misId: 'Contact ID',
      phone: 'Mobile',
      pupilMisId: 'Pupil ID',
      parentalResponsibility: 'PR',
    });
  });

  it.each(rosterKinds)('gives every heading of %s to one column only', (kind) => {
    const keys = rosterColumns[kind].flatMap((column) => [column.name, ...column.variants].map(headingKey));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
