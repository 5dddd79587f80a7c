// A condition as guided choices: what is done, who the other person is and how they are related,
// what the content is, where it goes, the sites named and the yes-or-no facts that must hold.
// Anything else (a test such as `not:`, an age, images, `any:`) stays as YAML beneath the boxes.
import { stringify } from 'yaml';
import { checkCondition, type Condition } from '../policy/condition.ts';
import type { Field, FieldPath, SituationFields } from '../policy/field-kinds.ts';
import { requirementKinds, type RequirementKind } from '../policy/requirements.ts';
import type { Requirement } from '../policy/schema.ts';
import { situationFields } from '../policy/situation-fields.ts';
import { isOneOf, listOf, oneOrList, plainValues, readYamlMapping, textOf, type Errors } from './form-values.ts';

export interface ConditionFormValues {
  /** Who is doing it (`actor.role`), for an exception only some of the rule's people have. */
  actorRoles: string[];
  /** What is done (`act`). */
  acts: string[];
  /** Who the other person is (`counterpart.role`). */
  otherRoles: string[];
  /** How the two people are related (`counterpart.relationship`). */
  relationships: string[];
  /** What the content is (`content.labels`): any of those ticked. */
  labels: string[];
  /** Who or what it is about (`content.about`): any of those ticked. */
  about: string[];
  /** Where it is posted or sent (`content.channel`). */
  channels: string[];
  /** Yes-or-no facts ticked as holding, such as `context.emergency`. */
  facts: string[];
  /** Sites or apps named (`context.platform`), separated by commas. */
  platforms: string;
  /** The rest of the condition, as "name: value" lines of YAML. */
  conditions: string;
}

type Listed = { [P in FieldPath]: SituationFields[P] extends { values: readonly string[] } ? P : never }[FieldPath];

const boxesFor = <P extends Listed>(field: P) => {
  const { values } = situationFields[field] as Extract<Field, { values: unknown }>;
  return { field, values };
};

/** Each group of boxes, the condition field it writes and the values it offers. */
export const conditionChoices = {
  actorRoles: boxesFor('actor.role'),
  acts: boxesFor('act'),
  otherRoles: boxesFor('counterpart.role'),
  relationships: boxesFor('counterpart.relationship'),
  labels: boxesFor('content.labels'),
  about: boxesFor('content.about'),
  channels: boxesFor('content.channel'),
};
type ChoiceName = keyof typeof conditionChoices;
const choiceNames = Object.keys(conditionChoices) as ChoiceName[];

/** The situation's yes-or-no facts, each offered as a box meaning "this holds". */
export const conditionFacts: readonly string[] = Object.entries(situationFields)
  .filter(([, field]: [string, Field]) => field.kind === 'yes_no')
  .map(([path]) => path);

const platformField = 'context.platform' satisfies FieldPath;

/** The form's fields for a condition, in the order they appear. */
export const conditionFieldOrder = [...choiceNames, 'facts', 'platforms', 'conditions'];

/** How each guided part is spoken of when it is also written in the YAML. */
const partWords: Readonly<Record<string, string>> = {
  ...Object.fromEntries(choiceNames.map((name) => [name, situationFields[conditionChoices[name].field].label])),
  facts: 'a fact that holds',
  platforms: situationFields[platformField].label,
};

export function conditionValuesFrom(body: Record<string, unknown>): ConditionFormValues {
  return {
    actorRoles: listOf(body, 'actorRoles'),
    acts: listOf(body, 'acts'),
    otherRoles: listOf(body, 'otherRoles'),
    relationships: listOf(body, 'relationships'),
    labels: listOf(body, 'labels'),
    about: listOf(body, 'about'),
    channels: listOf(body, 'channels'),
    facts: listOf(body, 'facts'),
    platforms: textOf(body, 'platforms'),
    conditions: textOf(body, 'conditions'),
  };
}

export const emptyConditionValues = (): ConditionFormValues => ({
  actorRoles: [],
  acts: [],
  otherRoles: [],
  relationships: [],
  labels: [],
  about: [],
  channels: [],
  facts: [],
  platforms: '',
  conditions: '',
});

/** The form filled in with a condition: the parts the boxes can say, and the rest as YAML. */
export function conditionValuesOf(condition: Condition | undefined): ConditionFormValues {
  const rest: Record<string, unknown> = { ...condition };
  // Only plain values are offered as boxes; a test such as `not:` stays in the YAML.
  const take = (field: string, allowed: readonly string[]) => {
    const values = plainValues(rest[field]);
    if (!values?.every((v) => allowed.includes(v))) return [];
    delete rest[field];
    return values;
  };
  const chosen = Object.fromEntries(
    choiceNames.map((name) => [name, take(conditionChoices[name].field, conditionChoices[name].values)]),
  ) as Record<ChoiceName, string[]>;
  const facts = conditionFacts.filter((fact) => rest[fact] === true);
  for (const fact of facts) delete rest[fact];
  // A site named with a comma in it could not be told apart from two: it stays in the YAML.
  const platforms = plainValues(rest[platformField])?.filter((p) => !p.includes(','));
  const platformsTicked = platforms !== undefined && plainValues(rest[platformField])?.length === platforms.length;
  if (platformsTicked) delete rest[platformField];
  return {
    ...chosen,
    facts,
    platforms: platformsTicked ? platforms.join(', ') : '',
    conditions: Object.keys(rest).length === 0 ? '' : stringify(rest, { lineWidth: 0 }),
  };
}

/** "In the YAML, at counterpart.age, below: …": where a mistake in the box is. */
export const yamlPlace = (path: readonly (string | number)[], message: string) =>
  `In the YAML, at ${path.map((part) => (typeof part === 'number' ? `item ${part + 1}` : part)).join(', ')}: ${message}`;

/**
 * The condition the form describes, or what to fix in each field. Values ticked that the condition
 * had already keep the order, and the single-or-list form, it gave them.
 */
export function readConditionForm(
  values: ConditionFormValues,
  base?: Condition,
): { ok: true; condition: Record<string, unknown> } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  for (const name of choiceNames) {
    if (!values[name].every((v) => conditionChoices[name].values.includes(v)))
      errors[name] = `Select ${partWords[name]} from the list`;
  }
  if (!values.facts.every((fact) => conditionFacts.includes(fact))) errors.facts = 'Select the facts from the list';
  const platforms = [
    ...new Set(
      values.platforms
        .split(/[,\n]/)
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    ),
  ];

  const read = readYamlMapping(values.conditions);
  let rest: Record<string, unknown> = {};
  if (!read.ok) errors.conditions = read.message;
  else {
    rest = read.value ?? {};
    const guided = [
      ...choiceNames.filter((name) => values[name].length > 0 && conditionChoices[name].field in rest),
      ...(values.facts.some((fact) => fact in rest) ? ['facts'] : []),
      ...(platforms.length > 0 && platformField in rest ? ['platforms'] : []),
    ];
    const [issue] = checkCondition(rest);
    if (['when', 'unless', 'requires', 'consequences'].some((key) => key in rest))
      errors.conditions =
        'Write only the conditions here, as “name: value” lines such as “context.onPremises: true”; exceptions and consequences have their own place on the page';
    else if (guided.length > 0)
      errors.conditions = `Say ${partWords[guided[0]!]} either with the boxes above or here, not both`;
    else if (issue) errors.conditions = yamlPlace(issue.path, issue.message);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const condition: Record<string, unknown> = {};
  for (const name of choiceNames) {
    const field = conditionChoices[name].field;
    if (values[name].length > 0) condition[field] = keepForm(values[name], base?.[field]);
  }
  for (const fact of conditionFacts) if (values.facts.includes(fact)) condition[fact] = true;
  if (platforms.length > 0) condition[platformField] = keepForm(platforms, base?.[platformField]);
  return { ok: true, condition: { ...condition, ...rest } };
}

/** The values ticked, written as the condition had them if they are the same ones. */
function keepForm(ticked: readonly string[], before: unknown): string | string[] {
  const had = plainValues(before) ?? [];
  if (had.length === ticked.length && had.every((v) => ticked.includes(v))) return before as string | string[];
  return oneOrList([...had.filter((v) => ticked.includes(v)), ...ticked.filter((v) => !had.includes(v))]);
}

/** Which field a problem with the condition field `name` ("counterpart.age.below") belongs to. */
export function conditionFieldOf(name: string): string {
  const names = (field: string) => name === field || name.startsWith(`${field}.`);
  const choice = choiceNames.find((choice) => names(conditionChoices[choice].field));
  if (choice) return choice;
  if (conditionFacts.some(names)) return 'facts';
  return names(platformField) ? 'platforms' : 'conditions';
}

// ---------------------------------------------------------------- what must be in place

/** The facts a list of requirements names, ticked as boxes. */
export const requirementValuesOf = (requires: readonly Requirement[]): string[] =>
  requires.map((r) => (typeof r === 'string' ? r : r.fact));

/** The requirements ticked; one the policy gave its own action keeps it. */
export function readRequirements(
  ticked: readonly string[],
  base: readonly Requirement[] = [],
): { ok: true; requires: Requirement[] } | { ok: false; message: string } {
  if (!ticked.every((kind) => isOneOf(requirementKinds, kind)))
    return { ok: false, message: 'Select what must be in place from the list' };
  const had = base.filter((r) => ticked.includes(typeof r === 'string' ? r : r.fact));
  const added = requirementKinds.filter(
    (kind: RequirementKind) => ticked.includes(kind) && !had.some((r) => (typeof r === 'string' ? r : r.fact) === kind),
  );
  return { ok: true, requires: [...had, ...added] };
}
