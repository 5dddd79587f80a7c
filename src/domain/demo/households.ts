// The adults around a child at home, in the shapes schools meet: two parents, one parent (sometimes with
// the other parent listed but without parental responsibility), a step-parent, grandparents raising a
// child under a special guardianship order, and foster carers (the local authority holds responsibility).
import type { CarerRelationship } from '../community/pupils.ts';
import type { NameGroup } from './names.ts';
import { pickGroup, type Adult, type AdultOptions, type Sex } from './people.ts';
import type { Random } from './random.ts';

export interface Contact {
  adult: Adult;
  relationship: CarerRelationship;
  parentalResponsibility: boolean;
}

export interface Household {
  /** In the order the school would call them. */
  contacts: Contact[];
  childGroup: NameGroup;
  childSurname: string;
}

export type NewCarer = (options: AdultOptions) => Adult;

const shapes = [
  ['two_parents', 60],
  ['single_parent', 24],
  ['step_family', 8],
  ['kinship', 4],
  ['foster', 4],
] as const;

const other = (sex: Sex): Sex => (sex === 'female' ? 'male' : 'female');
const parentOf = (adult: Adult): CarerRelationship => (adult.sex === 'female' ? 'mother' : 'father');
const contact = (adult: Adult, relationship: CarerRelationship, parentalResponsibility: boolean): Contact => ({
  adult,
  relationship,
  parentalResponsibility,
});

/** A household; `known` is an adult already in the school (staff, a governor) who is one of the parents. */
export function demoHousehold(random: Random, newCarer: NewCarer, known?: Adult): Household {
  const shape = known === undefined ? random.weighted(shapes) : random.pick(['two_parents', 'single_parent'] as const);
  const sex = (likelyWoman: number): Sex => (random.chance(likelyWoman) ? 'female' : 'male');
  const household = ((): Household => {
    switch (shape) {
      case 'two_parents': {
        const one = known ?? newCarer({ sex: sex(0.8) });
        const sameSex = random.chance(0.06);
        const sharesName = random.chance(0.75);
        const two = newCarer({
          sex: sameSex ? one.sex : other(one.sex),
          group: random.chance(0.9) ? one.group : pickGroup(random),
          familyName: sharesName ? one.person.familyName : undefined,
        });
        const relationship = (adult: Adult) => (sameSex ? 'parent' : parentOf(adult));
        return {
          contacts: [contact(one, relationship(one), true), contact(two, relationship(two), true)],
          childGroup: random.pick([one.group, two.group]),
          childSurname: random.pick([one.person.familyName, two.person.familyName]),
        };
      }
      case 'single_parent': {
        const one = known ?? newCarer({ sex: sex(0.85) });
        const contacts = [contact(one, parentOf(one), true)];
        if (random.chance(0.2)) {
          const absent = newCarer({ sex: other(one.sex), group: one.group });
          contacts.push(contact(absent, parentOf(absent), false));
        }
        return { contacts, childGroup: one.group, childSurname: one.person.familyName };
      }
      case 'step_family': {
        const one = newCarer({ sex: sex(0.8) });
        const step = newCarer({ sex: other(one.sex), group: random.chance(0.8) ? one.group : pickGroup(random) });
        return {
          contacts: [contact(one, parentOf(one), true), contact(step, 'step_parent', false)],
          childGroup: one.group,
          childSurname: random.chance(0.5) ? one.person.familyName : random.pick(one.group.surnames),
        };
      }
      case 'kinship': {
        const group = pickGroup(random);
        const gran = newCarer({ sex: sex(0.75), generation: 'older', group });
        const contacts = [contact(gran, 'grandparent', true)];
        if (random.chance(0.5)) {
          const partner = { sex: other(gran.sex), group, familyName: gran.person.familyName };
          contacts.push(contact(newCarer({ ...partner, generation: 'older' }), 'grandparent', true));
        }
        const childSurname = random.chance(0.5) ? gran.person.familyName : random.pick(group.surnames);
        return { contacts, childGroup: group, childSurname };
      }
      case 'foster': {
        const carer = newCarer({ sex: sex(0.8) });
        const contacts = [contact(carer, 'foster_carer', false)];
        if (random.chance(0.5)) {
          const partner = newCarer({ sex: other(carer.sex), group: carer.group, familyName: carer.person.familyName });
          contacts.push(contact(partner, 'foster_carer', false));
        }
        const childGroup = pickGroup(random);
        return { contacts, childGroup, childSurname: random.pick(childGroup.surnames) };
      }
    }
  })();
  if (shape !== 'foster') household.contacts.push(...emergencyContacts(random, newCarer, household));
  return household;
}

/** The extra names on a contact sheet, called when no parent answers; they hold no responsibility. */
function emergencyContacts(random: Random, newCarer: NewCarer, household: Household): Contact[] {
  const contacts: Contact[] = [];
  const group = household.childGroup;
  if (random.chance(0.35)) contacts.push(contact(newCarer({ generation: 'older', group }), 'grandparent', false));
  if (random.chance(0.08)) contacts.push(contact(newCarer({ group }), 'aunt_or_uncle', false));
  return contacts;
}
