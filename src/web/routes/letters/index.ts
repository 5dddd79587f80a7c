// The school's wording of its letters to parents about incidents, for the Headteacher and the
// DSL: the three kinds of letter, and a page for each to change its wording, preview it filled
// with made-up values, save it, or go back to the standard wording.
import type { FastifyReply } from 'fastify';
import {
  paragraphsOf,
  placeholderMeanings,
  placeholdersFor,
  type LetterWording,
} from '../../../domain/incidents/letters.ts';
import { AppError } from '../../../errors.ts';
import type { Viewer } from '../../../services/access.ts';
import type { TemplateSaved } from '../../../services/letters.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { longDay } from '../policy/dates.ts';
import { field, page } from '../../forms.ts';

interface Params {
  Params: { kind: string };
}

export const letterRoutes: RoutePlugin = async (app, { services }) => {
  const manage = { config: { access: 'manage_letter_templates' as const } };

  app.get('/incidents/letters', manage, async (request, reply) => {
    const templates = await services.letters.templates(request.viewer!);
    return page(reply, 'letters/index.njk', {
      pageTitle: 'Letters to parents',
      letters: templates.map((template) => ({
        kind: template.kind,
        name: template.name,
        title: template.title,
        status: template.edited
          ? `Your school’s wording${template.updatedAt ? `, changed on ${longDay(template.updatedAt)}` : ''}`
          : 'The standard wording',
      })),
    });
  });

  async function renderTemplate(
    reply: FastifyReply,
    viewer: Viewer,
    kind: string,
    typed?: LetterWording,
    outcome?: TemplateSaved,
    notice?: 'saved' | 'standard',
  ) {
    const template = await services.letters.template(viewer, kind);
    if (!template) throw new AppError('not_found');
    const values = typed ?? { title: template.title, body: template.body };
    const errors = outcome && !outcome.ok ? outcome.errors : {};
    const failed = Object.keys(errors).length > 0;
    const preview = services.letters.preview(viewer, values);
    return page(
      reply,
      'letters/template.njk',
      {
        pageTitle: `${failed ? 'Error: ' : ''}${template.name}`,
        kind: template.kind,
        name: template.name,
        edited: template.edited,
        notice,
        values,
        errors,
        placeholders: placeholdersFor(template.kind).map((name) => ({
          key: { text: `{{${name}}}`, classes: 'govuk-!-text-break-word' },
          value: { text: placeholderMeanings[name] },
        })),
        preview: { title: preview.title, paragraphs: paragraphsOf(preview.body) },
      },
      failed ? 400 : 200,
    );
  }

  app.get<Params>('/incidents/letters/:kind', manage, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const notice = query.saved === '1' ? 'saved' : query.standard === '1' ? 'standard' : undefined;
    return renderTemplate(reply, request.viewer!, request.params.kind, undefined, undefined, notice);
  });

  app.post<Params>('/incidents/letters/:kind', manage, async (request, reply) => {
    const viewer = request.viewer!;
    const { kind } = request.params;
    const typed = { title: field(request.body, 'title'), body: field(request.body, 'body') };
    if (field(request.body, 'action') === 'preview') {
      // A preview saves nothing, but says at once what would stop the wording being saved.
      if (!(await services.letters.template(viewer, kind))) throw new AppError('not_found');
      return renderTemplate(reply, viewer, kind, typed, services.letters.check(kind, typed));
    }
    const saved = await services.letters.saveTemplate(viewer, kind, typed);
    if (!saved.ok) return renderTemplate(reply, viewer, kind, typed, saved);
    return reply.redirect(`/incidents/letters/${kind}?saved=1`, 303);
  });

  app.post<Params>('/incidents/letters/:kind/standard', manage, async (request, reply) => {
    const { kind } = request.params;
    await services.letters.resetTemplate(request.viewer!, kind);
    return reply.redirect(`/incidents/letters/${kind}?standard=1`, 303);
  });
};
