// Changing a procedure: its title, what starts it, and its steps, each chosen from the vocabulary.
import type { FastifyReply } from 'fastify';
import { describeStep } from '../../../domain/policy/render/steps.ts';
import type { Policy, Procedure } from '../../../domain/policy/schema.ts';
import { replaceProcedure } from '../../../domain/policy-editing/edits.ts';
import { bodyOf, type Errors } from '../../../domain/policy-editing/form-values.ts';
import type { PlacedProblem } from '../../../domain/policy-editing/problems.ts';
import {
  deadlineUnits,
  procedureFieldOf,
  procedureValuesFrom,
  procedureValuesOf,
  readProcedureForm,
  savedStepRows,
  type ProcedureFormValues,
} from '../../../domain/policy-editing/procedure-form.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable, partOf, saveDraft, sortProblems } from './draft.ts';
import { actionOptions, ownerOptions } from './words.ts';

interface ProcedureForm {
  procedure: Procedure;
  values: ProcedureFormValues;
  errors?: Errors;
  elsewhere?: PlacedProblem[];
}

const shorten = (text: string, length = 90) =>
  text.length <= length ? text : `${text.slice(0, text.lastIndexOf(' ', length)).replace(/[,;:]$/, '')}…`;

function procedureForm(reply: FastifyReply, policy: Policy, form: ProcedureForm) {
  const { procedure, values } = form;
  const fieldOrder = [
    'title',
    'summary',
    'breachOf',
    'triggerWhen',
    ...values.steps.flatMap((_, n) =>
      ['action', 'owner', 'deadlineAmount', 'summary', 'if', 'when'].map((f) => `step-${n}-${f}`),
    ),
  ];
  return draftPage(reply, 'policy-draft/procedure.njk', {
    pageTitle: `Change procedure ${procedure.id}`,
    fieldOrder,
    formAction: `/policy/draft/procedures/${encodeURIComponent(procedure.id)}`,
    procedure: { id: procedure.id, steps: procedure.steps.map(describeStep) },
    values,
    errors: form.errors,
    elsewhere: form.elsewhere,
    rules: policy.rules.map((rule) => ({
      value: rule.id,
      text: `${rule.id}: ${shorten(rule.summary)}`,
      checked: values.breachOf.includes(rule.id),
    })),
    steps: values.steps.map((step, n) => ({
      n,
      last: n === values.steps.length - 1,
      values: step,
      actions: actionOptions(step.action),
      owners: ownerOptions(step.owner),
      units: deadlineUnits.map((unit) => ({ value: unit, text: unit, selected: step.deadlineUnit === unit })),
    })),
  });
}

export const procedureRoutes: RoutePlugin = async (app, { services }) => {
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
        const rows = savedStepRows(values);
        const mine = `procedures.${inHand.policy.procedures.indexOf(procedure)}`;
        const fieldOf = (inside: string[]) => procedureFieldOf(inside, (step) => rows[step] ?? 0);
        const yamlFields = ['triggerWhen', ...values.steps.map((_, n) => `step-${n}-when`)];
        return procedureForm(reply, inHand.policy, {
          ...form,
          ...sortProblems(edited.policy, saved.problems, mine, fieldOf, yamlFields),
        });
      }
      return reply.redirect(`/policy/draft?saved=procedure&id=${encodeURIComponent(procedure.id)}`, 303);
    },
  );
};
