import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../src/domain/roster/index.ts';

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const headings = 'Staff Code,Forename,Surname,Known As,Work Email,Telephone,Post,Duties,Payroll';

describe('reading a staff file', () => {
  it('gives each member of staff with their job title and duties', () => {
    const result = readRoster(
      'staff',
      csv(headings, 'HMA,Helen,Marsh,,H.Marsh@oakfield.example.org,01632 960 101,Headteacher,"Headteacher; DSL",x'),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          person: {
            misId: 'HMA',
            givenName: 'Helen',
            familyName: 'Marsh',
            email: 'H.Marsh@oakfield.example.org',
            phone: '01632 960 101',
          },
          jobTitle: 'Headteacher',
          duties: ['headteacher', 'dsl'],
        },
      ],
      warnings: ['Footprint does not use, and did not keep, these columns: "Payroll".'],
    });
  });

  it('reports unknown duties, malformed emails and phones, and shared MIS IDs and emails', () => {
    const result = readRoster(
      'staff',
      csv(
        headings,
        'HMA,Helen,Marsh,,h.marsh@oakfield.example.org,,Headteacher,Headteacher; Bursar,',
        'RPA,Rajesh,Patel,Raj,r.patel@oakfield,0123,Teacher,Teacher,',
        'HMA,Harriet,Mason,,H.MARSH@oakfield.example.org,,Office manager,,',
      ),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      { row: 2, field: 'Duties', message: expect.stringMatching(/^Duties "Headteacher; Bursar" has "Bursar", which/) },
      {
        row: 3,
        field: 'Work Email',
        message: 'Work email "r.patel@oakfield": Enter an email address in the right format, such as name@example.com',
      },
      { row: 3, field: 'Telephone', message: expect.stringMatching(/^Phone "0123": Enter a phone number, such as/) },
      { row: 4, field: 'Staff Code', message: expect.stringMatching(/^MIS ID HMA is also on row 2: /) },
      {
        row: 4,
        field: 'Work Email',
        message: expect.stringMatching(/^Work email h.marsh@oakfield.example.org is also on row 2: /),
      },
    ]);
  });

  it('needs an MIS ID for each member of staff, so that the next upload updates them', () => {
    const result = readRoster('staff', csv('First name,Last name', 'Helen,Marsh'));
    expect(result.ok ? [] : result.errors).toEqual([
      { row: 1, field: 'MIS ID', message: expect.stringContaining('There is no MIS ID column') },
    ]);
  });
});
