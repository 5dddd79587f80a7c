// The rest of the community: parents on the PTA and a parent who volunteers (who keep their links),
// and people from outside: retired volunteers, visitors and contractors.
import { newAdult, type Adult, type Mint } from './people.ts';

interface Outsider {
  domain: string;
  role: 'pta_member' | 'volunteer' | 'visitor' | 'contractor';
  generation: 'adult' | 'older';
}

const outsiders: Outsider[] = [
  { domain: 'example.org', role: 'pta_member', generation: 'older' },
  { domain: 'example.org', role: 'volunteer', generation: 'older' },
  { domain: 'example.org', role: 'volunteer', generation: 'older' },
  { domain: 'school-nursing.example.org', role: 'visitor', generation: 'adult' },
  { domain: 'neighbourhood-policing.example.org', role: 'visitor', generation: 'adult' },
  { domain: 'example.org', role: 'visitor', generation: 'adult' },
  { domain: 'it-support.example.org', role: 'contractor', generation: 'adult' },
  { domain: 'sports-coaching.example.org', role: 'contractor', generation: 'adult' },
  { domain: 'school-catering.example.org', role: 'contractor', generation: 'adult' },
];

/** Adds roles to some `carers` and returns the new people from outside the school. */
export function demoWiderCommunity(mint: Mint, carers: readonly Adult[]): Adult[] {
  const { random } = mint;
  const onlyParents = carers.filter((c) => c.person.email !== undefined && c.roles.length === 1);
  const [volunteer, ...pta] = random.shuffle(onlyParents).slice(0, 5);
  // A role in front makes the person listed under it; their parent role and links stay.
  for (const parent of pta) parent.roles.unshift({ role: 'pta_member' });
  volunteer?.roles.unshift({ role: 'volunteer' });

  return outsiders.map(({ domain, role, generation }) =>
    newAdult(mint, {
      generation,
      emailDomain: domain,
      phone: role === 'volunteer' ? 'landline' : 'mobile',
      roles: [{ role }],
    }),
  );
}
