// Pupils and the adults who care for them. Children are drawn from the roll in families, so siblings
// (and now and then twins) share their carers, and a few parents are already staff or governors.
import type { NewPupil } from '../community/pupils.ts';
import { birthDatesFor, dayBetween } from './calendar.ts';
import { demoHousehold, type Household } from './households.ts';
import { firstName, newAdult, preferredName, type Adult, type AdultOptions, type Mint } from './people.ts';
import type { Place } from './roll.ts';

const familySizes = [
  [1, 70],
  [2, 24],
  [3, 5],
  [4, 1],
] as const;

const counter = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(5, '0')}`;
};

/** Pupils for every place, and the carers who are new to the school (`known` parents gain links instead). */
export function demoFamilies(mint: Mint, places: readonly Place[], known: readonly Adult[]) {
  const { random } = mint;
  const pupilId = counter('P');
  const contactId = counter('C');
  const carers: Adult[] = [];
  const pupils: NewPupil[] = [];

  const newCarer = (options: AdultOptions): Adult => {
    const older = options.generation === 'older';
    const roll = random.next();
    const carer = newAdult(mint, {
      misId: contactId(),
      emailDomain: random.chance(0.93) ? 'example.org' : undefined,
      phone: roll < (older ? 0.5 : 0.05) ? 'landline' : roll < 0.95 ? 'mobile' : undefined,
      ...options,
    });
    carers.push(carer);
    return carer;
  };

  for (let next = 0, family = 0; next < places.length; family++) {
    const children = places.slice(next, next + random.weighted(familySizes));
    next += children.length;
    const parent = known[family];
    if (parent !== undefined) parent.person.misId ??= contactId();
    const household = demoHousehold(random, newCarer, parent);
    const siblings: Sibling[] = [];
    for (const place of children) siblings.push({ place, pupil: child(mint, household, place, siblings, pupilId()) });
    for (const { pupil } of siblings) link(household, pupil.misId);
    pupils.push(...siblings.map(({ pupil }) => pupil));
  }
  return { pupils, carers };
}

interface Sibling {
  place: Place;
  pupil: NewPupil;
}

function child(mint: Mint, household: Household, place: Place, siblings: readonly Sibling[], misId: string) {
  const { random } = mint;
  const sex = random.chance(0.5) ? 'female' : 'male';
  let givenName = firstName(random, household.childGroup, sex, 'child');
  for (let tries = 0; tries < 5 && siblings.some((s) => s.pupil.legalGivenName === givenName); tries++) {
    givenName = firstName(random, household.childGroup, sex, 'child');
  }
  const twin = siblings.find(
    (s) => s.place.year === place.year && s.place.schoolYear === place.schoolYear && s.place.leftOn === place.leftOn,
  )?.pupil;
  const born = birthDatesFor(place.year, place.schoolYear);
  const preferred = preferredName(random, givenName);
  const pupil: NewPupil = {
    misId,
    legalGivenName: givenName,
    legalFamilyName: household.childSurname,
    dateOfBirth: twin?.dateOfBirth ?? dayBetween(random, born.from, born.to),
    yearGroup: place.year,
    className: place.className,
  };
  if (preferred !== undefined) pupil.preferredName = preferred;
  if (place.leftOn !== undefined) pupil.leftOn = place.leftOn;
  return pupil;
}

function link(household: Household, pupilMisId: string): void {
  household.contacts.forEach(({ adult, relationship, parentalResponsibility }, index) => {
    adult.links.push({ pupilMisId, relationship, parentalResponsibility, contactPriority: index + 1 });
    if (!adult.roles.some((role) => role.role === 'parent')) adult.roles.push({ role: 'parent' });
  });
}
