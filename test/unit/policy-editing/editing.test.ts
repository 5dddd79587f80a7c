// The pure editing of a draft: the model policy, changed through the forms' own readers and the
// edits, then checked as the service checks a draft before saving it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/domain/policy/parse.ts';
import { policySchema, type Policy } from '../../../src/domain/policy/schema.ts';
import { evaluate } from '../../../src/domain/policy/index.ts';
import {
  addRule,
  addSection,
  changeDetails,
  changeSection,
  removeRule,
  removeSection,
  replaceProcedure,
  replaceRule,
} from '../../../src/domain/policy-editing/edits.ts';
import {
  detailsValuesOf,
  readDetailsForm,
  readSectionForm,
} from '../../../src/domain/policy-editing/document-forms.ts';
import { plainMessage, readYamlMapping } from '../../../src/domain/policy-editing/form-values.ts';
import { placeholderProblems, placeOf } from '../../../src/domain/policy-editing/problems.ts';
import {
  deadlineParts,
  procedureFieldOf,
  procedureValuesFrom,
  procedureValuesOf,
  readProcedureForm,
} from '../../../src/domain/policy-editing/procedure-form.ts';
import { readQuestion } from '../../../src/domain/policy-editing/question.ts';
import {
  newRuleValues,
  readRuleForm,
  ruleFieldOf,
  ruleValuesFrom,
  ruleValuesOf,
} from '../../../src/domain/policy-editing/rule-form.ts';
import { draftToYaml } from '../../../src/domain/policy-editing/yaml.ts';

const modelText = readFileSync(join(import.meta.dirname, '..', '..', '..', 'policies', 'model.yaml'), 'utf8');
const parsed = parsePolicy(modelText);
if (!parsed.ok) throw new Error('the model policy does not read');
const model: Policy = parsed.policy;
const rule = (policy: Policy, id: string) => policy.rules.find((r) => r.id === id)!;
const valid = (document: unknown) => policySchema.safeParse(document);

describe('The rule form', () => {
  it('gives back the same rule when its form is saved unchanged', () => {
    for (const original of model.rules) {
      const read = readRuleForm(ruleValuesOf(original), original);
      expect(read.ok, original.id).toBe(true);
      if (read.ok) expect(ruleSchema(read.rule), original.id).toEqual(original);
    }
  });

  it('offers the common parts of a condition as boxes, and keeps only the rare rest as YAML', () => {
    const values = ruleValuesOf(rule(model, 'A2'));
    expect(values.acts).toEqual(['post', 'message']);
    expect(values.labels).toEqual(['illegal']);
    expect(values.conditions).toBe('');
    // A condition with `any:` cannot be ticked: it stays whole in the YAML.
    const a6 = ruleValuesOf(rule(model, 'A6'));
    expect(a6.acts).toEqual([]);
    expect(a6.conditions).toContain('any:');
    // What follows a breach is rows of steps, with an empty row for a new one.
    const b1 = ruleValuesOf(rule(model, 'B1'));
    expect(b1.consequences.map((step) => step.action)).toEqual([
      ...rule(model, 'B1').consequences.map((step) => step.action),
      '',
    ]);
  });

  it('writes one act as a value and several as a list, before the YAML’s own conditions', () => {
    const one = readRuleForm({
      ...ruleValuesOf(rule(model, 'A2')),
      acts: ['post'],
      otherRoles: ['pupil'],
      labels: [],
      conditions: 'counterpart.age: {below: 16}\n',
    });
    expect(one.ok && one.rule.when).toEqual({
      act: 'post',
      'counterpart.role': 'pupil',
      'counterpart.age': { below: 16 },
    });
    const none = readRuleForm({ ...ruleValuesOf(rule(model, 'A2')), acts: [], labels: [], conditions: '' });
    expect(none.ok && none.rule.when).toBeUndefined();
  });

  it('says what to fix in each field, keeping nothing back', () => {
    const read = readRuleForm({ ...newRuleValues(), summary: '  ', conditions: 'act: [post\n' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toMatchObject({
      section: 'Choose the section the rule belongs to',
      topic: 'Choose the topic the rule is about',
      audience: 'Select at least one group of people the rule is for',
      summary: 'Enter the rule in your school’s own words',
    });
    expect(read.errors.conditions).toMatch(/^Line \d is not valid YAML/);
  });

  it('refuses the act twice, parts that have their own place, and YAML the vocabulary lacks', () => {
    const base = ruleValuesOf(rule(model, 'A2'));
    const twice = readRuleForm({ ...base, conditions: 'act: post\n' });
    expect(!twice.ok && twice.errors.conditions).toBe('Say what is done either with the boxes above or here, not both');
    const stray = readRuleForm({ ...base, conditions: 'consequences: []\n' });
    expect(!stray.ok && stray.errors.conditions).toMatch(/^Write only the conditions here/);
    const unknown = readRuleForm({ ...base, conditions: 'counterpart.age: {under: 16}\n' });
    expect(!unknown.ok && unknown.errors.conditions).toMatch(
      /^In the YAML, at counterpart.age, under: "under" is not a test/,
    );
  });

  it('reads consequences as step rows, and refuses one with no owner beside its row', () => {
    const values = ruleValuesOf(rule(model, 'B2'));
    values.consequences[1] = { ...values.consequences[1]!, action: 'notify_headteacher', owner: 'actor' };
    const read = readRuleForm(values, rule(model, 'B2'));
    expect(read.ok && read.rule.consequences).toEqual([
      ...rule(model, 'B2').consequences,
      { action: 'notify_headteacher', owner: 'actor', optional: false },
    ]);
    values.consequences[0] = { ...values.consequences[0]!, owner: '' };
    const bad = readRuleForm(values, rule(model, 'B2'));
    expect(!bad.ok && bad.errors).toEqual({ 'step-0-owner': 'Choose who does step 1' });
  });

  it('ticks what must be in place, keeping a requirement’s own action', () => {
    const withAction = {
      ...rule(model, 'B2'),
      requires: [{ fact: 'headteacher_approval' as const, action: 'notify_dsl' as const }],
    };
    const values = ruleValuesOf(withAction);
    expect(values.requires).toEqual(['headteacher_approval']);
    const read = readRuleForm({ ...values, requires: ['headteacher_approval', 'risk_assessment'] }, withAction);
    expect(read.ok && read.rule.requires).toEqual([
      { fact: 'headteacher_approval', action: 'notify_dsl' },
      'risk_assessment',
    ]);
    expect(readRuleForm({ ...values, requires: ['magic'] }, withAction)).toMatchObject({
      ok: false,
      errors: { requires: 'Select what must be in place from the list' },
    });
  });

  it('reads ticked boxes and the former-staff box from a posted form', () => {
    const values = ruleValuesFrom({
      audience: 'staff',
      acts: ['post', 'message'],
      bindsFormerStaff: 'yes',
      id: ' X1 ',
    });
    expect(values).toMatchObject({ audience: ['staff'], acts: ['post', 'message'], bindsFormerStaff: true, id: 'X1' });
  });

  it('places a problem from the whole draft beside the field it concerns', () => {
    expect(ruleFieldOf(['summary'])).toBe('summary');
    expect(ruleFieldOf(['when', 'act'])).toBe('acts');
    expect(ruleFieldOf(['when', 'counterpart.role', '0'])).toBe('otherRoles');
    expect(ruleFieldOf(['when', 'counterpart.age.below'])).toBe('conditions');
    expect(ruleFieldOf(['when', 'counterpart.relationship'])).toBe('relationships');
    expect(ruleFieldOf(['consequences', '1', 'owner'], (step) => step + 1)).toBe('step-2-owner');
    expect(ruleFieldOf(['unless', '0', 'when'])).toBe('exceptions');
  });

  it('keeps the rule’s exceptions, which have pages of their own', () => {
    const read = readRuleForm(ruleValuesOf(rule(model, 'B1')), rule(model, 'B1'));
    expect(read.ok && read.rule.unless).toEqual(rule(model, 'B1').unless);
  });
});

// The schema fills in defaults; the form's rule, checked the same way, must match the original.
function ruleSchema(r: unknown) {
  const policy = valid({ ...model, rules: [r], procedures: [] });
  if (!policy.success) throw new Error(JSON.stringify(policy.error.issues));
  return policy.data.rules[0];
}

describe('Editing the draft', () => {
  it('changes a rule’s wording and modality, and the engine answers differently', () => {
    const values = { ...ruleValuesOf(rule(model, 'A2')), modality: 'may', summary: 'You may post anything.' };
    const read = readRuleForm(values);
    if (!read.ok) throw new Error('unread');
    const edited = replaceRule(model, 'A2', read.rule);
    if (!edited.ok) throw new Error(edited.message);
    const checked = valid(edited.policy);
    expect(checked.success).toBe(true);
    expect(rule(model, 'A2').modality).toBe('must_not');
    const situation = {
      actor: { role: 'parent' as const },
      act: 'post' as const,
      content: { labels: ['illegal' as const] },
    };
    expect(evaluate(model, situation).verdict).toBe('breach');
    expect(evaluate(checked.data!, situation).verdict).not.toBe('breach');
  });

  it('adds a rule after the last of its section, and refuses an id already used', () => {
    const read = readRuleForm({
      ...newRuleValues('A'),
      id: 'A99',
      topic: 'respectful-conduct',
      audience: ['staff'],
      modality: 'should',
      summary: 'Be kind.',
    });
    if (!read.ok) throw new Error('unread');
    const added = addRule(model, read.rule);
    if (!added.ok) throw new Error(added.message);
    const lastA = added.policy.rules.findLastIndex((r) => r.section === 'A');
    expect(added.policy.rules[lastA]!.id).toBe('A99');
    expect(valid(added.policy).success).toBe(true);
    expect(addRule(added.policy, read.rule)).toEqual({
      ok: false,
      field: 'id',
      message: 'The id A99 is already used: choose another',
    });
    expect(addRule(model, { ...read.rule, id: 'P-STAFF' }).ok).toBe(false);
  });

  it('refuses to remove a rule a procedure starts from, naming the procedure', () => {
    const refused = removeRule(model, 'E4');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain('P-PUPIL-REQUEST');
    const free = model.rules.find((r) => !model.procedures.some((p) => p.trigger.breachOf?.includes(r.id)))!;
    const removed = removeRule(model, free.id);
    expect(removed.ok && removed.policy.rules.some((r) => r.id === free.id)).toBe(false);
    expect(model.rules.some((r) => r.id === free.id)).toBe(true);
  });

  it('adds, changes and removes a section, but not one that still has rules', () => {
    const read = readSectionForm({ id: 'Z', heading: 'Extra', introduction: '' });
    if (!read.ok) throw new Error('unread');
    const added = addSection(model, read.section);
    if (!added.ok) throw new Error(added.message);
    const changed = changeSection(added.policy, 'Z', { heading: 'More' });
    expect(changed.ok && changed.policy.sections.at(-1)).toEqual({ id: 'Z', heading: 'More' });
    const removed = removeSection(added.policy, 'Z');
    expect(removed.ok && removed.policy.sections.length).toBe(model.sections.length);
    const refused = removeSection(model, 'A');
    expect(!refused.ok && refused.message).toMatch(/^Section A still has rules A1, A2/);
    expect(addSection(model, { id: 'A', heading: 'Again' }).ok).toBe(false);
    expect(readSectionForm({ id: 'Y', heading: ' ', introduction: '' })).toEqual({
      ok: false,
      errors: { heading: 'Enter the section’s heading' },
    });
  });

  it('changes the document’s details, one linked policy a line', () => {
    const values = {
      ...detailsValuesOf(model),
      reviewedBy: 'Standards committee',
      linkedPolicies: 'One\r\n\r\n Two ',
      author: '',
    };
    const read = readDetailsForm(values);
    if (!read.ok) throw new Error('unread');
    const changed = changeDetails(model, read.details);
    expect(changed.ok && changed.policy).toMatchObject({
      reviewedBy: 'Standards committee',
      linkedPolicies: ['One', 'Two'],
    });
    expect(changed.ok && 'author' in changed.policy).toBe(false);
    expect(readDetailsForm({ ...values, title: '' }).ok).toBe(false);
  });
});

describe('The procedure form', () => {
  const procedure = model.procedures.find((p) => p.id === 'P-PUPIL-REQUEST')!;

  it('gives back the same procedure when saved unchanged, ignoring the empty row for a new step', () => {
    const read = readProcedureForm(procedureValuesOf(procedure), procedure);
    expect(read.ok && read.procedure).toEqual(procedure);
  });

  it('reads steps posted as numbered rows, adds one, removes one, and writes deadlines', () => {
    const body: Record<string, unknown> = { title: 'T', summary: '', breachOf: ['E4'], triggerWhen: '' };
    const row = (n: number, fields: Record<string, string>) =>
      Object.entries(fields).forEach(([k, v]) => (body[`step-${n}-${k}`] = v));
    row(0, { action: 'notify_dsl', owner: 'staff', deadlineAmount: '4', deadlineUnit: 'hours' });
    row(1, { action: 'decline_request', owner: 'actor', remove: 'yes' });
    row(2, {
      action: 'contact_police',
      owner: 'headteacher',
      optional: 'yes',
      deadlineAmount: '2',
      deadlineUnit: 'weeks',
    });
    row(3, { action: '', owner: '', deadlineUnit: 'days' });
    const read = readProcedureForm(procedureValuesFrom(body), procedure);
    expect(read.ok && read.procedure.steps).toEqual([
      { action: 'notify_dsl', owner: 'staff', optional: false, deadline: 'PT4H' },
      { action: 'contact_police', owner: 'headteacher', optional: true, deadline: 'P2W' },
    ]);
    expect(deadlineParts('P2W')).toEqual({ amount: '2', unit: 'weeks' });
  });

  it('replaces the procedure in the draft, keeping its id, section and sources', () => {
    const values = { ...procedureValuesOf(procedure), title: 'A child reaches out to an adult online' };
    const read = readProcedureForm(values, procedure);
    if (!read.ok) throw new Error('unread');
    const replaced = replaceProcedure(model, procedure.id, { ...read.procedure, id: 'ignored' });
    if (!replaced.ok) throw new Error(replaced.message);
    const saved = replaced.policy.procedures.find((p) => p.id === procedure.id)!;
    expect(saved).toEqual({ ...procedure, title: 'A child reaches out to an adult online' });
    expect(valid(replaced.policy).success).toBe(true);
    expect(replaceProcedure(model, 'P-NONE', procedure)).toMatchObject({ ok: false });
  });

  it('says which step needs what, and needs a trigger', () => {
    const values = procedureValuesOf(procedure);
    values.breachOf = [];
    values.steps[1] = { ...values.steps[1]!, owner: '', deadlineAmount: 'soon' };
    const read = readProcedureForm(values, procedure);
    expect(!read.ok && read.errors).toMatchObject({
      breachOf: expect.stringMatching(/^Select the rules/),
      'step-1-owner': 'Choose who does step 2',
      'step-1-deadlineAmount': expect.stringMatching(/whole number/),
    });
    expect(procedureFieldOf(['steps', '1', 'owner'], (s) => s + 1)).toBe('step-2-owner');
  });
});

describe('Reading what was typed', () => {
  it('reads YAML into a mapping, or says which line is wrong', () => {
    expect(readYamlMapping('')).toEqual({ ok: true, value: undefined });
    expect(readYamlMapping('when:\n  act: post\n')).toEqual({ ok: true, value: { when: { act: 'post' } } });
    expect(readYamlMapping('when:\n  act: post\n  act: message\n')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Line 3 /),
    });
    expect(readYamlMapping('- just a list')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/name: value/),
    });
  });

  it('words the schema’s messages plainly', () => {
    expect(plainMessage('Invalid option: expected one of "a"|"b_c"')).toBe('use one of: a, b_c');
    expect(plainMessage('Unrecognized key: "colour"')).toBe(
      '“colour” is not something Footprint knows here; check the spelling',
    );
    expect(plainMessage('must not be empty')).toBe('must not be empty');
  });
});

describe('Problems and the YAML file', () => {
  it('finds the placeholders left after adopting, and links each to its field', () => {
    const problems = placeholderProblems(model);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['reviewedBy', 'approvedBy']));
    expect(placeOf(model, 'reviewedBy').href).toBe('/policy/draft/details#reviewedBy');
    const index = model.rules.findIndex((r) => r.id === 'B1');
    expect(placeOf(model, `rules.${index}.when.counterpart.role`)).toEqual({
      href: '/policy/draft/rules/B1#otherRoles',
      place: 'Rule B1',
    });
  });

  it('writes the draft as a file that reads back as the same policy', () => {
    const back = parsePolicy(draftToYaml(model));
    expect(back.ok && back.policy).toEqual(model);
  });

  it('turns a question into a situation, or says what is missing', () => {
    const read = readQuestion({
      role: 'staff',
      act: 'friend_request_accept',
      otherRole: 'pupil',
      otherAge: '11',
      labels: [],
      places: ['onPremises'],
    });
    expect(read.ok && read.situation).toEqual({
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 11 },
      context: { onPremises: true },
    });
    const bad = readQuestion({ role: '', act: 'dance', otherRole: '', otherAge: 'ten', labels: [], places: [] });
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['act', 'otherAge', 'role']);
  });
});
