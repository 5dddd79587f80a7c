// A rule's exceptions, each on a page of its own: add one, change what it says and when it holds
// with the condition's boxes, remove it. Every change is saved with the whole draft checked.
import type { FastifyReply } from 'fastify';
import { describeCondition } from '../../../domain/policy/render/describe-condition.ts';
import { joinWords } from '../../../domain/policy/render/words.ts';
import { requirementMeanings } from '../../../domain/policy/requirements.ts';
import type { Policy, Rule } from '../../../domain/policy/schema.ts';
import { addException, removeException, replaceException } from '../../../domain/policy-editing/edits.ts';
import {
  exceptionFieldOf,
  exceptionFieldOrder,
  exceptionValuesFrom,
  exceptionValuesOf,
  newExceptionValues,
  readExceptionForm,
  type Exception,
  type ExceptionFormValues,
} from '../../../domain/policy-editing/exception-form.ts';
import { bodyOf, type Errors } from '../../../domain/policy-editing/form-values.ts';
import type { PlacedProblem } from '../../../domain/policy-editing/problems.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable, partOf, saveDraft, sortProblems } from './draft.ts';
import { conditionBoxes, requirementBoxes } from './words.ts';

/** The exception as the engine reads it: "a family member, once the relationship is declared". */
export function exceptionReading(exception: Exception): string {
  const when = Object.keys(exception.when).length > 0 ? describeCondition(exception.when) : undefined;
  const needs = exception.requires.map((r) => requirementMeanings[typeof r === 'string' ? r : r.fact].wording);
  const once = needs.length > 0 ? `once ${joinWords(needs)}` : undefined;
  return [when, once].filter(Boolean).join(', ') || 'any situation';
}

interface ExceptionForm {
  rule: Rule;
  /** The exception being changed; absent when adding one. */
  exception?: Exception;
  values: ExceptionFormValues;
  errors?: Errors;
  elsewhere?: PlacedProblem[];
}

const rulePath = (rule: Rule) => `/policy/draft/rules/${encodeURIComponent(rule.id)}`;

function exceptionForm(reply: FastifyReply, form: ExceptionForm) {
  const { rule, exception, values } = form;
  const path = exception && `${rulePath(rule)}/exceptions/${encodeURIComponent(exception.id)}`;
  return draftPage(reply, 'policy-draft/exception.njk', {
    pageTitle: exception
      ? `Change exception ${exception.id} to rule ${rule.id}`
      : `Add an exception to rule ${rule.id}`,
    fieldOrder: exceptionFieldOrder,
    adding: !exception,
    rule: { id: rule.id, summary: rule.summary, href: rulePath(rule) },
    formAction: path ?? `${rulePath(rule)}/exceptions/new`,
    removeAction: path && `${path}/remove`,
    reading: exception && exceptionReading(exception),
    values,
    errors: form.errors,
    elsewhere: form.elsewhere,
    boxes: conditionBoxes(values),
    requirementBoxes: requirementBoxes(values.requires),
    conditionHints: {
      acts: 'Only when they do one of these. Leave them unticked if the exception holds whatever is done.',
      actorRoles: 'Only when the person doing it is one of these, such as the Headteacher.',
    },
  });
}

const yamlFields = ['conditions'];
const savedAt = (rule: Rule, saved: string, id: string) =>
  `${rulePath(rule)}?saved=${saved}&id=${encodeURIComponent(id)}#exceptions`;

/** The draft's problems, those of this exception beside its fields. */
function sorted(policy: Policy, problems: Parameters<typeof sortProblems>[1], ruleId: string, exceptionId: string) {
  const r = policy.rules.findIndex((x) => x.id === ruleId);
  const e = policy.rules[r]?.unless.findIndex((x) => x.id === exceptionId) ?? -1;
  return sortProblems(policy, problems, `rules.${r}.unless.${e}`, exceptionFieldOf, yamlFields);
}

interface RuleParams {
  Params: { ruleId: string };
}
interface ExceptionParams {
  Params: { ruleId: string; exceptionId: string };
}

export const exceptionRoutes: RoutePlugin = async (app, { services }) => {
  app.get<RuleParams>(
    '/policy/draft/rules/:ruleId/exceptions/new',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      const rule = partOf(inHand, (p) => p.rules.find((r) => r.id === request.params.ruleId));
      if (!inHand.editable) return notEditable(reply, inHand);
      return exceptionForm(reply, { rule, values: newExceptionValues() });
    },
  );

  app.post<RuleParams>(
    '/policy/draft/rules/:ruleId/exceptions/new',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const rule = partOf(inHand, (p) => p.rules.find((r) => r.id === request.params.ruleId));
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const values = exceptionValuesFrom(bodyOf(request.body));
      const read = readExceptionForm(values);
      if (!read.ok) return exceptionForm(reply, { rule, values, errors: read.errors });
      const edited = addException(inHand.policy, rule.id, read.exception);
      if (!edited.ok) return exceptionForm(reply, { rule, values, errors: { [edited.field]: edited.message } });
      const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
      if (!saved.ok)
        return exceptionForm(reply, { rule, values, ...sorted(edited.policy, saved.problems, rule.id, values.id) });
      return reply.redirect(savedAt(rule, 'exception', read.exception.id), 303);
    },
  );

  const found = (inHand: Awaited<ReturnType<typeof draftInHand>>, params: ExceptionParams['Params']) => {
    const rule = partOf(inHand, (p) => p.rules.find((r) => r.id === params.ruleId));
    const exception = partOf(inHand, () => rule.unless.find((e) => e.id === params.exceptionId));
    return { rule, exception };
  };

  app.get<ExceptionParams>(
    '/policy/draft/rules/:ruleId/exceptions/:exceptionId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      const { rule, exception } = found(inHand, request.params);
      if (!inHand.editable) return notEditable(reply, inHand);
      return exceptionForm(reply, { rule, exception, values: exceptionValuesOf(exception) });
    },
  );

  app.post<ExceptionParams>(
    '/policy/draft/rules/:ruleId/exceptions/:exceptionId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const { rule, exception } = found(inHand, request.params);
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const values = { ...exceptionValuesFrom(bodyOf(request.body)), id: exception.id };
      const form = { rule, exception, values };
      const read = readExceptionForm(values, exception);
      if (!read.ok) return exceptionForm(reply, { ...form, errors: read.errors });
      const edited = replaceException(inHand.policy, rule.id, exception.id, read.exception);
      if (!edited.ok) return exceptionForm(reply, { ...form, errors: { summary: edited.message } });
      const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
      if (!saved.ok)
        return exceptionForm(reply, { ...form, ...sorted(edited.policy, saved.problems, rule.id, exception.id) });
      return reply.redirect(savedAt(rule, 'exception', exception.id), 303);
    },
  );

  app.post<ExceptionParams>(
    '/policy/draft/rules/:ruleId/exceptions/:exceptionId/remove',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const { rule, exception } = found(inHand, request.params);
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const form = { rule, exception, values: exceptionValuesOf(exception) };
      const removed = removeException(inHand.policy, rule.id, exception.id);
      if (!removed.ok) return exceptionForm(reply, { ...form, errors: { remove: removed.message } });
      const saved = await saveDraft(services, viewer, inHand.version, removed.policy);
      if (!saved.ok)
        return exceptionForm(reply, {
          ...form,
          ...sortProblems(removed.policy, saved.problems, undefined, exceptionFieldOf),
        });
      return reply.redirect(savedAt(rule, 'exception-removed', exception.id), 303);
    },
  );
};
