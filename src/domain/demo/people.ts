// Inventing adults: names that belong together, unique emails on example.org and phone numbers
// from Ofcom's ranges reserved for drama, so no message can reach a real person.
import type { NewPerson, RoleHeld } from '../community/people.ts';
import { nameGroups, shortNames, type NameGroup } from './names.ts';
import type { Random } from './random.ts';
import type { DemoPerson } from './types.ts';

export type Sex = 'female' | 'male';
export type Generation = 'child' | 'adult' | 'older';

/** A person while being built; sex and name group shape their family and are dropped from the output. */
export interface Adult extends DemoPerson {
  sex: Sex;
  group: NameGroup;
}

/** What every part of the generator shares: the random source and the emails already given out. */
export interface Mint {
  random: Random;
  emails: Set<string>;
}

export interface AdultOptions {
  sex?: Sex;
  generation?: 'adult' | 'older';
  group?: NameGroup;
  familyName?: string;
  misId?: string;
  /** Where their email lives; undefined for someone with no email. */
  emailDomain?: string;
  phone?: 'mobile' | 'landline';
  roles?: RoleHeld[];
}

export function pickGroup(random: Random): NameGroup {
  return random.weighted(nameGroups.map((group) => [group, group.weight] as const));
}

export function firstName(random: Random, group: NameGroup, sex: Sex, generation: Generation): string {
  const lists = {
    child: { female: group.girls, male: group.boys },
    adult: { female: group.women, male: group.men },
    older: { female: group.olderWomen, male: group.olderMen },
  };
  return random.pick(lists[generation][sex]);
}

export function preferredName(random: Random, givenName: string): string | undefined {
  const short = shortNames[givenName];
  return short !== undefined && random.chance(0.4) ? short : undefined;
}

export function newAdult(mint: Mint, options: AdultOptions = {}): Adult {
  const { random } = mint;
  const sex = options.sex ?? (random.chance(0.5) ? 'female' : 'male');
  const group = options.group ?? pickGroup(random);
  const givenName = firstName(random, group, sex, options.generation ?? 'adult');
  const familyName = options.familyName ?? random.pick(group.surnames);
  const preferred = preferredName(random, givenName);
  const person: NewPerson = {
    ...(options.misId === undefined ? {} : { misId: options.misId }),
    givenName,
    familyName,
    ...(preferred === undefined ? {} : { preferredName: preferred }),
  };
  if (options.emailDomain !== undefined) person.email = uniqueEmail(mint.emails, person, options.emailDomain);
  if (options.phone === 'mobile') person.phone = `07700 900${digits(random)}`;
  if (options.phone === 'landline') person.phone = `01632 960${digits(random)}`;
  return { person, roles: options.roles ?? [], links: [], sex, group };
}

function digits(random: Random): string {
  return String(random.int(0, 999)).padStart(3, '0');
}

function uniqueEmail(emails: Set<string>, person: NewPerson, domain: string): string {
  const local = `${ascii(person.preferredName ?? person.givenName)}.${ascii(person.familyName)}`;
  let email = `${local}@${domain}`;
  for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`;
  emails.add(email);
  return email;
}

function ascii(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The person as the output carries them, without the building notes. */
export function published({ person, roles, links }: Adult): DemoPerson {
  return { person, roles, links };
}
