// Adding and changing a rule with guided choices, and removing one that no procedure needs.
import type { FastifyReply } from 'fastify';
import { describeCondition } from '../../../domain/policy/render/describe-condition.ts';
import type { Policy, Rule } from '../../../domain/policy/schema.ts';
import { addRule, proceduresTriggeredBy, removeRule, replaceRule } from '../../../domain/policy-editing/edits.ts';
import { bodyOf, type Errors } from '../../../domain/policy-editing/form-values.ts';
import { savedStepRows } from '../../../domain/policy-editing/procedure-form.ts';
import type { PlacedProblem } from '../../../domain/policy-editing/problems.ts';
import {
  newRuleValues,
  readRuleForm,
  ruleFieldOf,
  ruleFieldOrder,
  ruleNoteFields,
  ruleValuesFrom,
  ruleValuesOf,
  type RuleFormValues,
} from '../../../domain/policy-editing/rule-form.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable, partOf, saveDraft, sortProblems } from './draft.ts';
import { exceptionReading } from './exceptions.ts';
import {
  conditionBoxes,
  modalityRadios,
  requirementBoxes,
  roleBoxes,
  sectionOptions,
  stepFieldNames,
  stepRowItems,
  topicOptions,
} from './words.ts';

interface RuleForm {
  /** The rule being changed; absent when adding one. */
  rule?: Rule;
  values: RuleFormValues;
  errors?: Errors;
  elsewhere?: PlacedProblem[];
  /** Said after an exception was saved or removed. */
  saved?: string;
}

function ruleForm(reply: FastifyReply, policy: Policy, form: RuleForm) {
  const { rule, values } = form;
  const path = rule && `/policy/draft/rules/${encodeURIComponent(rule.id)}`;
  return draftPage(reply, 'policy-draft/rule.njk', {
    pageTitle: rule ? `Change rule ${rule.id}` : 'Add a rule',
    fieldOrder: [...ruleFieldOrder, ...stepFieldNames(values.consequences), ...ruleNoteFields],
    adding: !rule,
    saved: form.saved,
    formAction: path ?? '/policy/draft/rules/new',
    removeAction: path && `${path}/remove`,
    exceptionsHref: path && `${path}/exceptions`,
    exceptions: (rule?.unless ?? []).map((exception) => ({
      id: exception.id,
      summary: exception.summary,
      reading: exceptionReading(exception),
      href: `${path}/exceptions/${encodeURIComponent(exception.id)}`,
    })),
    steps: stepRowItems(values.consequences),
    boxes: conditionBoxes(values),
    requirementBoxes: requirementBoxes(values.requires),
    conditionHints: {
      acts: 'The rule applies when they do any of these. Leave them all unticked if the rule is guidance that no question can test.',
      actorRoles: 'Rarely needed: only when the rule is for some of the people above in some cases.',
    },
    values,
    errors: form.errors,
    elsewhere: form.elsewhere,
    // The rule's situations in plain words, as saved: what the engine will test.
    reading: rule?.when ? describeCondition(rule.when) : undefined,
    triggers: rule ? proceduresTriggeredBy(policy, rule.id).map((p) => ({ id: p.id, title: p.title })) : [],
    choices: {
      sections: sectionOptions(policy, values.section),
      topics: topicOptions(values.topic),
      audience: roleBoxes(values.audience, 'audience'),
      modality: modalityRadios(values.modality),
    },
  });
}

const yamlFields = ['conditions'];

/** The whole draft's problems with the rule, beside the rows of its consequences as typed. */
const fieldOfRule = (values: RuleFormValues) => {
  const rows = savedStepRows({ steps: values.consequences });
  return (inside: string[]) => ruleFieldOf(inside, (step) => rows[step] ?? 0);
};

const savedWords: Record<string, (id: string) => string> = {
  exception: (id) => `Exception ${id} has been saved.`,
  'exception-removed': (id) => `Exception ${id} has been removed.`,
};

export const ruleRoutes: RoutePlugin = async (app, { services }) => {
  app.get<{ Querystring: { section?: string } }>(
    '/policy/draft/rules/new',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      if (!inHand.editable) return notEditable(reply, inHand);
      const section = inHand.policy.sections.some((s) => s.id === request.query.section) ? request.query.section : '';
      return ruleForm(reply, inHand.policy, { values: newRuleValues(section) });
    },
  );

  app.post('/policy/draft/rules/new', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const viewer = request.viewer!;
    const inHand = await draftInHand(services, viewer);
    if (!inHand.editable) return notEditable(reply, inHand, 409);
    const values = ruleValuesFrom(bodyOf(request.body));
    const read = readRuleForm(values);
    if (!read.ok) return ruleForm(reply, inHand.policy, { values, errors: read.errors });
    const edited = addRule(inHand.policy, read.rule);
    if (!edited.ok) return ruleForm(reply, inHand.policy, { values, errors: { [edited.field]: edited.message } });
    const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
    if (!saved.ok) {
      const mine = `rules.${edited.policy.rules.findIndex((r) => r.id === read.rule.id)}`;
      const sorted = sortProblems(edited.policy, saved.problems, mine, fieldOfRule(values), yamlFields);
      return ruleForm(reply, inHand.policy, { values, ...sorted });
    }
    return reply.redirect(`/policy/draft?saved=rule&id=${encodeURIComponent(read.rule.id)}`, 303);
  });

  app.get<{ Params: { ruleId: string }; Querystring: { saved?: string; id?: string } }>(
    '/policy/draft/rules/:ruleId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      const rule = partOf(inHand, (p) => p.rules.find((r) => r.id === request.params.ruleId));
      if (!inHand.editable) return notEditable(reply, inHand);
      const saved = savedWords[request.query.saved ?? '']?.(String(request.query.id ?? '').slice(0, 60));
      return ruleForm(reply, inHand.policy, { rule, values: ruleValuesOf(rule), ...(saved && { saved }) });
    },
  );

  app.post<{ Params: { ruleId: string } }>(
    '/policy/draft/rules/:ruleId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const rule = partOf(inHand, (p) => p.rules.find((r) => r.id === request.params.ruleId));
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const values = { ...ruleValuesFrom(bodyOf(request.body)), id: rule.id };
      const read = readRuleForm(values, rule);
      if (!read.ok) return ruleForm(reply, inHand.policy, { rule, values, errors: read.errors });
      const edited = replaceRule(inHand.policy, rule.id, read.rule);
      if (!edited.ok) return ruleForm(reply, inHand.policy, { rule, values, errors: { summary: edited.message } });
      const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
      if (!saved.ok) {
        const mine = `rules.${inHand.policy.rules.indexOf(rule)}`;
        const sorted = sortProblems(edited.policy, saved.problems, mine, fieldOfRule(values), yamlFields);
        return ruleForm(reply, inHand.policy, { rule, values, ...sorted });
      }
      return reply.redirect(`/policy/draft?saved=rule&id=${encodeURIComponent(rule.id)}`, 303);
    },
  );

  app.post<{ Params: { ruleId: string } }>(
    '/policy/draft/rules/:ruleId/remove',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const rule = partOf(inHand, (p) => p.rules.find((r) => r.id === request.params.ruleId));
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const form = { rule, values: ruleValuesOf(rule) };
      const removed = removeRule(inHand.policy, rule.id);
      if (!removed.ok) return ruleForm(reply, inHand.policy, { ...form, errors: { remove: removed.message } });
      const saved = await saveDraft(services, viewer, inHand.version, removed.policy);
      if (!saved.ok)
        return ruleForm(reply, inHand.policy, {
          ...form,
          ...sortProblems(removed.policy, saved.problems, undefined, ruleFieldOf),
        });
      return reply.redirect(`/policy/draft?saved=rule-removed&id=${encodeURIComponent(rule.id)}`, 303);
    },
  );
};
