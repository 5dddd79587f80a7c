// Where each demo pupil sits: year group, class, and for a few, the day they left.
import { addDays, primaryYears, schoolYearOf, type PrimaryYear } from './calendar.ts';
import type { Random } from './random.ts';

export interface Place {
  year: PrimaryYear;
  /** The school year (by its starting calendar year) of the pupil's last day on roll, or of today. */
  schoolYear: number;
  className: string;
  leftOn?: string;
}

const classSize = 30;

/**
 * `count` places, shuffled so that families draw children from any year. A few have left: some moved
 * away recently, and some left Year 6 last July, so "former pupil" situations exist.
 */
export function demoRoll(random: Random, count: number, today: string, trees: readonly string[]) {
  const leavers = Math.max(2, Math.round(count * 0.03));
  const movers = Math.max(1, Math.round(leavers / 3));
  const onRoll = count - leavers;
  const thisYear = schoolYearOf(today);
  const classesOf = new Map<PrimaryYear, string[]>();
  const places: Place[] = [];

  primaryYears.forEach((year, index) => {
    const pupils = Math.floor(onRoll / primaryYears.length) + (index < onRoll % primaryYears.length ? 1 : 0);
    const names = trees.slice(0, Math.max(1, Math.ceil(pupils / classSize))).map((tree) => `${year} ${tree}`);
    classesOf.set(year, names);
    for (let i = 0; i < pupils; i++) {
      places.push({ year, schoolYear: thisYear, className: names[i % names.length] ?? year });
    }
  });
  const classIn = (year: PrimaryYear) => random.pick(classesOf.get(year) ?? [year]);

  for (let i = 0; i < movers; i++) {
    const leftOn = addDays(today, -random.int(1, 240));
    const year = random.pick(primaryYears);
    places.push({ year, schoolYear: schoolYearOf(leftOn), className: classIn(year), leftOn });
  }
  for (let i = movers; i < leavers; i++) {
    places.push({ year: '6', schoolYear: thisYear - 1, className: classIn('6'), leftOn: `${thisYear}-07-22` });
  }
  return { places: random.shuffle(places), classes: [...classesOf.values()].flat() };
}
