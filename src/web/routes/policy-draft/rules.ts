// Adding and changing a rule with guided choices, and removing one that no procedure needs.
import type { FastifyReply } from 'fastify';
import { describeCondition } from '../../../domain/policy/render/describe-condition.ts';
import type { Policy, Rule } from '../../../domain/policy/schema.ts';
import { addRule, proceduresTriggeredBy, removeRule, replaceRule } from '../../../domain/policy-editing/edits.ts';
import { bodyOf, type Errors } from '../../../domain/policy-editing/form-values.ts';
import type { PlacedProblem } from '../../../domain/policy-editing/problems.ts';
import {
  newRuleValues,
  readRuleForm,
  ruleFieldOf,
  ruleFieldOrder,
  ruleValuesFrom,
  ruleValuesOf,
  type RuleFormValues,
} from '../../../domain/policy-editing/rule-form.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable, partOf, saveDraft, sortProblems } from './draft.ts';
import { actBoxes, modalityRadios, otherPersonBoxes, roleBoxes, sectionOptions, topicOptions } from './words.ts';

interface RuleForm {
  /** The rule being changed; absent when adding one. */
  rule?: Rule;
  values: RuleFormValues;
  errors?: Errors;
  elsewhere?: PlacedProblem[];
}

function ruleForm(reply: FastifyReply, policy: Policy, form: RuleForm) {
  const { rule, values } = form;
  const path = rule && `/policy/draft/rules/${encodeURIComponent(rule.id)}`;
  return draftPage(reply, 'policy-draft/rule.njk', {
    pageTitle: rule ? `Change rule ${rule.id}` : 'Add a rule',
    fieldOrder: ruleFieldOrder,
    adding: !rule,
    formAction: path ?? '/policy/draft/rules/new',
    removeAction: path && `${path}/remove`,
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
      acts: actBoxes(values.acts),
      otherRoles: otherPersonBoxes(values.otherRoles),
    },
  });
}

const yamlFields = ['conditions'];

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
      const sorted = sortProblems(edited.policy, saved.problems, mine, ruleFieldOf, yamlFields);
      return ruleForm(reply, inHand.policy, { values, ...sorted });
    }
    return reply.redirect(`/policy/draft?saved=rule&id=${encodeURIComponent(read.rule.id)}`, 303);
  });

  app.get<{ Params: { ruleId: string } }>(
    '/policy/draft/rules/:ruleId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      const rule = partOf(inHand, (p) => p.rules.find((r) => r.id === request.params.ruleId));
      if (!inHand.editable) return notEditable(reply, inHand);
      return ruleForm(reply, inHand.policy, { rule, values: ruleValuesOf(rule) });
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
        const sorted = sortProblems(edited.policy, saved.problems, mine, ruleFieldOf, yamlFields);
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
