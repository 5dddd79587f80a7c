// The draft as a policy file: downloaded to edit elsewhere, and imported back in place of the
// draft once the whole file is correct. A file with mistakes saves nothing and lists each with
// its line.
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parsePolicy } from '../../../domain/policy/parse.ts';
import { plainMessage } from '../../../domain/policy-editing/form-values.ts';
import { draftToYaml } from '../../../domain/policy-editing/yaml.ts';
import { AppError } from '../../../errors.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable } from './draft.ts';

const maxBytes = 1024 * 1024;

interface UploadedFile {
  fileName: string;
  content: Buffer;
  tooLarge: boolean;
}

interface LineProblem {
  line?: number;
  where: string;
  message: string;
}

function importPage(
  reply: FastifyReply,
  model: { yaml?: string; fileName?: string; errors?: Record<string, string>; problems?: LineProblem[] } = {},
) {
  const problems = model.problems ?? [];
  return draftPage(
    reply,
    'policy-draft/import.njk',
    {
      pageTitle: problems.length > 0 ? 'The policy file needs correcting' : 'Import the draft from a policy file',
      fieldOrder: ['file', 'yaml'],
      values: { yaml: model.yaml ?? '' },
      fileName: model.fileName,
      problems,
      problemCount: `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`,
      errors: {
        ...model.errors,
        ...(problems.length > 0 && {
          [model.fileName ? 'file' : 'yaml']:
            `The file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} to correct: nothing has been saved`,
        }),
      },
    },
    model.errors || problems.length > 0 ? 400 : 200,
  );
}

export const yamlRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/policy/draft.yaml', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const inHand = await draftInHand(services, request.viewer!);
    if (!inHand.editable) return notEditable(reply, inHand);
    const name = `${request.viewer!.school.slug}-policy-${inHand.version.label}-draft.yaml`;
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '-')}"`)
      .type('application/yaml; charset=utf-8')
      .send(draftToYaml(inHand.policy));
  });

  app.get('/policy/draft/import', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const inHand = await draftInHand(services, request.viewer!);
    if (!inHand.editable) return notEditable(reply, inHand);
    return importPage(reply);
  });

  // The import form sends a file, or text pasted into the box; either may be larger than a
  // urlencoded form is allowed to be, so the form is multipart and read only here.
  await app.register(async (upload) => {
    await upload.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: maxBytes, files: 1, fields: 3, parts: 4, fieldSize: maxBytes },
      async onFile(part: MultipartFile) {
        const content = await part.toBuffer();
        const tooLarge = part.file.truncated;
        part.value = { fileName: part.filename, content: tooLarge ? Buffer.alloc(0) : content, tooLarge };
      },
    });

    upload.post(
      '/policy/draft/import',
      {
        config: { access: 'edit_policy' },
        // Nobody signed in is turned away before a file is read.
        onRequest: async (request: FastifyRequest) => {
          if (request.session.stage !== 'signed_in') throw new AppError('sign_in_required');
        },
      },
      async (request, reply) => {
        const viewer = request.viewer!;
        const inHand = await draftInHand(services, viewer);
        if (!inHand.editable) return notEditable(reply, inHand, 409);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const file = body.file as UploadedFile | undefined;
        const typed = typeof body.yaml === 'string' ? body.yaml.replace(/\r\n?/g, '\n') : '';
        const hasFile = typeof file === 'object' && file !== null && (file.tooLarge || file.content.length > 0);
        if (hasFile && file.tooLarge)
          return importPage(reply, { yaml: typed, errors: { file: 'The file must be smaller than 1 MB' } });
        if (!hasFile && typed.trim() === '') {
          return importPage(reply, {
            errors: { file: 'Choose a policy file to upload, or paste the policy into the box' },
          });
        }
        const fileName = hasFile ? (file.fileName.split(/[\\/]/).pop() ?? '').slice(0, 120) : undefined;
        const text = hasFile ? new TextDecoder('utf-8').decode(file.content) : typed;
        const parsed = parsePolicy(text);
        if (!parsed.ok) {
          const problems = parsed.problems.map((p) => ({
            line: p.line,
            where: p.path,
            message: plainMessage(p.message),
          }));
          return importPage(reply, { yaml: typed, ...(fileName !== undefined && { fileName }), problems });
        }
        // The file replaces the text; where the version stands (its status, number, dates and
        // history) is the school's record, which a file cannot change.
        const { status, version, dates, history } = inHand.policy;
        const document = { ...parsed.policy, status, version, dates, history };
        const saved = await services.schoolPolicy.saveDraft(viewer, inHand.version.id, document);
        if (!saved.ok) {
          const problems = saved.problems.map((p) => ({ where: p.path, message: plainMessage(p.message) }));
          return importPage(reply, { yaml: typed, ...(fileName !== undefined && { fileName }), problems });
        }
        return reply.redirect('/policy/draft?saved=imported', 303);
      },
    );
  });
};
