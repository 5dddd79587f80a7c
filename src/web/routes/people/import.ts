// The roster upload: choose the kind of file, upload it, see what importing it would do (or every
// error by row and column), confirm, and see the figures. The file waits in the server-side
// session between preview and import. Template files to fill in are offered for download.
import { readFile } from 'node:fs/promises';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { displayName } from '../../../domain/community/people.ts';
import { readRoster, rosterKinds, type RosterKind } from '../../../domain/roster/index.ts';
import { AppError } from '../../../errors.ts';
import type { ImportSummary } from '../../../services/roster.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { page, type Errors } from '../../forms.ts';
import { dropUpload, keepUpload, pendingUpload } from './pending-upload.ts';
import {
  count,
  describeAccessChange,
  longDate,
  pupilName,
  relationshipNames,
  rosterKindNames,
  staffDutyNames,
  yearGroupName,
} from './words.ts';

const maxBytes = 5 * 1024 * 1024;
const maxSizeText = '5 MB';
const sampleSize = 10;
const templatesDirectory = new URL('../../../../docs/roster-templates/', import.meta.url);

interface UploadedFile {
  fileName: string;
  content: Buffer;
  tooLarge: boolean;
}

const isKind = (value: unknown): value is RosterKind => rosterKinds.some((kind) => kind === value);

const kindHints: Record<RosterKind, string> = {
  staff: 'One row for each member of staff, with their duties, such as Headteacher or DSL.',
  pupils: 'One row for each pupil on roll. Pupils missing from a new file are marked as having left.',
  contacts: 'One row for each link between a parent or carer and a child. Import the pupils first.',
};

const notices: Record<string, string> = {
  expired: 'The file you uploaded more than an hour ago has been removed. Upload it again to import it.',
  gone: 'That file is no longer waiting to be imported. Upload it again to import it.',
};

/** A workbook rather than a CSV file, told by its first bytes (a zip file, or the older binary format). */
function isWorkbook(content: Buffer): boolean {
  const start = content.subarray(0, 4).toString('hex');
  return start === '504b0304' || start === 'd0cf11e0';
}

/** What the preview shows of the first rows: the records as Footprint read them. */
function sampleOf(kind: RosterKind, text: string): { head: string[]; rows: string[][] } {
  if (kind === 'staff') {
    const read = readRoster('staff', text);
    return {
      head: ['Row', 'MIS ID', 'Name', 'Work email', 'Job title', 'Duties'],
      rows: (read.ok ? read.rows.slice(0, sampleSize) : []).map((record) => [
        String(record.row),
        record.person.misId,
        displayName(record.person),
        record.person.email ?? '',
        record.jobTitle ?? '',
        record.duties.map((duty) => staffDutyNames[duty]).join(', '),
      ]),
    };
  }
  if (kind === 'pupils') {
    const read = readRoster('pupils', text);
    return {
      head: ['Row', 'MIS ID', 'Name', 'Date of birth', 'Year group', 'Class'],
      rows: (read.ok ? read.rows.slice(0, sampleSize) : []).map(({ row, pupil }) => [
        String(row),
        pupil.misId,
        pupilName(pupil),
        longDate(pupil.dateOfBirth),
        yearGroupName(pupil.yearGroup),
        pupil.className ?? '',
      ]),
    };
  }
  const read = readRoster('contacts', text);
  return {
    head: ['Rows', 'Contact MIS ID', 'Name', 'Email', 'Children (pupil MIS ID)'],
    rows: (read.ok ? read.rows.slice(0, sampleSize) : []).map((record) => [
      record.rows.join(', '),
      record.person.misId,
      displayName(record.person),
      record.person.email ?? '',
      record.links
        .map(
          (link) =>
            `${link.pupilMisId}: ${relationshipNames[link.relationship]}, ` +
            `${link.parentalResponsibility ? 'with' : 'without'} parental responsibility`,
        )
        .join('; '),
    ]),
  };
}

/** The figures of an import, in words, as it will be or as it was. */
function figures(kind: RosterKind, summary: ImportSummary) {
  const names = rosterKindNames[kind];
  return [
    { key: 'Added', value: count(summary.added, `new ${names.one}`, `new ${names.many}`), qa: 'added' },
    { key: 'Updated', value: count(summary.updated, names.one, names.many), qa: 'updated' },
    ...(kind === 'pupils'
      ? [{ key: 'Marked as having left', value: count(summary.markedLeft, 'pupil', 'pupils'), qa: 'marked-left' }]
      : []),
    ...(kind === 'contacts'
      ? [{ key: 'Links to pupils', value: count(summary.links, 'link', 'links'), qa: 'links' }]
      : []),
  ];
}

export const importRoutes: RoutePlugin = async (app, { services }) => {
  // Only the upload's routes, registered here, read multipart forms; each field lands in the body
  // (the CSRF token included), and the file as what onFile makes of it.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 10 * 1024 },
    async onFile(part: MultipartFile) {
      const content = await part.toBuffer();
      const tooLarge = part.file.truncated;
      part.value = { fileName: part.filename, content: tooLarge ? Buffer.alloc(0) : content, tooLarge };
    },
  });

  const today = () => services.clock.now().toISOString().slice(0, 10);

  const uploadPage = (
    reply: Parameters<typeof page>[0],
    model: { kind?: string; errors?: Errors; notice?: string | undefined },
    status = 200,
  ) => {
    const failed = Object.keys(model.errors ?? {}).length > 0;
    return page(
      reply,
      'people/import.njk',
      {
        pageTitle: `${failed ? 'Error: ' : ''}Import people from your MIS`,
        kinds: rosterKinds.map((kind) => ({
          value: kind,
          text: rosterKindNames[kind].title,
          hint: { text: kindHints[kind] },
          checked: kind === model.kind,
          attributes: { 'data-qa': `kind-${kind}` },
        })),
        templates: rosterKinds.map((kind) => ({
          href: `/people/import/templates/${kind}.csv`,
          text: `${rosterKindNames[kind].title} template (CSV)`,
          qa: `template-${kind}`,
        })),
        maxSizeText,
        notice: model.notice,
        errors: model.errors ?? {},
      },
      status,
    );
  };

  app.get<{ Querystring: { kind?: string; notice?: string } }>(
    '/people/import',
    { config: { access: 'manage_people' } },
    async (request, reply) =>
      uploadPage(reply, {
        ...(isKind(request.query.kind) && { kind: request.query.kind }),
        notice: notices[request.query.notice ?? ''],
      }),
  );

  app.post(
    '/people/import',
    {
      config: { access: 'manage_people' },
      // Before a file of up to 5 MB is read, a cheap look at the session: nobody signed in is
      // turned away at once. Who may import is checked, as for every page, once it is read.
      onRequest: async (request: FastifyRequest) => {
        if (request.session.stage !== 'signed_in') throw new AppError('sign_in_required');
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const kind = isKind(body.kind) ? body.kind : undefined;
      const file = body.file as UploadedFile | undefined;
      const errors: Errors = {};
      if (!kind) errors.kind = 'Choose which kind of file you are uploading';
      if (!file || typeof file !== 'object' || (!file.tooLarge && file.content.length === 0)) {
        errors.file = 'Choose a CSV file to upload';
      } else if (file.tooLarge) {
        errors.file = `The file must be smaller than ${maxSizeText}: check that it is the CSV export of one list`;
      } else if (isWorkbook(file.content)) {
        errors.file =
          'The file is an Excel workbook: open it in Excel, choose File, Save As, then CSV UTF-8 (Comma delimited), ' +
          'and upload the CSV file';
      }
      if (!kind || !file || Object.keys(errors).length > 0) {
        return uploadPage(reply, { ...(kind && { kind }), errors }, 400);
      }
      // Bad bytes become U+FFFD, which the checks report as "save the file as CSV UTF-8".
      const text = new TextDecoder('utf-8').decode(file.content);
      const fileName = file.fileName.split(/[\\/]/).pop()?.slice(0, 120) ?? '';
      keepUpload(request, { kind, fileName, text }, services.clock.now());
      return reply.redirect('/people/import/check', 303);
    },
  );

  app.get('/people/import/check', { config: { access: 'manage_people' } }, async (request, reply) => {
    const lookup = pendingUpload(request, services.clock.now());
    if (!lookup.found) return reply.redirect(`/people/import${lookup.expired ? '?notice=expired' : ''}`, 303);
    const { id, kind, fileName, text } = lookup.found;
    const result = await services.community.rehearseImport(request.viewer!, kind, text, today());
    const names = rosterKindNames[kind];
    const refused = request.session.rosterRefusal;
    request.session.rosterRefusal = undefined;
    return page(reply, 'people/import-check.njk', {
      pageTitle: result.ok
        ? `Check the ${names.title.toLowerCase()} file before importing`
        : 'The file needs correcting',
      uploadId: id,
      kind,
      kindTitle: names.title,
      fileName,
      ok: result.ok,
      warnings: result.warnings,
      ...(result.ok
        ? {
            figures: figures(kind, result.summary),
            markedLeft: result.summary.markedLeft,
            sample: sampleOf(kind, text),
            buttonText: `Import ${names.many}`,
            accessChanges: result.access.changes.map((change) => ({
              name: change.name,
              text: describeAccessChange(change),
            })),
            ...(result.access.refusal
              ? { blocked: result.access.refusal }
              : refused
                ? { errors: { code: refused } }
                : {}),
          }
        : {
            problems: result.errors.map((error) => ({
              row: error.row,
              column: error.field || 'The whole row',
              message: error.message,
            })),
            problemCount: count(result.errors.length, 'problem', 'problems'),
            kinds: rosterKinds.map((choice) => ({
              value: choice,
              text: rosterKindNames[choice].title,
              checked: choice === kind,
              attributes: { 'data-qa': `kind-${choice}` },
            })),
            maxSizeText,
          }),
    });
  });

  app.post('/people/import/confirm', { config: { access: 'manage_people' } }, async (request, reply) => {
    const lookup = pendingUpload(request, services.clock.now());
    const wanted = (request.body as Record<string, unknown> | undefined)?.upload;
    if (!lookup.found || lookup.found.id !== wanted) {
      return reply.redirect(`/people/import?notice=${lookup.found || !lookup.expired ? 'gone' : 'expired'}`, 303);
    }
    const { kind, fileName, text } = lookup.found;
    const code = (request.body as Record<string, unknown>).code;
    const result = await services.community.importRoster(
      request.viewer!,
      kind,
      text,
      today(),
      typeof code === 'string' ? code : '',
    );
    // A code to enter again, or something changed since the preview (another import, say): the
    // preview shows what now stands in the way, with the file still waiting to be imported.
    if (!result.ok) {
      if ('refused' in result) request.session.rosterRefusal = result.refused;
      return reply.redirect('/people/import/check', 303);
    }
    dropUpload(request);
    request.session.rosterImported = { kind, fileName, summary: result.summary, warnings: result.warnings };
    return reply.redirect('/people/import/result', 303);
  });

  app.get('/people/import/result', { config: { access: 'manage_people' } }, async (request, reply) => {
    const report = request.session.rosterImported;
    if (!report) return reply.redirect('/people/import', 303);
    const names = rosterKindNames[report.kind];
    return page(reply, 'people/import-result.njk', {
      pageTitle: `${names.title} imported`,
      fileName: report.fileName,
      figures: figures(report.kind, report.summary),
      warnings: report.warnings,
      listLink:
        report.kind === 'pupils'
          ? '/people?role=pupil'
          : report.kind === 'staff'
            ? '/people?role=staff'
            : '/people?role=parent',
      listText: `See the ${names.many}`,
    });
  });

  for (const kind of rosterKinds) {
    app.get(`/people/import/templates/${kind}.csv`, { config: { access: 'manage_people' } }, async (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="footprint-${kind}-template.csv"`)
        .send(await readFile(new URL(`${kind}.csv`, templatesDirectory))),
    );
  }
};
