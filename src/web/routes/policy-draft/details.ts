// The policy's own details, and its sections: add one, change its heading and introduction,
// remove it once nothing belongs to it.
import type { FastifyReply } from 'fastify';
import {
  detailsFieldOrder,
  detailsValuesFrom,
  detailsValuesOf,
  readDetailsForm,
  readSectionForm,
  sectionFieldOrder,
  sectionValuesFrom,
  sectionValuesOf,
  type DetailsFormValues,
  type SectionFormValues,
} from '../../../domain/policy-editing/document-forms.ts';
import { addSection, changeDetails, changeSection, removeSection } from '../../../domain/policy-editing/edits.ts';
import { bodyOf, type Errors } from '../../../domain/policy-editing/form-values.ts';
import type { PlacedProblem } from '../../../domain/policy-editing/problems.ts';
import type { Policy } from '../../../domain/policy/schema.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable, partOf, saveDraft, sortProblems } from './draft.ts';

const sectionFieldOf = (inside: string[]) =>
  inside[0] === 'introduction' ? 'introduction' : inside[0] === 'id' ? 'id' : 'heading';
const detailsFieldOf = (path: string) =>
  detailsFieldOrder.includes(path.split('.')[0] ?? '') ? path.split('.')[0]! : 'title';

export const detailsRoutes: RoutePlugin = async (app, { services }) => {
  const detailsForm = (
    reply: FastifyReply,
    values: DetailsFormValues,
    problems: { errors?: Errors; elsewhere?: PlacedProblem[] } = {},
  ) =>
    draftPage(reply, 'policy-draft/details.njk', {
      pageTitle: 'Change the policy’s details',
      fieldOrder: detailsFieldOrder,
      values,
      ...problems,
    });

  app.get('/policy/draft/details', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const inHand = await draftInHand(services, request.viewer!);
    if (!inHand.editable) return notEditable(reply, inHand);
    return detailsForm(reply, detailsValuesOf(inHand.policy));
  });

  app.post('/policy/draft/details', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const viewer = request.viewer!;
    const inHand = await draftInHand(services, viewer);
    if (!inHand.editable) return notEditable(reply, inHand, 409);
    const values = detailsValuesFrom(bodyOf(request.body));
    const read = readDetailsForm(values);
    if (!read.ok) return detailsForm(reply, values, { errors: read.errors });
    const edited = changeDetails(inHand.policy, read.details);
    if (!edited.ok) return detailsForm(reply, values, { errors: { title: edited.message } });
    const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
    if (!saved.ok) {
      const errors: Errors = {};
      const elsewhere = sortProblems(edited.policy, saved.problems, undefined, () => '').elsewhere.filter((problem) => {
        if (!problem.href.startsWith('/policy/draft/details')) return true;
        errors[detailsFieldOf(problem.href.split('#')[1] ?? '')] ??= problem.message;
        return false;
      });
      return detailsForm(reply, values, { errors, elsewhere });
    }
    return reply.redirect('/policy/draft?saved=details', 303);
  });

  const sectionForm = (
    reply: FastifyReply,
    policy: Policy,
    form: { adding: boolean; values: SectionFormValues; errors?: Errors; elsewhere?: PlacedProblem[] },
  ) => {
    const { adding, values } = form;
    const rules = policy.rules.filter((r) => r.section === values.id).length;
    const procedures = policy.procedures.filter((p) => p.section === values.id).length;
    return draftPage(reply, 'policy-draft/section.njk', {
      pageTitle: adding ? 'Add a section' : `Change section ${values.id}`,
      fieldOrder: sectionFieldOrder,
      formAction: adding ? '/policy/draft/sections/new' : `/policy/draft/sections/${encodeURIComponent(values.id)}`,
      removeAction: adding ? undefined : `/policy/draft/sections/${encodeURIComponent(values.id)}/remove`,
      holds: { rules, procedures },
      ...form,
    });
  };

  app.get('/policy/draft/sections/new', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const inHand = await draftInHand(services, request.viewer!);
    if (!inHand.editable) return notEditable(reply, inHand);
    return sectionForm(reply, inHand.policy, { adding: true, values: { id: '', heading: '', introduction: '' } });
  });

  app.post('/policy/draft/sections/new', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const viewer = request.viewer!;
    const inHand = await draftInHand(services, viewer);
    if (!inHand.editable) return notEditable(reply, inHand, 409);
    const values = sectionValuesFrom(bodyOf(request.body));
    const form = { adding: true, values };
    const read = readSectionForm(values);
    if (!read.ok) return sectionForm(reply, inHand.policy, { ...form, errors: read.errors });
    const edited = addSection(inHand.policy, read.section);
    if (!edited.ok) return sectionForm(reply, inHand.policy, { ...form, errors: { id: edited.message } });
    const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
    if (!saved.ok) {
      const mine = `sections.${edited.policy.sections.length - 1}`;
      return sectionForm(reply, inHand.policy, {
        ...form,
        ...sortProblems(edited.policy, saved.problems, mine, sectionFieldOf),
      });
    }
    return reply.redirect(`/policy/draft?saved=section&id=${encodeURIComponent(read.section.id)}`, 303);
  });

  app.get<{ Params: { sectionId: string } }>(
    '/policy/draft/sections/:sectionId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      const section = partOf(inHand, (p) => p.sections.find((s) => s.id === request.params.sectionId));
      if (!inHand.editable) return notEditable(reply, inHand);
      return sectionForm(reply, inHand.policy, { adding: false, values: sectionValuesOf(section) });
    },
  );

  app.post<{ Params: { sectionId: string } }>(
    '/policy/draft/sections/:sectionId',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const section = partOf(inHand, (p) => p.sections.find((s) => s.id === request.params.sectionId));
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const values = { ...sectionValuesFrom(bodyOf(request.body)), id: section.id };
      const form = { adding: false, values };
      const read = readSectionForm(values);
      if (!read.ok) return sectionForm(reply, inHand.policy, { ...form, errors: read.errors });
      const { id: _id, ...change } = read.section;
      const edited = changeSection(inHand.policy, section.id, change);
      if (!edited.ok) return sectionForm(reply, inHand.policy, { ...form, errors: { heading: edited.message } });
      const saved = await saveDraft(services, viewer, inHand.version, edited.policy);
      if (!saved.ok) {
        const mine = `sections.${inHand.policy.sections.indexOf(section)}`;
        return sectionForm(reply, inHand.policy, {
          ...form,
          ...sortProblems(edited.policy, saved.problems, mine, sectionFieldOf),
        });
      }
      return reply.redirect(`/policy/draft?saved=section&id=${encodeURIComponent(section.id)}`, 303);
    },
  );

  app.post<{ Params: { sectionId: string } }>(
    '/policy/draft/sections/:sectionId/remove',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const inHand = await draftInHand(services, viewer);
      const section = partOf(inHand, (p) => p.sections.find((s) => s.id === request.params.sectionId));
      if (!inHand.editable) return notEditable(reply, inHand, 409);
      const form = { adding: false, values: sectionValuesOf(section) };
      const removed = removeSection(inHand.policy, section.id);
      if (!removed.ok) return sectionForm(reply, inHand.policy, { ...form, errors: { remove: removed.message } });
      const saved = await saveDraft(services, viewer, inHand.version, removed.policy);
      if (!saved.ok)
        return sectionForm(reply, inHand.policy, {
          ...form,
          ...sortProblems(removed.policy, saved.problems, undefined, sectionFieldOf),
        });
      return reply.redirect(`/policy/draft?saved=section-removed&id=${encodeURIComponent(section.id)}`, 303);
    },
  );
};
