// The register of consent for pupils' images and work. Each school asks its families about a few
// purposes (photos on the website, named alongside a photo…). Every answer a parent gives is kept
// as it was given: what stands for a pupil is the latest answer, so a withdrawal takes effect the
// moment it is recorded. A renewal campaign asks families to look again; an answer given before
// the renewal started still stands but is shown as "to be confirmed" until it is given again.
import type { YearGroup } from '../community/pupils.ts';

export interface NewConsentPurpose {
  title: string;
  explanation: string;
}

export interface ConsentPurpose extends NewConsentPurpose {
  id: string;
  schoolId: string;
  /** The default purposes' codes, so other parts of Footprint can name one; none for a school's own. */
  key?: DefaultPurposeKey;
  position: number;
  retiredAt?: Date;
}

export const consentAnswers = ['given', 'refused'] as const;
export type ConsentAnswer = (typeof consentAnswers)[number];

/** One answer as recorded: never changed afterwards. */
export interface ConsentRecord {
  id: string;
  schoolId: string;
  pupilId: string;
  purposeId: string;
  answer: ConsentAnswer;
  answeredBy: string;
  answeredAt: Date;
}

export interface ConsentRenewal {
  id: string;
  schoolId: string;
  startedBy: string;
  startedAt: Date;
  asked: number;
  withoutEmail: number;
}

export const defaultPurposeKeys = [
  'website_photos',
  'social_media_photos',
  'named_with_photo',
  'work_online',
  'lesson_social_sites',
] as const;
export type DefaultPurposeKey = (typeof defaultPurposeKeys)[number];

/** What every school starts with; each can be reworded or retired. */
export const defaultPurposes: readonly (NewConsentPurpose & { key: DefaultPurposeKey })[] = [
  {
    key: 'website_photos',
    title: 'Photos on the school website',
    explanation:
      'Photographs or videos of your child at school or on trips may appear on our public website, which anyone can see.',
  },
  {
    key: 'social_media_photos',
    title: 'Photos on the school’s social media',
    explanation:
      'Photographs or videos of your child may appear on the school’s own official social media accounts, which anyone can see and share.',
  },
  {
    key: 'named_with_photo',
    title: 'Named alongside a photo',
    explanation:
      'Your child’s first name may be printed next to a photograph of them, for example when they win a prize. We never give a full name online.',
  },
  {
    key: 'work_online',
    title: 'Work displayed online',
    explanation:
      'Your child’s work, such as a painting or a story, may be shown on our website or social media, without their face.',
  },
  {
    key: 'lesson_social_sites',
    title: 'Approved social sites in lessons',
    explanation:
      'Your child may use websites and apps the school has checked and approved, in lessons and with a teacher, that let pupils share or comment.',
  },
];

export const purposeLimits = { title: 120, explanation: 600 } as const;

export type PurposeProblems = Partial<Record<keyof NewConsentPurpose, string>>;

/** A purpose as typed, trimmed; or what to fix, field by field. */
export function readPurpose(typed: {
  title: string;
  explanation: string;
}): { ok: true; purpose: NewConsentPurpose } | { ok: false; problems: PurposeProblems } {
  const title = typed.title.trim();
  const explanation = typed.explanation.trim();
  const problems: PurposeProblems = {};
  if (title === '') problems.title = 'Enter what the purpose is, such as “Photos in the school newsletter”';
  else if (title.length > purposeLimits.title)
    problems.title = `The purpose must be ${purposeLimits.title} characters or fewer`;
  if (explanation === '') problems.explanation = 'Enter a short explanation for parents and carers';
  else if (explanation.length > purposeLimits.explanation)
    problems.explanation = `The explanation must be ${purposeLimits.explanation} characters or fewer`;
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, purpose: { title, explanation } };
}

export function isConsentAnswer(value: string): value is ConsentAnswer {
  return (consentAnswers as readonly string[]).includes(value);
}

/** What stands for one pupil and purpose: the latest answer, given the history in the order it was recorded. */
export function currentAnswer(history: readonly ConsentRecord[], pupilId: string, purposeId: string) {
  let latest: ConsentRecord | undefined;
  for (const record of history) {
    if (record.pupilId !== pupilId || record.purposeId !== purposeId) continue;
    // Ties keep the later record: the history arrives in the order it was written.
    if (!latest || record.answeredAt.getTime() >= latest.answeredAt.getTime()) latest = record;
  }
  return latest;
}

/** The latest record for every pupil and purpose in the history, keyed "pupilId purposeId". */
export function latestAnswers(history: readonly ConsentRecord[]): Map<string, ConsentRecord> {
  const latest = new Map<string, ConsentRecord>();
  for (const record of history) {
    const key = `${record.pupilId} ${record.purposeId}`;
    const before = latest.get(key);
    if (!before || record.answeredAt.getTime() >= before.answeredAt.getTime()) latest.set(key, record);
  }
  return latest;
}

export type ConsentStatus = 'given' | 'refused' | 'no_answer';

export interface StandingAnswer {
  status: ConsentStatus;
  /** Given before the latest renewal started, and not given again since. */
  toBeConfirmed: boolean;
  record?: ConsentRecord;
}

/**
 * What stands for one pupil and purpose. An answer older than the renewal still stands (a yes is
 * still a yes) but is to be confirmed; a no, or no answer, never lets a pupil appear.
 */
export function standing(
  history: readonly ConsentRecord[],
  pupilId: string,
  purposeId: string,
  renewalStartedAt?: Date,
): StandingAnswer {
  return standingFrom(currentAnswer(history, pupilId, purposeId), renewalStartedAt);
}

/** What a pupil's latest record (if any) means, given when the latest renewal started. */
export function standingFrom(record: ConsentRecord | undefined, renewalStartedAt?: Date): StandingAnswer {
  if (!record) return { status: 'no_answer', toBeConfirmed: false };
  const toBeConfirmed = renewalStartedAt !== undefined && record.answeredAt.getTime() < renewalStartedAt.getTime();
  return { status: record.answer, toBeConfirmed, record };
}

/** Only a recorded yes lets a pupil appear. */
export const mayAppear = (answer: StandingAnswer) => answer.status === 'given';

export interface Tally {
  given: number;
  refused: number;
  noAnswer: number;
}

export interface CoverageRow {
  yearGroup: YearGroup;
  pupils: number;
  byPurpose: { purposeId: string; tally: Tally }[];
}

/** For each purpose, how many of these pupils have a yes, a no, or nothing, by their latest answers. */
function tallies(
  pupils: readonly { id: string }[],
  purposes: readonly Pick<ConsentPurpose, 'id'>[],
  latest: ReadonlyMap<string, ConsentRecord>,
): { purposeId: string; tally: Tally }[] {
  return purposes.map((purpose) => {
    const tally: Tally = { given: 0, refused: 0, noAnswer: 0 };
    for (const pupil of pupils) {
      const answer = latest.get(`${pupil.id} ${purpose.id}`)?.answer;
      if (answer === 'given') tally.given += 1;
      else if (answer === 'refused') tally.refused += 1;
      else tally.noAnswer += 1;
    }
    return { purposeId: purpose.id, tally };
  });
}

/** For each year group (in the order given) and purpose, how many pupils have a yes, a no, or nothing. */
export function coverage(
  pupils: readonly { id: string; yearGroup: YearGroup }[],
  purposes: readonly Pick<ConsentPurpose, 'id'>[],
  history: readonly ConsentRecord[],
  yearGroupOrder: readonly YearGroup[],
): CoverageRow[] {
  const latest = latestAnswers(history);
  const rows: CoverageRow[] = [];
  for (const yearGroup of yearGroupOrder) {
    const inYear = pupils.filter((pupil) => pupil.yearGroup === yearGroup);
    if (inYear.length === 0) continue;
    rows.push({ yearGroup, pupils: inYear.length, byPurpose: tallies(inYear, purposes, latest) });
  }
  return rows;
}

/** A class as the MIS names it (a form or registration group), with the year groups of its pupils. */
export interface ClassOnRoll {
  className: string;
  yearGroups: YearGroup[];
  pupils: number;
}

interface ClassedPupil {
  className?: string;
  yearGroup: YearGroup;
}

/**
 * The classes these pupils are in, youngest first: by the lowest year group in each (in the order
 * given), then by name, reading numbers as numbers ("3B" before "10A"). Pupils with no class are left out.
 */
export function classesOnRoll(pupils: readonly ClassedPupil[], yearGroupOrder: readonly YearGroup[]): ClassOnRoll[] {
  const found = new Map<string, { years: Set<YearGroup>; pupils: number }>();
  for (const pupil of pupils) {
    if (pupil.className === undefined || pupil.className === '') continue;
    const entry = found.get(pupil.className) ?? { years: new Set<YearGroup>(), pupils: 0 };
    entry.years.add(pupil.yearGroup);
    entry.pupils += 1;
    found.set(pupil.className, entry);
  }
  const rank = (year: YearGroup) => {
    const at = yearGroupOrder.indexOf(year);
    return at === -1 ? yearGroupOrder.length : at;
  };
  const names = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  return [...found]
    .map(([className, { years, pupils: count }]) => ({
      className,
      yearGroups: [...years].sort((a, b) => rank(a) - rank(b)),
      pupils: count,
    }))
    .sort((a, b) => rank(a.yearGroups[0]!) - rank(b.yearGroups[0]!) || names.compare(a.className, b.className));
}

export interface ClassCoverageRow {
  /** Undefined for the pupils the MIS gives no class. */
  className?: string;
  yearGroups: YearGroup[];
  pupils: number;
  byPurpose: { purposeId: string; tally: Tally }[];
}

/** As `coverage`, class by class (in the order of `classesOnRoll`), then any pupils with no class. */
export function coverageByClass(
  pupils: readonly (ClassedPupil & { id: string })[],
  purposes: readonly Pick<ConsentPurpose, 'id'>[],
  history: readonly ConsentRecord[],
  yearGroupOrder: readonly YearGroup[],
): ClassCoverageRow[] {
  const latest = latestAnswers(history);
  const rows: ClassCoverageRow[] = classesOnRoll(pupils, yearGroupOrder).map(({ className, yearGroups }) => {
    const inClass = pupils.filter((pupil) => pupil.className === className);
    return { className, yearGroups, pupils: inClass.length, byPurpose: tallies(inClass, purposes, latest) };
  });
  const unclassed = pupils.filter((pupil) => pupil.className === undefined || pupil.className === '');
  if (unclassed.length > 0) {
    const years = yearGroupOrder.filter((year) => unclassed.some((pupil) => pupil.yearGroup === year));
    rows.push({ yearGroups: years, pupils: unclassed.length, byPurpose: tallies(unclassed, purposes, latest) });
  }
  return rows;
}

/**
 * What the policy engine's `content.images[].consent` should say for an image showing these pupils:
 * true only when every one of them has a yes standing for the purpose.
 */
export function imageConsent(answers: readonly StandingAnswer[]): boolean {
  return answers.length > 0 && answers.every(mayAppear);
}

export interface RenewalEmail {
  subject: string;
  text: string;
}

/** The renewal email: names no child and no parent, since it may sit in a shared inbox. */
export function renewalEmail(ask: { schoolName: string; url: string }): RenewalEmail {
  return {
    subject: `${ask.schoolName}: please check your answers about photos and your child’s work`,
    text: [
      `Once a year ${ask.schoolName} asks parents and carers to look again at what they have told us about photographs, names and work shown online, and the websites pupils use in lessons.`,
      '',
      'Please sign in and confirm or change each answer:',
      '',
      ask.url,
      '',
      'Until you do, your earlier answers stand. You can change any answer at any time, and a “no” takes effect straight away.',
      '',
      `If you did not expect this email, please contact ${ask.schoolName}.`,
    ].join('\n'),
  };
}

/** How many renewal emails a run of the job claims at once. */
export const renewalEmailBatch = 50;
