import { describe, expect, it } from 'vitest';
import { readDate, readPriority, readYearGroup, readYesNo } from '../../../src/domain/roster/cells.ts';
import { readDuties, relationshipFor } from '../../../src/domain/roster/vocabulary.ts';

describe('reading dates', () => {
  it.each([
    ['27/09/2016', '2016-09-27'],
    ['7/9/2016', '2016-09-07'],
    ['07-09-2016', '2016-09-07'],
    ['07.09.2016', '2016-09-07'],
    ['2016-09-27', '2016-09-27'],
    ['29/02/2016', '2016-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['27/09/2016 00:00', '2016-09-27'],
    ['2016-09-27T00:00:00', '2016-09-27'],
  ])('reads %s as %s', (text, date) => {
    expect(readDate(text)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['31/02/2016', 'is not a real date: use DD/MM/YYYY, such as 27/09/2016'],
    ['29/02/2017', 'is not a real date'],
    ['29/02/1900', 'is not a real date'],
    ['31/04/2016', 'is not a real date'],
    ['00/01/2016', 'is not a real date'],
    ['09/27/2016', 'put the day first'],
    ['27/09/16', 'needs the year in full'],
    ['27 September 2016', 'is not a date Footprint can read'],
    ['2016/09/27', 'is not a date Footprint can read'],
  ])('refuses %s', (text, reason) => {
    const result = readDate(text);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('reading year groups', () => {
  it.each([
    ['Year 3', '3'],
    ['Y3', '3'],
    ['Yr 3', '3'],
    ['3', '3'],
    ['Year 03', '3'],
    ['13', '13'],
    ['Reception', 'R'],
    ['R', 'R'],
    ['Year R', 'R'],
    ['Nursery 1', 'N1'],
    ['N1', 'N1'],
    ['nursery2', 'N2'],
  ])('reads %s as %s', (text, group) => {
    expect(readYearGroup(text)).toEqual({ ok: true, value: group });
  });

  it.each(['Year 14', '0', 'X', 'Sixth form', 'constructor'])('refuses %s', (text) => {
    expect(readYearGroup(text)).toMatchObject({ ok: false, reason: expect.stringContaining('N1, N2, Reception') });
  });

  it('asks which year of nursery a plain "Nursery" means', () => {
    expect(readYearGroup('Nursery')).toMatchObject({ ok: false, reason: expect.stringContaining('N1 for the first') });
  });
});

describe('reading other cells', () => {
  it('reads yes and no in the ways exports write them', () => {
    for (const text of ['Yes', 'Y', 'TRUE', '1']) expect(readYesNo(text)).toEqual({ ok: true, value: true });
    for (const text of ['no', 'N', 'False', '0']) expect(readYesNo(text)).toEqual({ ok: true, value: false });
    expect(readYesNo('Maybe').ok).toBe(false);
  });

  it('reads a contact priority as a whole number from 1', () => {
    expect(readPriority('2')).toEqual({ ok: true, value: 2 });
    for (const text of ['0', '-1', '1.5', 'first']) expect(readPriority(text).ok).toBe(false);
  });

  it('reads duties in words, separated by semicolons, once each', () => {
    expect(readDuties('Headteacher; DSL')).toEqual({ ok: true, value: ['headteacher', 'dsl'] });
    expect(readDuties('Deputy Head;deputy DSL; ; Teaching Assistant, DSL, dsl')).toEqual({
      ok: true,
      value: ['deputy_headteacher', 'deputy_dsl', 'teaching_assistant', 'dsl'],
    });
  });

  it('names the duties it does not know', () => {
    expect(readDuties('Teacher; Bursar; constructor')).toEqual({
      ok: false,
      reason: expect.stringMatching(/^has "Bursar", "constructor", which Footprint does not know: use Headteacher/),
    });
  });

  it('maps the relationships schools record to Footprint’s own', () => {
    expect(relationshipFor('Mother')).toBe('mother');
    expect(relationshipFor('Step-Father')).toBe('step_parent');
    expect(relationshipFor('GRANDMOTHER')).toBe('grandparent');
    expect(relationshipFor('Foster Carer')).toBe('foster_carer');
    expect(relationshipFor('aunt_or_uncle')).toBe('aunt_or_uncle');
    expect(relationshipFor('Neighbour')).toBeUndefined();
    expect(relationshipFor('toString')).toBeUndefined();
  });
});
