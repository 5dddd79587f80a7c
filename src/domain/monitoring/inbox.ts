// Mentions as the school deals with them: how serious each label is (the inbox puts the most
// serious first, and some are told to the DSL at once), what each label means in plain words, a
// suggested reply for praise and for fair criticism, and what an escalated mention becomes: the
// report and the situation an incident starts from.
import type { Situation } from '../policy/situation.ts';
import type { ConcernKind } from '../incidents/report.ts';
import type { Label } from './classify.ts';

export const mentionStatuses = ['new', 'reviewed', 'responded', 'escalated'] as const;
export type MentionStatus = (typeof mentionStatuses)[number];

export const mentionStatusNames: Readonly<Record<MentionStatus, string>> = {
  new: 'New',
  reviewed: 'Reviewed',
  responded: 'Replied to',
  escalated: 'Made an incident',
};

export const labelNames: Readonly<Record<Label, string>> = {
  praise: 'Praise',
  criticism: 'Criticism',
  complaint: 'Complaint',
  names_child: 'Names a pupil',
  pupil_photo: 'Photo or video of pupils',
  allegation: 'Allegation',
  defamation_risk: 'Risk of defamation',
  threat: 'Threat',
  hate: 'Hateful',
  extremism: 'Extremism',
  bullying: 'Bullying',
  impersonation: 'Pretends to be the school or staff',
};

const severityOf: Readonly<Record<Label, number>> = {
  threat: 100,
  names_child: 90,
  pupil_photo: 90,
  extremism: 85,
  hate: 85,
  bullying: 80,
  allegation: 70,
  defamation_risk: 60,
  impersonation: 60,
  complaint: 40,
  criticism: 30,
  praise: 10,
};

/** The most serious of its labels, for ordering the inbox; 0 for a neutral mention. */
export function severity(labels: readonly Label[]): number {
  return Math.max(0, ...labels.map((label) => severityOf[label]));
}

/** Labels that put a child or someone's safety at risk: the DSL hears of them at once. */
export const seriousLabels: ReadonlySet<Label> = new Set([
  'threat',
  'names_child',
  'pupil_photo',
  'extremism',
  'hate',
  'bullying',
  'allegation',
]);

export function isSerious(labels: readonly Label[]): boolean {
  return labels.some((label) => seriousLabels.has(label));
}

/** A reply to start from, for praise and for criticism that deserves an answer in public. */
export function suggestedReply(labels: readonly Label[], schoolName: string): string | undefined {
  if (labels.some((label) => seriousLabels.has(label))) return undefined;
  if (labels.includes('complaint') || labels.includes('criticism')) {
    return `Thank you for telling us. We are sorry this has been your experience. We would like to put it right: please contact the school office so that we can talk it through properly. ${schoolName}`;
  }
  if (labels.includes('praise')) {
    return `Thank you so much for your kind words. We will pass them on to everyone involved. ${schoolName}`;
  }
  return undefined;
}

const kindFor = (labels: readonly Label[]): ConcernKind => {
  if (labels.includes('pupil_photo')) return 'images';
  if (labels.includes('bullying')) return 'bullying';
  if (labels.some((label) => label === 'threat' || label === 'hate' || label === 'extremism')) return 'hateful';
  if (labels.includes('impersonation')) return 'impersonation';
  return 'post';
};

const contentLabelFor: Partial<Record<Label, NonNullable<NonNullable<Situation['content']>['labels']>[number]>> = {
  threat: 'threat_of_violence',
  hate: 'racist',
  extremism: 'extremist',
  bullying: 'bullying',
  allegation: 'allegation',
  defamation_risk: 'defamatory',
  complaint: 'complaint',
};

/**
 * What an escalated mention becomes: a concern about a post by someone outside the school (who
 * posted it is rarely known), involving pupils when it names or shows one or threatens the school,
 * and the situation for the policy to answer, from its labels.
 */
export function incidentFromMention(labels: readonly Label[]): {
  kind: ConcernKind;
  childInvolved: boolean;
  situation: Situation;
} {
  const childInvolved = labels.some((label) =>
    ['names_child', 'pupil_photo', 'threat', 'bullying', 'extremism'].includes(label),
  );
  const contentLabels = [...new Set(labels.flatMap((label) => contentLabelFor[label] ?? []))];
  const tone =
    labels.includes('praise') && !labels.includes('criticism')
      ? 'positive'
      : labels.length > 0
        ? 'negative'
        : 'neutral';
  return {
    kind: kindFor(labels),
    childInvolved,
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: {
        about: childInvolved ? ['school', 'pupils'] : ['school'],
        ...(labels.includes('pupil_photo') && { images: [{ of: 'pupils' as const, consent: false }] }),
        ...(labels.includes('names_child') && { namesPupils: true }),
        tone,
        ...(contentLabels.length > 0 && { labels: contentLabels }),
      },
      context: { visibility: 'public' },
    },
  };
}

/** Months a mention is kept by default before it is deleted. */
export const defaultMentionMonths = 12;
