import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../src/domain/roster/index.ts';

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const headings = 'Contact ID,Forename,Surname,Email,Mobile,Pupil ID,Relationship,Parental Responsibility,Priority';

const errorsOf = (text: string) => {
  const result = readRoster('contacts', text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};

describe('reading a contacts file', () => {
  it('gathers a contact’s rows into one contact linked to each of their children', () => {
    const result = readRoster(
      'contacts',
      csv(
        headings,
        'C501,Grace,Okafor,grace.okafor@example.com,07700 900 123,1001,Mother,Yes,1',
        'C502,Declan,Brennan,,,1002,Father,Y,',
        'C501,Grace,OKAFOR,Grace.Okafor@example.com,07700900123,1003,Mum,True,2',
        'C501,Grace,Okafor,,,1004,Step-mother,No,',
      ),
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      rows: [
        {
          rows: [2, 4, 5],
          person: {
            misId: 'C501',
            givenName: 'Grace',
            familyName: 'Okafor',
            email: 'grace.okafor@example.com',
            phone: '07700 900 123',
          },
          links: [
            { row: 2, pupilMisId: '1001', relationship: 'mother', parentalResponsibility: true, contactPriority: 1 },
            { row: 4, pupilMisId: '1003', relationship: 'mother', parentalResponsibility: true, contactPriority: 2 },
            { row: 5, pupilMisId: '1004', relationship: 'step_parent', parentalResponsibility: false },
          ],
        },
        {
          rows: [3],
          person: { misId: 'C502', givenName: 'Declan', familyName: 'Brennan' },
          links: [{ row: 3, pupilMisId: '1002', relationship: 'father', parentalResponsibility: true }],
        },
      ],
    });
  });

  it('fills a detail left blank on the first row from a later one', () => {
    const result = readRoster(
      'contacts',
      csv(headings, 'C501,Grace,Okafor,,,1001,Mother,Yes,', 'C501,Grace,Okafor,g@example.com,,1002,Mother,Yes,'),
    );
    expect(result.ok && result.rows[0]?.person.email).toBe('g@example.com');
  });

  it('refuses a contact whose own details differ between rows, and a link given twice', () => {
    const errors = errorsOf(
      csv(
        headings,
        'C501,Grace,Okafor,grace.okafor@example.com,07700 900 123,1001,Mother,Yes,1',
        'C501,Grace,Okafor-Reid,grace@example.com,07700 900 123,1003,Mother,Yes,1',
        'C501,Grace,Okafor,grace.okafor@example.com,07700 900 123,1001,Mother,Yes,1',
      ),
    );
    expect(errors).toEqual([
      {
        row: 3,
        field: 'Surname',
        message:
          'Last name "Okafor-Reid" is not the same as on row 2 ("Okafor"): ' +
          'a contact’s own details must be the same on every row they are on',
      },
      {
        row: 3,
        field: 'Email',
        message: expect.stringMatching(/^Email "grace@example.com" is not the same as on row 2/),
      },
      {
        row: 4,
        field: 'Pupil ID',
        message: 'Contact C501 is already linked to pupil 1001 on row 2: remove one of the two rows',
      },
    ]);
  });

  it('reports unreadable parental responsibility and priority, and blank required cells', () => {
    expect(errorsOf(csv(headings, 'C501,Grace,Okafor,,,,Mother,Maybe,first'))).toEqual([
      { row: 2, field: 'Pupil ID', message: 'Pupil MIS ID is blank: fill it in' },
      {
        row: 2,
        field: 'Parental Responsibility',
        message: 'Parental responsibility "Maybe" is not Yes or No: use Yes or No',
      },
      { row: 2, field: 'Priority', message: expect.stringContaining('use 1 for the first to contact') },
    ]);
  });

  it('reads a relationship it does not know as Other, and says so', () => {
    const result = readRoster(
      'contacts',
      csv(
        headings,
        'C501,Grace,Okafor,,,1001,Neighbour,No,',
        'C502,Ann,Lee,,,1001,Neighbour,No,',
        'C503,Bo,Lee,,,1001,Childminder,No,',
      ),
    );
    expect(result.ok && result.rows.map((contact) => contact.links[0]?.relationship)).toEqual([
      'other',
      'other',
      'other',
    ]);
    expect(result.warnings).toEqual([
      'Relationship "Neighbour" (rows 2, 3) is not one Footprint knows, so it was read as Other.',
      'Relationship "Childminder" (row 4) is not one Footprint knows, so it was read as Other.',
    ]);
  });
});
