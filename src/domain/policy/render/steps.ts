// A step of a procedure, or a consequence of a broken rule, as one plain sentence:
// "The Headteacher asks the author to remove the post (within 1 day)."
import type { Step } from '../schema.ts';
import { formatDeadline } from './dates.ts';
import { describeCircumstance } from './describe-condition.ts';
import { actionWords, ownerWords } from './vocabulary-words.ts';
import { capitalise, clause, joinWords, sentence, thirdPerson } from './words.ts';

export function describeStep(step: Step): string {
  const action = actionWords[step.action];
  const doing = step.optional ? `may ${action}` : thirdPerson(action);
  let text = `${ownerWords[step.owner]} ${doing}`;
  if (step.deadline) text += ` (${formatDeadline(step.deadline)})`;
  if (step.if) text = `if ${clause(lowerFirst(step.if))}, ${text}`;
  if (step.when) text = `${describeCircumstance(step.when)}, ${text}`;
  const main = sentence(capitalise(text));
  return step.summary ? `${main} ${sentence(step.summary)}` : main;
}

/** "If this is broken: the Headteacher tells the Designated Safeguarding Lead; …" */
export function describeConsequences(steps: readonly Step[]): string | undefined {
  if (steps.length === 0) return undefined;
  // Plain steps in a row by the same person read as one clause: "the person concerned tells A and B".
  const runs: Step[][] = [];
  for (const step of steps) {
    const last = runs.at(-1);
    const previous = last?.at(-1);
    if (last && previous && isPlain(previous) && isPlain(step) && previous.owner === step.owner) last.push(step);
    else runs.push([step]);
  }
  const clauses = runs.map((run) => {
    const [first] = run;
    if (!first) return '';
    if (run.length === 1) return lowerFirst(clause(describeStep({ ...first, summary: undefined })));
    const verbs = run.map((s) => (s.optional ? `may ${actionWords[s.action]}` : thirdPerson(actionWords[s.action])));
    return `${ownerWords[first.owner]} ${joinWords(shareFirstWord(verbs))}`;
  });
  return `If this is broken: ${clauses.join('; ')}.`;
}

/** "tells A", "tells B" → "tells A", "B", so that the list reads "tells A and B". */
function shareFirstWord(phrases: string[]): string[] {
  const first = (p: string) => p.split(' ')[0];
  if (!phrases.every((p) => first(p) === first(phrases[0] ?? ''))) return phrases;
  return phrases.map((p, i) => (i === 0 ? p : p.slice(p.indexOf(' ') + 1)));
}

const isPlain = (step: Step) => !step.when && !step.if && !step.deadline;

// Keeps "Headteacher" and other proper names as they are; lowers only an ordinary first word.
function lowerFirst(text: string): string {
  const [first = '', ...rest] = text.split(' ');
  return /^(The|A|An|If|In|On|When|Where)$/.test(first) ? [first.toLowerCase(), ...rest].join(' ') : text;
}
