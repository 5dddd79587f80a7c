// The adults who run a demo school: a staff list sized to its classes, and a governing board.
import type { GovernorDuty, StaffDuty } from '../community/people.ts';
import { newAdult, type Adult, type Mint } from './people.ts';

export interface StaffPlan {
  classes: readonly string[];
  /** Some schools share the headship, so the demo shows both arrangements. */
  coHeads: boolean;
  /** In small schools the deputy head is often the DSL; elsewhere a pastoral lead is. */
  deputyIsDsl: boolean;
  emailDomain: string;
}

interface Post {
  jobTitle: string;
  duties: StaffDuty[];
}

const specialists = ['PE teacher', 'Music teacher', 'Cover teacher', 'Languages teacher'];
const leadership: readonly StaffDuty[] = ['headteacher', 'deputy_headteacher', 'dsl', 'deputy_dsl'];

export function demoStaff(mint: Mint, plan: StaffPlan): Adult[] {
  return posts(plan).map((post, index) => {
    const likelyWoman = post.duties.includes('site') ? 0.3 : 0.8;
    return newAdult(mint, {
      sex: mint.random.chance(likelyWoman) ? 'female' : 'male',
      misId: `S${String(index + 1).padStart(4, '0')}`,
      emailDomain: plan.emailDomain,
      roles: [{ role: 'staff', ...post }],
    });
  });
}

function posts({ classes, coHeads, deputyIsDsl }: StaffPlan): Post[] {
  const per = (classesEach: number) => Math.floor(classes.length / classesEach);
  const times = (count: number, post: (index: number) => Post) => Array.from({ length: count }, (_, i) => post(i));
  const heads: Post[] = coHeads
    ? [
        { jobTitle: 'Co-headteacher', duties: ['headteacher', 'deputy_dsl'] },
        { jobTitle: 'Co-headteacher', duties: ['headteacher'] },
      ]
    : [{ jobTitle: 'Headteacher', duties: ['headteacher', 'deputy_dsl'] }];
  const safeguarding: Post[] = deputyIsDsl
    ? [{ jobTitle: 'Deputy headteacher and designated safeguarding lead', duties: ['deputy_headteacher', 'dsl'] }]
    : [
        { jobTitle: 'Deputy headteacher', duties: ['deputy_headteacher', 'deputy_dsl'] },
        { jobTitle: 'Pastoral lead and designated safeguarding lead', duties: ['dsl', 'other'] },
      ];
  return [
    ...heads,
    ...safeguarding,
    { jobTitle: 'SENCo', duties: ['teacher', 'deputy_dsl'] },
    ...classes.map((name): Post => ({ jobTitle: `Class teacher, ${name}`, duties: ['teacher'] })),
    ...times(1 + per(7), (i) => ({ jobTitle: specialists[i % specialists.length] ?? 'Teacher', duties: ['teacher'] })),
    ...times(Math.ceil(classes.length * 0.7), (i) => ({
      jobTitle: i % 4 === 0 ? 'Higher level teaching assistant' : 'Teaching assistant',
      duties: ['teaching_assistant'],
    })),
    { jobTitle: 'School business manager', duties: ['office'] },
    { jobTitle: 'Office manager', duties: ['office'] },
    ...times(1 + per(14), () => ({ jobTitle: 'Administrator', duties: ['office'] })),
    { jobTitle: 'Site manager', duties: ['site'] },
    ...times(1 + per(10), () => ({ jobTitle: 'Cleaner', duties: ['site'] })),
    ...times(2 + per(7), () => ({ jobTitle: 'Midday supervisor', duties: ['other'] })),
  ];
}

/** Staff who also have children at the school: a class teacher first, then others outside the leadership. */
export function staffWhoAreParents(mint: Mint, staff: readonly Adult[]): Adult[] {
  const duties = (adult: Adult) => adult.roles.flatMap((role) => (role.role === 'staff' ? role.duties : []));
  const eligible = mint.random.shuffle(staff.filter((adult) => !duties(adult).some((d) => leadership.includes(d))));
  const teacher = eligible.find((adult) => duties(adult).includes('teacher'));
  const others = eligible.filter((adult) => adult !== teacher);
  return [...(teacher === undefined ? [] : [teacher]), ...others].slice(0, 2 + Math.floor(staff.length / 25));
}

export function demoGovernors(mint: Mint): Adult[] {
  const { random } = mint;
  const named: GovernorDuty[][] = [['chair'], ['vice_chair'], ['safeguarding_link']];
  return Array.from({ length: random.int(9, 12) }, (_, index) =>
    newAdult(mint, {
      generation: random.chance(0.3) ? 'older' : 'adult',
      emailDomain: 'example.org',
      phone: 'mobile',
      roles: [{ role: 'governor', duties: named[index] ?? ['member'] }],
    }),
  );
}

/** Parent governors: ordinary members of the board whose children are at the school. */
export function parentGovernors(governors: readonly Adult[]): Adult[] {
  const isMember = (adult: Adult) => adult.roles.some((r) => r.role === 'governor' && r.duties.includes('member'));
  return governors.filter(isMember).slice(0, 2);
}
