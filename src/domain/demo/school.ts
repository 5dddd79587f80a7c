// A demo school's public identity. Everything is invented and marked as such: the name starts
// "Demo:", the URN is in the unused 9xxxxx range, the postcode is in the non-existent ZZ area and
// the email domain is example.org, which is reserved for examples.
import type { NewSchool } from '../community/school.ts';
import { streetKinds, streetNames, towns } from './names.ts';
import type { Random } from './random.ts';

// The letters Royal Mail uses in the last part of a postcode.
const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ'.split('');

export function demoSchool(random: Random, placeName: string, urn: string): NewSchool {
  const kind = random.chance(0.5) ? 'Primary Academy' : 'Primary';
  const slug = `demo-${placeName}-${kind}`.toLowerCase().replaceAll(' ', '-');
  return {
    name: `Demo: ${placeName} ${kind}`,
    slug,
    urn,
    phase: 'primary',
    address: {
      line1: `${random.pick(streetNames)} ${random.pick(streetKinds)}`,
      town: random.pick(towns),
      postcode: `ZZ${random.int(1, 9)} ${random.int(1, 9)}${random.pick(inwardLetters)}${random.pick(inwardLetters)}`,
    },
    contactEmail: `office@${slug}.example.org`,
    day: { starts: '08:45', ends: '15:15' },
  };
}

/** A fictitious URN that no other school in the demo has. */
export function demoUrn(random: Random, taken: Set<string>): string {
  let urn = String(random.int(900000, 999999));
  while (taken.has(urn)) urn = String(random.int(900000, 999999));
  taken.add(urn);
  return urn;
}
