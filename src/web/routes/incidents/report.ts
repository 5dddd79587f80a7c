// Reporting a concern: staff signed in at /report, and anyone at /s/{school}/report. The form is
// the same; the public one asks who is reporting, is rate-limited, and shows back nothing but a
// reference. Evidence comes as files in a multipart form, checked by the evidence store.
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  aboutRoleNames,
  aboutRoles,
  concernKindNames,
  concernKinds,
  reporterRoleNames,
  reporterRoles,
} from '../../../domain/incidents/report.ts';
import { referenceShape } from '../../../domain/incidents/case.ts';
import { maxWhat, type ReportFormValues } from '../../../domain/incidents/report-form.ts';
import { AppError } from '../../../errors.ts';
import type { Choice, Reported } from '../../../services/incidents.ts';
import { maxEvidenceFiles } from '../../../services/incidents.ts';
import type { EvidenceUpload } from '../../../services/ports.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { page, type Errors } from '../../forms.ts';

/** A little over the evidence store's own limit, so that it, not the parser, says what is wrong. */
const maxFileBytes = 10 * 1024 * 1024 + 1;
const textFields = [
  'kind',
  'what',
  'happenedOn',
  'platform',
  'links',
  'aboutRole',
  'aboutPersonId',
  'aboutName',
  'childInvolved',
  'childPupilId',
  'childName',
  'reporterRole',
  'reporterName',
  'reporterContact',
] as const;
const fieldOrder = [...textFields, 'evidence'];

interface UploadedFile {
  fileName: string;
  mimetype: string;
  content: Buffer;
  tooLarge: boolean;
}

const platforms = [
  'Facebook',
  'Instagram',
  'X (Twitter)',
  'TikTok',
  'WhatsApp',
  'Snapchat',
  'YouTube',
  'A website or forum',
];

function valuesFrom(body: unknown): ReportFormValues {
  const source = (body ?? {}) as Record<string, unknown>;
  const values: ReportFormValues = {};
  for (const name of textFields) {
    const value = source[name];
    values[name] = typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';
  }
  return values;
}

function filesFrom(body: unknown): { uploads: EvidenceUpload[]; problem?: string } {
  const raw = ((body ?? {}) as Record<string, unknown>).evidence;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as (UploadedFile | string)[];
  const files = list.filter((item): item is UploadedFile => typeof item === 'object' && item.fileName !== '');
  const tooLarge = files.find((file) => file.tooLarge);
  if (tooLarge)
    return { uploads: [], problem: `${tooLarge.fileName} is larger than 10 MB: attach a smaller screenshot or PDF` };
  if (files.length > maxEvidenceFiles) return { uploads: [], problem: `Attach at most ${maxEvidenceFiles} files` };
  return {
    uploads: files
      .filter((file) => file.content.length > 0)
      .map((file) => ({ fileName: file.fileName, declaredType: file.mimetype, bytes: new Uint8Array(file.content) })),
  };
}

const radios = <T extends string>(
  list: readonly T[],
  names: Readonly<Record<T, string>>,
  chosen: string | string[] | undefined,
) => list.map((value) => ({ value, text: names[value], checked: chosen === value }));

function selectItems(list: readonly Choice[], chosen: string | string[] | undefined, prompt: string) {
  return [
    { value: '', text: prompt, selected: !chosen },
    ...list.map((choice) => ({ value: choice.id, text: choice.name, selected: choice.id === chosen })),
  ];
}

export const reportRoutes: RoutePlugin = async (app, { services }) => {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxFileBytes, files: maxEvidenceFiles + 1, fields: 30, parts: 40, fieldSize: 64 * 1024 },
    async onFile(part: MultipartFile) {
      const content = await part.toBuffer();
      const tooLarge = part.file.truncated;
      part.value = {
        fileName: part.filename,
        mimetype: part.mimetype,
        content: tooLarge ? Buffer.alloc(0) : content,
        tooLarge,
      } satisfies UploadedFile;
    },
  });

  async function form(
    reply: FastifyReply,
    model: {
      action: string;
      schoolName: string;
      values: ReportFormValues;
      errors?: Errors;
      choices?: { people: Choice[]; pupils: Choice[] };
      publicForm: boolean;
      policyHref?: string;
    },
  ) {
    const found = model.errors ?? {};
    const errors = Object.fromEntries(fieldOrder.flatMap((name) => (found[name] ? [[name, found[name]]] : [])));
    const failed = Object.keys(errors).length > 0;
    const { values } = model;
    return page(
      reply,
      'incidents/report.njk',
      {
        pageTitle: `${failed ? 'Error: ' : ''}Report a concern`,
        action: model.action,
        schoolName: model.schoolName,
        publicForm: model.publicForm,
        policyHref: model.policyHref,
        values,
        errors,
        maxWhat,
        maxFiles: maxEvidenceFiles,
        kinds: radios(concernKinds, concernKindNames, values.kind),
        aboutRoles: radios(aboutRoles, aboutRoleNames, values.aboutRole),
        reporterRoles: radios(reporterRoles, reporterRoleNames, values.reporterRole),
        childInvolved: [
          { value: 'yes', text: 'Yes', checked: values.childInvolved === 'yes' },
          { value: 'no', text: 'No', checked: values.childInvolved === 'no' },
          { value: 'not_sure', text: 'I am not sure', checked: values.childInvolved === 'not_sure' },
        ],
        platforms: platforms.map((name) => ({ value: name, text: name })),
        people:
          model.choices &&
          selectItems(model.choices.people, values.aboutPersonId, 'Choose someone, if they are listed'),
        pupils:
          model.choices && selectItems(model.choices.pupils, values.childPupilId, 'Choose a pupil, if you know who'),
      },
      failed ? 400 : 200,
    );
  }

  function errorsOf(result: Reported & { ok: false }): Errors {
    const errors: Errors = { ...(result.errors as Errors) };
    if (result.evidenceProblems.length > 0) {
      errors.evidence = `${result.evidenceProblems.join('. ')}. Nothing was sent: choose the files again.`;
    }
    return errors;
  }

  // Staff, governors and volunteers, signed in.
  app.get('/report', { config: { access: 'report_concern' } }, async (request, reply) => {
    const viewer = request.viewer!;
    return form(reply, {
      action: '/report',
      schoolName: viewer.school.name,
      values: {},
      choices: await services.incidents.choices(viewer),
      publicForm: false,
    });
  });

  app.post(
    '/report',
    {
      config: { access: 'report_concern' },
      onRequest: async (request: FastifyRequest) => {
        if (request.session.stage !== 'signed_in') throw new AppError('sign_in_required');
      },
    },
    async (request, reply) => {
      const viewer = request.viewer!;
      const values = valuesFrom(request.body);
      const files = filesFrom(request.body);
      const result: Reported = files.problem
        ? { ok: false, errors: {}, evidenceProblems: [files.problem] }
        : await services.incidents.reportAsStaff(viewer, values, files.uploads);
      if (!result.ok)
        return form(reply, {
          action: '/report',
          schoolName: viewer.school.name,
          values,
          errors: errorsOf(result),
          choices: await services.incidents.choices(viewer),
          publicForm: false,
        });
      return reply.redirect(`/report/sent?reference=${result.reference}`, 303);
    },
  );

  app.get<{ Querystring: { reference?: string } }>(
    '/report/sent',
    { config: { access: 'report_concern' } },
    async (request, reply) => {
      const reference = request.query.reference ?? '';
      if (!referenceShape.test(reference)) throw new AppError('not_found');
      return page(reply, 'incidents/reported.njk', {
        pageTitle: 'Concern reported',
        reference,
        schoolName: request.viewer!.school.name,
        publicForm: false,
      });
    },
  );

  // Anyone: parents, pupils, visitors, the public. No sign-in; a few reports an hour from one place.
  const publicReport = {
    access: 'anyone' as const,
    rateLimit: { max: 10, timeWindow: '1 hour' },
  };

  app.get<{ Params: { school: string } }>(
    '/s/:school/report',
    { config: { access: 'anyone' } },
    async (request, reply) => {
      const school = await services.community.schoolBySlug(request.params.school);
      if (!school) throw new AppError('not_found');
      return form(reply, {
        action: `/s/${school.slug}/report`,
        schoolName: school.name,
        values: {},
        publicForm: true,
        policyHref: `/s/${school.slug}/policy`,
      });
    },
  );

  app.post<{ Params: { school: string } }>('/s/:school/report', { config: publicReport }, async (request, reply) => {
    const school = await services.community.schoolBySlug(request.params.school);
    if (!school) throw new AppError('not_found');
    const values = valuesFrom(request.body);
    const files = filesFrom(request.body);
    const result: Reported | undefined = files.problem
      ? { ok: false, errors: {}, evidenceProblems: [files.problem] }
      : await services.incidents.reportInPublic(school.slug, values, files.uploads);
    if (!result) throw new AppError('not_found');
    if (!result.ok)
      return form(reply, {
        action: `/s/${school.slug}/report`,
        schoolName: school.name,
        values,
        errors: errorsOf(result),
        publicForm: true,
        policyHref: `/s/${school.slug}/policy`,
      });
    return reply.redirect(`/s/${school.slug}/report/sent?reference=${result.reference}`, 303);
  });

  app.get<{ Params: { school: string }; Querystring: { reference?: string } }>(
    '/s/:school/report/sent',
    { config: { access: 'anyone' } },
    async (request, reply) => {
      const school = await services.community.schoolBySlug(request.params.school);
      const reference = request.query.reference ?? '';
      if (!school || !referenceShape.test(reference)) throw new AppError('not_found');
      return page(reply, 'incidents/reported.njk', {
        pageTitle: 'Concern reported',
        reference,
        schoolName: school.name,
        publicForm: true,
        policyHref: `/s/${school.slug}/policy`,
      });
    },
  );
};
