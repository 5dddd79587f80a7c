import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isInTerm,
  nextTerm,
  parseTermId,
  previousTerm,
  termFor,
  termId,
  termOf,
  termsBefore,
} from '../../../src/domain/incidents/terms.ts';

const moments = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('termOf', () => {
  it('names the term a day falls in, with fixed boundaries', () => {
    expect(termOf(new Date('2026-10-15T12:00:00Z')).name).toBe('Autumn term 2026');
    expect(termOf(new Date('2027-02-10T12:00:00Z')).name).toBe('Spring term 2027');
    expect(termOf(new Date('2027-05-10T12:00:00Z')).name).toBe('Summer term 2027');
    expect(termOf(new Date('2027-08-20T12:00:00Z')).name).toBe('Summer term 2027');
  });

  it('starts each term at midnight UK time, in summer time too', () => {
    const autumn = termFor('autumn', 2026);
    expect(autumn.starts.toISOString()).toBe('2026-08-31T23:00:00.000Z');
    expect(autumn.ends.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect([autumn.firstDay, autumn.lastDay]).toEqual(['2026-09-01', '2026-12-31']);
    const summer = termFor('summer', 2027);
    expect(summer.starts.toISOString()).toBe('2027-03-31T23:00:00.000Z');
    expect(summer.lastDay).toBe('2027-08-31');
    expect(termFor('spring', 2028).lastDay).toBe('2028-03-31');
  });

  it('puts the first minute of 1 September (BST) in the autumn term and the last of 31 August in the summer', () => {
    expect(termOf(new Date('2026-08-31T23:00:00Z')).name).toBe('Autumn term 2026');
    expect(termOf(new Date('2026-08-31T22:59:59Z')).name).toBe('Summer term 2026');
    expect(termOf(new Date('2026-12-31T23:59:59Z')).name).toBe('Autumn term 2026');
    expect(termOf(new Date('2027-01-01T00:00:00Z')).name).toBe('Spring term 2027');
  });

  it('refuses an invalid date', () => {
    expect(() => termOf(new Date('nonsense'))).toThrow(RangeError);
  });

  it('always finds a term containing the moment, and terms follow on without gaps', () => {
    fc.assert(
      fc.property(moments, (moment) => {
        const term = termOf(moment);
        expect(isInTerm(moment, term)).toBe(true);
        expect(nextTerm(term).starts.getTime()).toBe(term.ends.getTime());
        expect(previousTerm(nextTerm(term))).toEqual(term);
        expect(isInTerm(moment, previousTerm(term))).toBe(false);
        expect(isInTerm(moment, nextTerm(term))).toBe(false);
      }),
    );
  });
});

describe('termsBefore', () => {
  it('lists the current term then earlier ones, most recent first', () => {
    expect(termsBefore(new Date('2027-02-01T12:00:00Z'), 4).map((term) => term.name)).toEqual([
      'Spring term 2027',
      'Autumn term 2026',
      'Summer term 2026',
      'Spring term 2026',
    ]);
    expect(termsBefore(new Date('2027-02-01T12:00:00Z'), 0)).toEqual([]);
  });

  it('refuses a count that is not a whole number from 0', () => {
    expect(() => termsBefore(new Date(), -1)).toThrow(RangeError);
    expect(() => termsBefore(new Date(), 1.5)).toThrow(RangeError);
  });

  it('gives consecutive terms', () => {
    fc.assert(
      fc.property(moments, fc.integer({ min: 1, max: 12 }), (moment, count) => {
        const terms = termsBefore(moment, count);
        expect(terms).toHaveLength(count);
        terms.slice(1).forEach((term, i) => expect(term.ends.getTime()).toBe(terms[i]?.starts.getTime()));
      }),
    );
  });
});

describe('term ids', () => {
  it('reads back the ids it makes', () => {
    expect(termId(termFor('autumn', 2026))).toBe('2026-autumn');
    expect(parseTermId('2026-autumn')).toEqual(termFor('autumn', 2026));
    fc.assert(
      fc.property(moments, (moment) => {
        const term = termOf(moment);
        expect(parseTermId(termId(term))).toEqual(term);
      }),
    );
  });

  it.each([
    '',
    '2026',
    'autumn-2026',
    '2026-Autumn',
    '2026-winter',
    ' 2026-autumn',
    '2026-autumn ',
    '2026-autumn\n',
    '0999-spring',
    '26-summer',
    '20260-summer',
    '2026-autumn/../x',
    '２０２６-autumn',
  ])('refuses %j', (id) => {
    expect(parseTermId(id)).toBeUndefined();
  });

  it('refuses any string that is not an id it makes', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const term = parseTermId(id);
        if (term) expect(termId(term)).toBe(id);
      }),
    );
  });
});
