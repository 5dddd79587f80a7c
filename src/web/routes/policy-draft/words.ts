// The vocabulary as the editor's choices: plain-English labels for each select, box and button.
import { topicTitles } from '../../../domain/policy/render/topic-titles.ts';
import { actWords, yesNoWords } from '../../../domain/policy/render/condition-words.ts';
import {
  actionWords,
  modalityWords,
  ownerWords,
  rolePlural,
  roleSingular,
} from '../../../domain/policy/render/vocabulary-words.ts';
import { capitalise } from '../../../domain/policy/render/words.ts';
import type { Policy } from '../../../domain/policy/schema.ts';
import { requirementKinds, requirementMeanings } from '../../../domain/policy/requirements.ts';
import {
  actions,
  acts,
  channels,
  contentLabels,
  modalities,
  owners,
  relationships,
  roles,
  subjects,
  topics,
} from '../../../domain/policy/vocabulary.ts';
import { conditionFacts, type ConditionFormValues } from '../../../domain/policy-editing/condition-form.ts';
import { deadlineUnits, type StepFormValues } from '../../../domain/policy-editing/procedure-form.ts';
import { placeFacts } from '../../../domain/policy-editing/question.ts';

export const modalityChoices: Readonly<Record<(typeof modalities)[number], { text: string; hint: string }>> = {
  must: { text: 'They must do it', hint: 'A duty. Not doing it breaks the policy.' },
  must_not: { text: 'They must not do it', hint: 'Forbidden. Doing it breaks the policy.' },
  should: { text: 'They should do it', hint: 'Recommended. Not doing it is advised against.' },
  should_not: { text: 'They should not do it', hint: 'Discouraged. Doing it is advised against.' },
  may: { text: 'They may do it', hint: 'A permission. It is never broken.' },
};

interface Item {
  value: string;
  text: string;
  checked?: boolean;
  selected?: boolean;
  hint?: { text: string };
  attributes?: Record<string, string>;
}

const ticked = (values: readonly string[], value: string) => values.includes(value);

export function roleBoxes(chosen: readonly string[], name: string): Item[] {
  return roles.map((role) => ({
    value: role,
    text: capitalise(rolePlural[role]),
    checked: ticked(chosen, role),
    attributes: { 'data-qa': `${name}-${role}` },
  }));
}

export function otherPersonBoxes(chosen: readonly string[]): Item[] {
  return roles.map((role) => ({ value: role, text: capitalise(roleSingular[role]), checked: ticked(chosen, role) }));
}

export function actBoxes(chosen: readonly string[]): Item[] {
  return acts.map((act) => ({ value: act, text: capitalise(actWords[act].alone), checked: ticked(chosen, act) }));
}

export function modalityRadios(chosen: string): Item[] {
  return modalities.map((modality) => ({
    value: modality,
    text: modalityChoices[modality].text,
    hint: { text: modalityChoices[modality].hint },
    checked: chosen === modality,
    attributes: { 'data-qa': `modality-${modality}` },
  }));
}

const choose = (text: string, chosen: string): Item => ({ value: '', text, selected: chosen === '' });

export function topicOptions(chosen: string): Item[] {
  return [
    choose('Choose a topic', chosen),
    ...topics.map((topic) => ({ value: topic, text: topicTitles[topic], selected: chosen === topic })),
  ];
}

export function sectionOptions(policy: Policy, chosen: string): Item[] {
  return [
    choose('Choose a section', chosen),
    ...policy.sections.map((s) => ({ value: s.id, text: `${s.id}. ${s.heading}`, selected: chosen === s.id })),
  ];
}

export function actionOptions(chosen: string): Item[] {
  return [
    choose('Choose what is done', chosen),
    ...actions.map((action) => ({ value: action, text: capitalise(actionWords[action]), selected: chosen === action })),
  ];
}

export function ownerOptions(chosen: string): Item[] {
  return [
    choose('Choose who does it', chosen),
    ...owners.map((owner) => ({ value: owner, text: capitalise(ownerWords[owner]), selected: chosen === owner })),
  ];
}

export function roleOptions(chosen: string, prompt: string, article: 'one' | 'all' = 'one'): Item[] {
  const names = article === 'one' ? roleSingular : rolePlural;
  return [
    choose(prompt, chosen),
    ...roles.map((role) => ({ value: role, text: capitalise(names[role]), selected: chosen === role })),
  ];
}

export function actOptions(chosen: string): Item[] {
  return [
    choose('Choose what they do', chosen),
    ...acts.map((act) => ({ value: act, text: capitalise(actWords[act].alone), selected: chosen === act })),
  ];
}

const labelNames: Readonly<Record<(typeof contentLabels)[number], string>> = {
  complaint: 'A complaint',
  allegation: 'An allegation',
  defamatory: 'Defamatory',
  offensive: 'Offensive',
  racist: 'Racist',
  threat_of_violence: 'A threat of violence',
  bullying: 'Bullying',
  extremist: 'Extremist',
  sexual: 'Sexual',
  illegal: 'Illegal',
  commercial: 'Commercial',
  personal_campaign: 'A personal campaign',
  confidential: 'Confidential',
  question: 'A question',
};

export function labelBoxes(chosen: readonly string[]): Item[] {
  return contentLabels.map((label) => ({ value: label, text: labelNames[label], checked: ticked(chosen, label) }));
}

const placeNames: Readonly<Record<(typeof placeFacts)[number], string>> = {
  onPremises: 'On the school premises',
  workingHours: 'In working hours',
  onSchoolTrip: 'On a school trip',
  emergency: 'In an emergency',
};

export function placeBoxes(chosen: readonly string[]): Item[] {
  return placeFacts.map((place) => ({ value: place, text: placeNames[place], checked: ticked(chosen, place) }));
}

export { modalityWords };

const relationshipNames: Readonly<Record<(typeof relationships)[number], string>> = {
  none: 'No link outside school',
  family: 'A member of their family',
  friend: 'A friend from outside school',
};

const channelNames: Readonly<Record<(typeof channels)[number], string>> = {
  personal: 'On a personal account',
  official: 'On the school’s official accounts or systems',
  school_page_comment: 'In a comment on the school’s own page',
};

const aboutNames: Readonly<Record<(typeof subjects)[number], string>> = {
  school: 'The school',
  pupils: 'Pupils',
  staff: 'Staff',
  parents: 'Parents and carers',
  governors: 'Governors',
  colleagues: 'Colleagues',
  other_children: 'Other children',
};

const boxes = (values: readonly string[], chosen: readonly string[], text: (value: string) => string): Item[] =>
  values.map((value) => ({ value, text: text(value), checked: ticked(chosen, value) }));

/** Every group of boxes a condition is chosen with, filled in with what is ticked. */
export function conditionBoxes(values: ConditionFormValues) {
  return {
    actorRoles: otherPersonBoxes(values.actorRoles),
    acts: actBoxes(values.acts),
    otherRoles: otherPersonBoxes(values.otherRoles),
    relationships: boxes(
      relationships,
      values.relationships,
      (r) => relationshipNames[r as keyof typeof relationshipNames],
    ),
    labels: labelBoxes(values.labels),
    about: boxes(subjects, values.about, (s) => aboutNames[s as keyof typeof aboutNames]),
    channels: boxes(channels, values.channels, (c) => channelNames[c as keyof typeof channelNames]),
    facts: boxes(conditionFacts, values.facts, (fact) => capitalise(yesNoWords[fact]?.yes ?? fact)),
  };
}

/** What must be on record, as boxes. */
export function requirementBoxes(chosen: readonly string[]): Item[] {
  return boxes(requirementKinds, chosen, (kind) =>
    capitalise(requirementMeanings[kind as (typeof requirementKinds)[number]].wording),
  );
}

/** Rows of steps as the step rows show them, each with its choices. */
export function stepRowItems(steps: readonly StepFormValues[]) {
  return steps.map((step, n) => ({
    n,
    last: n === steps.length - 1,
    values: step,
    actions: actionOptions(step.action),
    owners: ownerOptions(step.owner),
    units: deadlineUnits.map((unit) => ({ value: unit, text: unit, selected: step.deadlineUnit === unit })),
  }));
}

/** The fields of the step rows, in the order their errors are listed. */
export const stepFieldNames = (steps: readonly unknown[]) =>
  steps.flatMap((_, n) => ['action', 'owner', 'deadlineAmount', 'summary', 'if', 'when'].map((f) => `step-${n}-${f}`));
