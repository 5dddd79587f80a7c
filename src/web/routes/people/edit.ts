// Adding someone to the school's community, and changing their details and roles: GOV.UK form
// pages, every error listed at the top and beside its field, and nothing typed ever lost.
import type { FastifyReply } from 'fastify';
import { displayName } from '../../../domain/community/people.ts';
import { AppError } from '../../../errors.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { formRoute, inFieldOrder, page, readForm, type Errors } from '../../forms.ts';
import { uuidParams } from '../../params.ts';
import {
  choices,
  emptyValues,
  fieldOrder,
  personFormSchema,
  readPersonForm,
  valuesOf,
  type PersonFormValues,
} from './person-form.ts';

interface FormPage {
  title: string;
  formAction: string;
  backLink: string;
  buttonText: string;
  values: PersonFormValues;
  errors?: Errors;
  /** Whether to offer the field for the changer's code (step-up), for changes of access. */
  askForCode?: boolean;
}

function renderForm(reply: FastifyReply, form: FormPage) {
  // Listed at the top in the order of the fields, each linking to its field (or first checkbox).
  const errors = inFieldOrder(form.errors ?? {}, fieldOrder);
  const failed = Object.keys(errors).length > 0;
  return page(
    reply,
    'people/person-form.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}${form.title}`,
      title: form.title,
      formAction: form.formAction,
      backLink: form.backLink,
      buttonText: form.buttonText,
      values: form.values,
      askForCode: form.askForCode ?? false,
      choices: choices(form.values),
      errors,
    },
    failed ? 400 : 200,
  );
}

export const editRoutes: RoutePlugin = async (app, { services }) => {
  const addPage = { title: 'Add a person', formAction: '/people/new', backLink: '/people', buttonText: 'Add person' };

  app.get('/people/new', { config: { access: 'manage_people' } }, async (_request, reply) =>
    renderForm(reply, { ...addPage, values: emptyValues }),
  );

  app.post(
    '/people/new',
    { config: { access: 'manage_people' }, ...formRoute(personFormSchema) },
    async (request, reply) => {
      const posted = readForm(personFormSchema, request);
      const { code: _code, ...values } = posted.values;
      if (!posted.ok) return renderForm(reply, { ...addPage, values, errors: posted.errors });
      const form = readPersonForm(values);
      if (!form.ok) return renderForm(reply, { ...addPage, values, errors: form.errors });
      const saved = await services.community.addPerson(request.viewer!, form.person, form.roles);
      if (!saved.ok) return renderForm(reply, { ...addPage, values, errors: saved.errors });
      return reply.redirect(`/people/${saved.person.id}?saved=added`, 303);
    },
  );

  const editPage = (id: string, name: string) => ({
    title: `Change ${name}’s details`,
    formAction: `/people/${id}/edit`,
    backLink: `/people/${id}`,
    buttonText: 'Save changes',
  });

  app.get(
    '/people/:personId/edit',
    { config: { access: 'manage_people' }, schema: { params: uuidParams('personId') } },
    async (request, reply) => {
      const found = await services.community.personFor(request.viewer!, request.params.personId);
      if (!found) throw new AppError('not_found');
      const { person } = found;
      return renderForm(reply, {
        ...editPage(person.id, displayName(person)),
        values: valuesOf(person),
        askForCode: request.viewer!.capabilities.includes('manage_roles'),
      });
    },
  );

  app.post(
    '/people/:personId/edit',
    {
      config: { access: 'manage_people' },
      schema: { params: uuidParams('personId'), body: personFormSchema },
      attachValidation: true,
    },
    async (request, reply) => {
      const viewer = request.viewer!;
      const posted = readForm(personFormSchema, request);
      const found = await services.community.personFor(viewer, request.params.personId);
      if (!found) throw new AppError('not_found');
      const form = {
        ...editPage(found.person.id, displayName(found.person)),
        askForCode: viewer.capabilities.includes('manage_roles'),
      };
      const { code: typedCode, ...values } = posted.values;
      if (!posted.ok) return renderForm(reply, { ...form, values, errors: posted.errors });
      const read = readPersonForm(values);
      if (!read.ok) return renderForm(reply, { ...form, values, errors: read.errors });
      const code = typedCode.trim();
      const saved = await services.community.updatePerson(viewer, found.person.id, read.person, read.roles, code);
      if (!saved) throw new AppError('not_found');
      if (!saved.ok) return renderForm(reply, { ...form, values, errors: saved.errors });
      return reply.redirect(`/people/${found.person.id}?saved=changed`, 303);
    },
  );
};
