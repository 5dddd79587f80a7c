import { describe, expect, it } from 'vitest';
import { mapArray, scalarParsers } from '../../../src/adapters/db/type-parsers.ts';

function parser(typeId: number) {
  const parse = scalarParsers.get(typeId);
  if (!parse) throw new Error(`no parser for ${typeId}`);
  return parse;
}

describe('Database type parsers', () => {
  it('read int8 as a number, refusing values JavaScript would round', () => {
    expect(parser(20)('42')).toBe(42);
    expect(parser(20)('-9007199254740991')).toBe(-9007199254740991);
    expect(() => parser(20)('9007199254740993')).toThrow(/too large/);
  });

  it('read a timestamp without time zone as UTC, whatever the local zone', () => {
    expect(parser(1114)('2026-03-29 01:30:00.123456')).toEqual(new Date('2026-03-29T01:30:00.123Z'));
    expect(parser(1114)('infinity')).toBe('infinity');
  });

  it('keep dates and numerics as text, so nothing shifts or rounds', () => {
    expect(parser(1082)('2026-03-29')).toBe('2026-03-29');
    expect(parser(1700)('0.10')).toBe('0.10');
  });

  it('parse JSON', () => {
    expect(parser(3802)('{"a":[1]}')).toEqual({ a: [1] });
  });

  it('apply an element parser through nested arrays, leaving nulls', () => {
    expect(mapArray([['1', null], ['2']], Number)).toEqual([[1, null], [2]]);
  });
});
