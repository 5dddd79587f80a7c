// A complete, clearly labelled demo trust for trying Footprint out: invented schools, staff,
// governors, pupils and families. The same options always give the same trust.
import { isDay } from './calendar.ts';
import { demoCommunity } from './community.ts';
import { schoolNames, trustNames } from './names.ts';
import { seededRandom } from './random.ts';
import { demoUrn } from './school.ts';
import type { DemoTrust } from './types.ts';

export interface DemoOptions {
  seed: number;
  /** YYYY-MM-DD: ages, year groups and leaving dates are worked out from this day. */
  today: string;
  /** How many schools; 2 unless given. */
  schools?: number;
  /** Pupils on each school's records, including the few who have left; 300 unless given. */
  pupilsPerSchool?: number;
}

export const demoLimits = {
  schools: { min: 1, max: schoolNames.length },
  // Below 20 there is no room for every year group and some leavers; above 2,500 we run out of class names.
  pupilsPerSchool: { min: 20, max: 2500 },
} as const;

export function generateTrust(options: DemoOptions): DemoTrust {
  const { seed, today, schools = 2, pupilsPerSchool = 300 } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError('The seed must be a whole number');
  if (!isDay(today)) throw new RangeError('Today must be a real date written YYYY-MM-DD, such as 2026-03-02');
  within('schools', schools, demoLimits.schools);
  within('pupils per school', pupilsPerSchool, demoLimits.pupilsPerSchool);

  const random = seededRandom(seed);
  const places = random.shuffle(schoolNames).slice(0, schools);
  const organisation = { name: `Demo: ${random.pick(trustNames)} Learning Trust`, kind: 'trust' as const };
  const emails = new Set<string>();
  const urns = new Set<string>();
  return {
    organisation,
    schools: places.map((placeName, index) => {
      const urn = demoUrn(random, urns);
      return demoCommunity(
        { random: random.fork(), emails },
        { index, placeName, urn, pupils: pupilsPerSchool, today },
      );
    }),
  };
}

function within(name: string, value: number, { min, max }: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`The number of ${name} must be a whole number from ${min} to ${max}`);
  }
}
