import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../src/domain/roster/index.ts';

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const headings = 'Adno,Legal Forename,Legal Surname,Preferred Forename,DOB,NC Year,Reg Group';

const rowsOf = (text: string) => {
  const result = readRoster('pupils', text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.rows;
};
const errorsOf = (text: string) => {
  const result = readRoster('pupils', text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};

describe('reading a pupils file', () => {
  it('gives each pupil with their row, dates and year groups in Footprint’s form, and blank cells as undefined', () => {
    const rows = rowsOf(
      csv(headings, '1234, Amara ,Okafor,,7/9/2016,Year 5,5W', '1235,Thomas,Brennan,Tom,2021-03-02,Rec,'),
    );
    expect(rows).toEqual([
      {
        row: 2,
        pupil: {
          misId: '1234',
          legalGivenName: 'Amara',
          legalFamilyName: 'Okafor',
          dateOfBirth: '2016-09-07',
          yearGroup: '5',
          className: '5W',
        },
      },
      {
        row: 3,
        pupil: {
          misId: '1235',
          legalGivenName: 'Thomas',
          legalFamilyName: 'Brennan',
          preferredName: 'Tom',
          dateOfBirth: '2021-03-02',
          yearGroup: 'R',
        },
      },
    ]);
  });

  it('reports every error in the file, with its row and the column as the school named it', () => {
    const errors = errorsOf(
      csv(
        headings,
        '1001,Amara,Okafor,,14/11/2019,Year 3,3W',
        '1002,Thomas,Brennan,Tom,31/02/2016,Year 4,4B',
        '1003,Isla,Hughes,,01/05/2018,Year 14,4B',
        '1001,Noah,Ahmed,,03/06/2018,4,4B',
      ),
    );
    expect(errors).toEqual([
      {
        row: 3,
        field: 'DOB',
        message: 'Date of birth "31/02/2016" is not a real date: use DD/MM/YYYY, such as 27/09/2016',
      },
      { row: 4, field: 'NC Year', message: expect.stringMatching(/^Year group "Year 14" is not one Footprint knows/) },
      { row: 5, field: 'Adno', message: expect.stringMatching(/^MIS ID 1001 is also on row 2: /) },
    ]);
  });

  it('counts rows by the lines of the file, past a cell with a line break in it', () => {
    const errors = errorsOf(csv(headings, '1001,"Amara\nGrace",Okafor,,14/11/2019,3,', '1002,Tom,Brennan,,1/1/16,R,'));
    expect(errors).toEqual([{ row: 4, field: 'DOB', message: expect.stringContaining('needs the year in full') }]);
  });

  it('says which required cells are blank, and checks lengths with the pupil schema', () => {
    const errors = errorsOf(csv(headings, `,Amara,${'O'.repeat(81)},,,3,`));
    expect(errors).toEqual([
      { row: 2, field: 'Adno', message: 'MIS ID is blank: fill it in' },
      { row: 2, field: 'Legal Surname', message: 'Legal last name is too long: use 80 characters or fewer' },
      { row: 2, field: 'DOB', message: 'Date of birth is blank: fill it in' },
    ]);
  });

  it('skips rows of empty cells, which spreadsheets leave behind', () => {
    expect(rowsOf(csv(headings, ',,,,,,', '1001,Amara,Okafor,,14/11/2019,3,', ' , ,,,,,'))).toHaveLength(1);
  });

  it('refuses an empty file, and a file of headings with no pupils, since either would mark every pupil as left', () => {
    expect(errorsOf('')).toEqual([{ row: 1, field: '', message: expect.stringContaining('The file is empty') }]);
    expect(errorsOf(csv(headings, ',,,'))).toEqual([
      { row: 1, field: '', message: expect.stringContaining('no pupils under it') },
    ]);
  });

  it('refuses a malformed file, naming the line', () => {
    expect(errorsOf(csv(headings, '1001,"Amara,Okafor,,14/11/2019,3,'))).toEqual([
      { row: 2, field: '', message: expect.stringContaining('never closed') },
    ]);
  });

  it('points at a row with more cells than headings', () => {
    expect(errorsOf(csv(headings, '1001,Amara,Okafor,,14/11/2019,3,3W,extra,'))).toEqual([
      { row: 2, field: '', message: expect.stringContaining('more cells than there are headings') },
    ]);
  });

  it('asks for the file again as UTF-8 when its letters were lost on the way in', () => {
    const errors = errorsOf(csv(headings, '1001,Zo\uFFFD,Okafor,,14/11/2019,3,', '1002,Ren\uFFFDe,Lee,,14/11/2019,3,'));
    expect(errors).toEqual([
      {
        row: 2,
        field: 'Legal Forename',
        message: expect.stringMatching(
          /^"Zo\uFFFD" has letters Footprint could not read, and so does 1 more row: save .* "CSV UTF-8"/,
        ),
      },
    ]);
  });

  it('reads a file of 2,000 pupils', () => {
    const lines = Array.from(
      { length: 2000 },
      (_, i) => `${10000 + i},Pupil${i},Family${i % 97},,01/09/2015,Year 6,6${i % 3}`,
    );
    expect(rowsOf(csv(headings, ...lines))).toHaveLength(2000);
  });
});
