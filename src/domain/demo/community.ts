// One demo school and everyone in it.
import type { CommunityRole } from '../community/people.ts';
import { demoFamilies } from './families.ts';
import { classTrees } from './names.ts';
import { published, type Adult, type Mint } from './people.ts';
import { demoRoll } from './roll.ts';
import { demoSchool } from './school.ts';
import { demoGovernors, demoStaff, parentGovernors, staffWhoAreParents } from './staff.ts';
import type { DemoSchool } from './types.ts';
import { demoWiderCommunity } from './wider-community.ts';

export interface CommunityPlan {
  /** The school's place in the trust, which varies its leadership arrangements. */
  index: number;
  placeName: string;
  urn: string;
  pupils: number;
  today: string;
}

export function demoCommunity(mint: Mint, plan: CommunityPlan): DemoSchool {
  const { random } = mint;
  const school = demoSchool(random, plan.placeName, plan.urn);
  const start = random.int(0, classTrees.length - 1);
  const trees = [...classTrees.slice(start), ...classTrees.slice(0, start)];
  const roll = demoRoll(random, plan.pupils, plan.today, trees);
  const staff = demoStaff(mint, {
    classes: roll.classes,
    coHeads: plan.index % 3 === 1,
    deputyIsDsl: plan.index % 2 === 0,
    emailDomain: `${school.slug}.example.org`,
  });
  const governors = demoGovernors(mint);
  const knownParents = [...staffWhoAreParents(mint, staff), ...parentGovernors(governors)];
  const families = demoFamilies(mint, roll.places, knownParents);
  const outsiders = demoWiderCommunity(mint, families.carers);
  return byFirstRole(school, families.pupils, [...staff, ...governors, ...families.carers, ...outsiders]);
}

const listFor = {
  staff: 'staff',
  governor: 'governors',
  parent: 'carers',
  volunteer: 'volunteers',
  pta_member: 'pta',
  visitor: 'visitors',
  contractor: 'contractors',
} as const satisfies Record<CommunityRole, keyof DemoSchool>;

function byFirstRole(school: DemoSchool['school'], pupils: DemoSchool['pupils'], adults: Adult[]): DemoSchool {
  const lists: DemoSchool = {
    school,
    pupils,
    staff: [],
    governors: [],
    carers: [],
    volunteers: [],
    pta: [],
    visitors: [],
    contractors: [],
  };
  for (const adult of adults) {
    const first = adult.roles[0];
    if (first === undefined) throw new Error(`${adult.person.givenName} ${adult.person.familyName} has no role`);
    lists[listFor[first.role]].push(published(adult));
  }
  return lists;
}
