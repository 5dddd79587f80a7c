// The answer to "can I…?" in plain words, from the engine's outcome and the school's published
// policy: the verdict, each deciding rule in the school's own words with its place in the
// policy, what the person asking does next and what others at the school do.
import type { Outcome, RequiredAction, Verdict } from '../policy/outcome.ts';
import { actWords } from '../policy/render/condition-words.ts';
import { formatDeadline } from '../policy/render/dates.ts';
import { actionWords, ownerWords, rolePlural, roleSingular } from '../policy/render/vocabulary-words.ts';
import { clause, sentence, thirdPerson } from '../policy/render/words.ts';
import type { Policy } from '../policy/schema.ts';
import type { Situation } from '../policy/situation.ts';
import { type Action, type Owner, type Role, rolesCoveredBy } from '../policy/vocabulary.ts';

export interface RuleQuote {
  id: string;
  /** The rule as the school's policy states it. */
  summary: string;
  section: string;
  href: string;
  /** The exception that makes it allowed here, in the school's words. */
  exception?: string;
  /** The exceptions the policy makes to a rule that was broken: when it would be allowed. */
  allowedWhen: string[];
}

export interface AnswerWords {
  verdict: Verdict;
  heading: string;
  lead: string;
  /** The rules that decided the answer. */
  deciding: RuleQuote[];
  /** Other rules of the policy that speak to the situation. */
  alsoRelevant: RuleQuote[];
  /** What the person asking does, as instructions. */
  yourSteps: string[];
  /** What others at the school do, each with who does it. */
  othersSteps: string[];
  /** Whom the policy says to tell. */
  tell: string[];
}

export interface AnswerInput {
  outcome: Outcome;
  policy: Policy;
  situation: Situation;
  school: { name: string; slug: string; contactEmail?: string };
}

/** The link to a rule on the school's public policy page. */
export const ruleHref = (slug: string, rule: string) => `/s/${encodeURIComponent(slug)}/policy#rule-${rule}`;

/** What the person asks about, as a noun phrase: "accepting a friend request from a pupil". */
export function describeDoing(situation: Situation): string {
  const { act, counterpart } = situation;
  if (act === 'post') return 'posting this';
  const words = actWords[act];
  if (counterpart && words.with) return words.with(roleSingular[counterpart.role]);
  return words.alone;
}

const firm = (modality: string) => modality === 'must' || modality === 'must_not';

const notified: Partial<Record<Action, Owner>> = {
  notify_dsl: 'dsl',
  notify_headteacher: 'headteacher',
  notify_chair_of_governors: 'chair_of_governors',
};

function ownerName(owner: string): string {
  return ownerWords[owner as Owner] ?? roleSingular[owner as Role] ?? owner.replaceAll('_', ' ');
}

function isYours(owner: string, role: Role): boolean {
  if (owner === 'actor') return true;
  return (rolesCoveredBy(owner as Role) as readonly string[]).includes(role);
}

function withCondition(step: RequiredAction, main: string): string {
  const timed = step.deadline ? `${main} ${formatDeadline(step.deadline)}` : main;
  return sentence(step.if ? `if ${clause(step.if)}, ${timed}` : timed);
}

function yourStep(step: RequiredAction): string {
  const action = actionWords[step.action];
  return withCondition(step, step.optional ? `you may ${action}` : action);
}

function othersStep(step: RequiredAction): string {
  const action = actionWords[step.action];
  return withCondition(step, `${ownerName(step.owner)} ${step.optional ? `may ${action}` : thirdPerson(action)}`);
}

export function answerWords({ outcome, policy, situation, school }: AnswerInput): AnswerWords {
  const doing = describeDoing(situation);
  const who = rolePlural[situation.actor.role];
  const rules = new Map(policy.rules.map((rule) => [rule.id, rule]));
  const sections = new Map(policy.sections.map((section) => [section.id, section.heading]));

  const quotes = outcome.findings.map((finding) => {
    const rule = rules.get(finding.rule);
    const quote: RuleQuote & { decides: boolean } = {
      id: finding.rule,
      summary: finding.summary,
      section: (rule && sections.get(rule.section)) ?? finding.section,
      href: ruleHref(school.slug, finding.rule),
      allowedWhen: finding.status === 'violated' ? (rule?.unless ?? []).map((e) => e.summary) : [],
      decides:
        outcome.verdict === 'breach'
          ? finding.status === 'violated' && firm(finding.modality)
          : outcome.verdict === 'advised_against'
            ? finding.status === 'violated'
            : true,
    };
    if (finding.exception) quote.exception = finding.exception;
    return quote;
  });
  const strip = ({ decides: _, ...quote }: RuleQuote & { decides: boolean }): RuleQuote => quote;

  const ask = school.contactEmail ? `${school.name} at ${school.contactEmail}` : school.name;
  const { heading, lead } = {
    breach: {
      heading: `No — our policy does not allow ${doing}`,
      lead: `Our policy does not let ${who} do this, as you describe it. The rule that decides it is below, in our own words.`,
    },
    advised_against: {
      heading: `Our policy advises against ${doing}`,
      lead: `It is not forbidden outright, but our policy asks ${who} not to do it.`,
    },
    permitted: {
      heading: `Yes — our policy allows ${doing}`,
      lead: `Nothing in our policy stops ${who} doing this, as long as it stays as you described.`,
    },
    not_covered: {
      heading: 'Our policy does not cover this: ask the school',
      lead: `None of our rules speaks to this. Ask ${ask} before you go ahead.`,
    },
  }[outcome.verdict];

  const role = situation.actor.role;
  const tell = [
    ...new Set(
      outcome.actions.flatMap((step) => {
        const person = notified[step.action];
        return person ? [ownerWords[person]] : [];
      }),
    ),
  ];

  return {
    verdict: outcome.verdict,
    heading,
    lead,
    deciding: quotes.filter((q) => q.decides).map(strip),
    alsoRelevant: quotes.filter((q) => !q.decides).map(strip),
    yourSteps: outcome.actions.filter((step) => isYours(step.owner, role)).map(yourStep),
    othersSteps: outcome.actions.filter((step) => !isYours(step.owner, role)).map(othersStep),
    tell,
  };
}
