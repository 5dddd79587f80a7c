// Changing a procedure: its title, what starts it, and its steps, each chosen from the vocabulary.
import type { FastifyReply } from 'fastify';
import { describeStep } from '../../../domain/policy/render/steps.ts';
import type { Policy, Procedure } from '../../../domain/policy/schema.ts';
import { addProcedure, removeProcedure, replaceProcedure } from '../../../domain/policy-editing/edits.ts';
import { bodyOf, type Errors } from '../../../domain/policy-editing/form-values.ts';
import type { DraftProblem, PlacedProblem } from '../../../domain/policy-editing/problems.ts';
import {
  newProcedureValues,
  procedureFieldOf,
  procedureValuesFrom,
  procedureValuesOf,
  readProcedureForm,
  savedStepRows,
  type ProcedureFormValues,
} from '../../../domain/policy-editing/procedure-form.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable, partOf, saveDraft, sortProblems } from './draft.ts';
import { sectionOptions, stepFieldNames, stepRowItems } from './words.ts';

interface ProcedureForm {
  /** The procedure being changed; absent when adding one. */
  procedure?: Procedure;
  values: ProcedureFormValues;
  errors?: Errors;
  elsewhere?: PlacedProblem[];
}

const shorten = (text: string, length = 90) =>
  text.length <= length ? text : `${text.slice(0, text.lastIndexOf(' ', length)).replace(/[,;:]$/, '')}…`;

function procedureForm(reply: FastifyReply, policy: Policy, form: ProcedureForm) {
  const { procedure, values } = form;
  const path = procedure && `/policy/draft/procedures/${encodeURIComponent(procedure.id)}`;
  return draftPage(reply, 'policy-draft/procedure.njk', {
    pageTitle: procedure ? `Change procedure ${procedure.id}` : 'Add a procedure',
    fieldOrder: ['id', 'title', 'section', 'summary', 'breachOf', 'triggerWhen', ...stepFieldNames(values.steps)],
    adding: !procedure,
    formAction: path ?? '/policy/draft/procedures/new',
    removeHref: path && `${path}/remove`,
    procedure: procedure && { id: procedure.id, steps: procedure.steps.map(describeStep) },
    values,
    errors: form.errors,
    elsewhere: form.elsewhere,
    sections: [
      { value: '', text: 'Not in a section', selected: values.section === '' },
      ...sectionOptions(policy, values.section).slice(1),
    ],
    rules: policy.rules.map((rule) => ({
      value: rule.id,
      text: `${rule.id}: ${shorten(rule.summary)}`,
      checked: values.breachOf.includes(rule.id),
    })),
    steps: stepRowItems(values.steps),
  });
}

/** The draft's problems, those of the procedure at `index` beside its fields. */
function sorted(policy: Policy, problems: DraftProblem[], index: number, values: ProcedureFormValues) {
  const rows = savedStepRows(values);
  const fieldOf = (inside: string[]) => procedureFieldOf(inside, (step) => rows[step] ?? 0);
  const yamlFields = ['triggerWhen', ...values.steps.map((_, n) => `step-${n}-when`)];
  return sortProblems(policy, problems, `procedures.${index}`, fieldOf, yamlFields);
}

export const procedureRoutes: RoutePlugin = async (app, { services }) => {
  app.get<{ Querystring: { rule?: string } }>(
    '/policy/draft/procedures/new',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      if (!inHand.editable) return notEditable(reply, inHand);
      const rule = inHand.policy.rules.find((r) => r.id === request.query.rule);
      return procedureForm(reply, inHand.policy, { values: newProcedureValues(rule ? [rule.id] : []) });
    },
  );

  app.post('/policy/draft/procedures/new', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const viewer = request.viewer!;
    const inHand = await draftInHand(services, viewer);
    if (!inHand.editable) return notEditable(reply, inHand, 409);
    const values = procedureValuesFrom(bodyOf(request.body));
    const read = readProcedureForm(values);
    if (!read.ok) return procedureForm(reply, inHand.policy, { values, errors: read.errors });
    const edited = addProcedure(inHand.policy, read.procedure);
    if (!edited.ok) return procedureForm(reply, inHand.policy, { values, errors: { [edited.field]: edited.message } });
    const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
    if (!saved.ok) {
      const index = edited.policy.procedures.findIndex((p) => p.id === read.procedure.id);
      return procedureForm(reply, inHand.policy, { values, ...sorted(edited.policy, saved.problems, index, values) });
    }
    return reply.redirect(`/policy/draft?saved=procedure&id=${encodeURIComponent(read.procedure.id)}`, 303);
  });

  app.get<{ Params: { procedureId: string } }>(
    '/policy/draft/procedures/:procedureId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      const procedure = partOf(inHand, (p) => p.procedures.find((x) => x.id === request.params.procedureId));
      if (!inHand.editable) return notEditable(reply, inHand);
      return procedureForm(reply, inHand.policy, { procedure, values: procedureValuesOf(procedure) });
    },
  );

  app.post<{ Params: { procedureId: string } }>(
    '/policy/draft/procedures/:procedureId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const procedure = partOf(inHand, (p) => p.procedures.find((x) => x.id === request.params.procedureId));
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const values = procedureValuesFrom(bodyOf(request.body));
      const form = { procedure, values };
      const read = readProcedureForm(values, procedure);
      if (!read.ok) return procedureForm(reply, inHand.policy, { ...form, errors: read.errors });
      const edited = replaceProcedure(inHand.policy, procedure.id, read.procedure);
      if (!edited.ok) return procedureForm(reply, inHand.policy, { ...form, errors: { title: edited.message } });
      const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
      if (!saved.ok) {
        const index = inHand.policy.procedures.indexOf(procedure);
        return procedureForm(reply, inHand.policy, {
          ...form,
          ...sorted(edited.policy, saved.problems, index, values),
        });
      }
      return reply.redirect(`/policy/draft?saved=procedure&id=${encodeURIComponent(procedure.id)}`, 303);
    },
  );

  const removePage = (reply: FastifyReply, procedure: Procedure) => {
    const path = `/policy/draft/procedures/${encodeURIComponent(procedure.id)}`;
    return draftPage(reply, 'policy-draft/procedure-remove.njk', {
      pageTitle: `Remove procedure ${procedure.id}?`,
      formAction: `${path}/remove`,
      procedure: {
        title: procedure.title,
        href: path,
        steps: procedure.steps.length,
        rules: procedure.trigger.breachOf ?? [],
      },
    });
  };

  app.get<{ Params: { procedureId: string } }>(
    '/policy/draft/procedures/:procedureId/remove',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      const procedure = partOf(inHand, (p) => p.procedures.find((x) => x.id === request.params.procedureId));
      if (!inHand.editable) return notEditable(reply, inHand);
      return removePage(reply, procedure);
    },
  );

  app.post<{ Params: { procedureId: string } }>(
    '/policy/draft/procedures/:procedureId/remove',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const procedure = partOf(inHand, (p) => p.procedures.find((x) => x.id === request.params.procedureId));
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const path = `/policy/draft/procedures/${encodeURIComponent(procedure.id)}`;
      // Only the confirmation page's button removes it; anything else is asked again.
      if (bodyOf(request.body).confirm !== 'yes') return reply.redirect(`${path}/remove`, 303);
      const removed = removeProcedure(inHand.policy, procedure.id);
      if (!removed.ok) throw new Error(removed.message);
      const saved = await saveDraft(services, viewer, inHand.version, removed.policy);
      if (!saved.ok) {
        const elsewhere = sortProblems(removed.policy, saved.problems, undefined, () => '').elsewhere;
        return draftPage(reply, 'policy-draft/procedure-remove.njk', {
          pageTitle: `Remove procedure ${procedure.id}?`,
          formAction: `${path}/remove`,
          procedure: { title: procedure.title, href: path, steps: procedure.steps.length, rules: [] },
          elsewhere,
        });
      }
      return reply.redirect(`/policy/draft?saved=procedure-removed&id=${encodeURIComponent(procedure.id)}`, 303);
    },
  );
};
