import { expect, it } from 'vitest';
import { newPersonSchema } from '../../../src/domain/community/people.ts';
import { newPupilSchema } from '../../../src/domain/community/pupils.ts';
import { everyone, generateTrust } from '../../../src/domain/demo/index.ts';

it('makes a school of 2,000 pupils with their carers, all valid and uniquely identified', () => {
  const [demo] = generateTrust({ seed: 9, today: '2026-03-02', schools: 1, pupilsPerSchool: 2000 }).schools;
  const people = everyone(demo!);
  expect(demo!.pupils).toHaveLength(2000);
  expect(people.filter((p) => p.links.length > 0).length).toBeGreaterThanOrEqual(2500);
  expect(new Set(demo!.pupils.map((p) => p.misId)).size).toBe(2000);
  const personIds = people.flatMap(({ person }) => person.misId ?? []);
  expect(new Set(personIds).size).toBe(personIds.length);
  expect(demo!.pupils.every((p) => newPupilSchema.safeParse(p).success)).toBe(true);
  expect(people.every(({ person }) => newPersonSchema.safeParse(person).success)).toBe(true);
});
