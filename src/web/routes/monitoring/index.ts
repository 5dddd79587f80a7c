// What is said about the school: the triage inbox and each mention, manual capture, the sources
// watched with their health, the watch settings, and how well the labels match reviewers' views.
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { labels as allLabels } from '../../../domain/monitoring/index.ts';
import { labelNames, mentionStatusNames } from '../../../domain/monitoring/inbox.ts';
import { sourceStatus } from '../../../domain/monitoring/source-health.ts';
import { AppError } from '../../../errors.ts';
import type { Viewer } from '../../../services/access.ts';
import { describeSource, sourceKindNames, sourceKinds, type SourceFormValues } from '../../../services/monitoring.ts';
import type { StoredMention } from '../../../services/ports.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { longDay } from '../policy/dates.ts';
import { field, page, type Errors } from '../../forms.ts';

interface MentionParams {
  Params: { mentionId: string };
}

const monitor = { config: { access: 'monitor_mentions' as const } };
const manage = { config: { access: 'manage_monitoring' as const } };
const capture = { config: { access: 'capture_mention' as const } };
const maxScreenshot = 10 * 1024 * 1024 + 1;

const when = (at: Date) =>
  `${longDay(at)} ${at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}`;

function card(mention: StoredMention) {
  const labels = mention.correctedLabels ?? mention.labels;
  return {
    id: mention.id,
    href: `/monitoring/mentions/${mention.id}`,
    text: mention.text.length > 280 ? `${mention.text.slice(0, 277)}…` : mention.text,
    source: mention.sourceKind === 'manual' ? 'Captured by hand' : mention.sourceKind,
    author: mention.author,
    found: when(mention.foundAt),
    status: mentionStatusNames[mention.status],
    labels: labels.map((label) => ({ name: labelNames[label], words: mention.evidence[label] ?? [] })),
    serious: mention.severity >= 70,
  };
}

export const monitoringRoutes: RoutePlugin = async (app, { services }) => {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxScreenshot, files: 1, fields: 10, parts: 12, fieldSize: 64 * 1024 },
    async onFile(part: MultipartFile) {
      const content = await part.toBuffer();
      part.value = { fileName: part.filename, mimetype: part.mimetype, content, tooLarge: part.file.truncated };
    },
  });

  app.get<{ Querystring: { show?: string; checked?: string } }>('/monitoring', monitor, async (request, reply) => {
    const show = request.query.show === 'done' ? 'done' : 'new';
    const checked = /^\d{1,5}$/.test(request.query.checked ?? '') ? Number(request.query.checked) : undefined;
    const mentions = await services.monitoring.inbox(request.viewer!, show);
    return page(reply, 'monitoring/inbox.njk', {
      pageTitle: 'What is said about the school',
      show,
      mentions: mentions.map(card),
      canManage: request.viewer!.capabilities.includes('manage_monitoring'),
      checked,
    });
  });

  async function renderMention(
    reply: FastifyReply,
    viewer: Viewer,
    id: string,
    form: { errors?: Errors; kept?: Record<string, string> } = {},
  ) {
    const { mention, suggestion } = await services.monitoring.mention(viewer, id);
    const shown = mention.correctedLabels ?? mention.labels;
    const errors = form.errors ?? {};
    return page(
      reply,
      'monitoring/mention.njk',
      {
        pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}A mention of the school`,
        base: `/monitoring/mentions/${mention.id}`,
        mention: {
          ...card(mention),
          text: mention.text,
          url: mention.url,
          published: mention.publishedAt && when(mention.publishedAt),
          response: mention.response,
          incidentHref: mention.incidentId && `/incidents/${mention.incidentId}`,
          screenshot: mention.screenshot && `/monitoring/mentions/${mention.id}/screenshot`,
          corrected: mention.correctedLabels !== undefined,
        },
        labelItems: allLabels.map((label) => ({
          value: label,
          text: labelNames[label],
          checked: shown.includes(label),
        })),
        reply: form.kept?.reply ?? suggestion ?? '',
        suggested: suggestion !== undefined && form.kept?.reply === undefined,
        errors,
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  app.get<MentionParams>('/monitoring/mentions/:mentionId', monitor, async (request, reply) =>
    renderMention(reply, request.viewer!, request.params.mentionId),
  );

  app.post<MentionParams>('/monitoring/mentions/:mentionId/review', monitor, async (request, reply) => {
    await services.monitoring.markReviewed(request.viewer!, request.params.mentionId);
    return reply.redirect('/monitoring', 303);
  });

  app.post<MentionParams>('/monitoring/mentions/:mentionId/respond', monitor, async (request, reply) => {
    const text = field(request.body, 'reply');
    const result = await services.monitoring.respond(request.viewer!, request.params.mentionId, text);
    if (!result.ok)
      return renderMention(reply, request.viewer!, request.params.mentionId, {
        errors: { reply: result.error },
        kept: { reply: text },
      });
    return reply.redirect(`/monitoring/mentions/${request.params.mentionId}`, 303);
  });

  app.post<MentionParams>('/monitoring/mentions/:mentionId/correct', monitor, async (request, reply) => {
    const raw = (request.body as Record<string, unknown> | undefined)?.labels;
    const given = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    await services.monitoring.correct(request.viewer!, request.params.mentionId, given);
    return reply.redirect(`/monitoring/mentions/${request.params.mentionId}`, 303);
  });

  app.post<MentionParams>('/monitoring/mentions/:mentionId/escalate', monitor, async (request, reply) => {
    const made = await services.monitoring.escalate(request.viewer!, request.params.mentionId);
    return reply.redirect(`/incidents/${made.caseId}`, 303);
  });

  app.get<MentionParams>('/monitoring/mentions/:mentionId/screenshot', monitor, async (request, reply) => {
    const file = await services.monitoring.screenshot(request.viewer!, request.params.mentionId);
    return reply
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .type(file.mediaType)
      .send(Buffer.from(file.bytes));
  });

  const captureForm = (reply: FastifyReply, values: Record<string, string>, errors: Errors = {}) =>
    page(
      reply,
      'monitoring/capture.njk',
      { pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}Capture a post`, values, errors },
      Object.keys(errors).length > 0 ? 400 : 200,
    );

  app.get('/monitoring/capture', capture, async (_request, reply) => captureForm(reply, {}));

  app.post(
    '/monitoring/capture',
    {
      ...capture,
      onRequest: async (request: FastifyRequest) => {
        if (request.session.stage !== 'signed_in') throw new AppError('sign_in_required');
      },
    },
    async (request, reply) => {
      const values = {
        text: field(request.body, 'text'),
        url: field(request.body, 'url'),
        where: field(request.body, 'where'),
      };
      const file = (request.body as Record<string, unknown> | undefined)?.screenshot as
        { fileName: string; mimetype: string; content: Buffer; tooLarge: boolean } | undefined;
      if (file && typeof file === 'object' && file.tooLarge)
        return captureForm(reply, values, { screenshot: 'The screenshot is larger than 10 MB: attach a smaller one' });
      const upload =
        file && typeof file === 'object' && file.content.length > 0
          ? { fileName: file.fileName, declaredType: file.mimetype, bytes: new Uint8Array(file.content) }
          : undefined;
      const result = await services.monitoring.capture(request.viewer!, values, upload);
      if (!result.ok) return captureForm(reply, values, result.errors);
      const viewer = request.viewer!;
      return reply.redirect(
        viewer.capabilities.includes('monitor_mentions')
          ? `/monitoring/mentions/${result.mentionId}`
          : '/monitoring/capture/sent',
        303,
      );
    },
  );

  app.get('/monitoring/capture/sent', capture, async (_request, reply) =>
    page(reply, 'monitoring/captured.njk', { pageTitle: 'Post captured' }),
  );

  async function renderSources(
    reply: FastifyReply,
    viewer: Viewer,
    values: SourceFormValues = {},
    errors: Errors = {},
  ) {
    const sources = await services.monitoring.sources(viewer);
    return page(
      reply,
      'monitoring/sources.njk',
      {
        pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}Sources watched`,
        sources: sources.map((source) => {
          const status = sourceStatus(source.health);
          return {
            id: source.id,
            name: describeSource(source.source),
            status: status.label,
            working: status.state === 'working',
            reason: status.state === 'failing' ? status.reason : undefined,
            lastSuccess: source.health.lastSuccessAt && when(source.health.lastSuccessAt),
          };
        }),
        kinds: sourceKinds.map((kind) => ({ value: kind, text: sourceKindNames[kind], checked: values.kind === kind })),
        values,
        errors,
        canManage: viewer.capabilities.includes('manage_monitoring'),
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  app.get('/monitoring/sources', monitor, async (request, reply) => renderSources(reply, request.viewer!));

  app.post('/monitoring/sources', manage, async (request, reply) => {
    const values: SourceFormValues = {};
    for (const name of ['kind', 'url', 'instance', 'tag', 'account', 'query'] as const)
      values[name] = field(request.body, name);
    const result = await services.monitoring.addSource(request.viewer!, values);
    if (!result.ok) return renderSources(reply, request.viewer!, values, result.errors);
    return reply.redirect('/monitoring/sources', 303);
  });

  app.post('/monitoring/sources/check', manage, async (request, reply) => {
    const result = await services.monitoring.checkNow(request.viewer!);
    return reply.redirect(`/monitoring?checked=${result.kept}`, 303);
  });

  app.post<{ Params: { sourceId: string } }>('/monitoring/sources/:sourceId/remove', manage, async (request, reply) => {
    await services.monitoring.removeSource(request.viewer!, request.params.sourceId);
    return reply.redirect('/monitoring/sources', 303);
  });

  async function renderSettings(
    reply: FastifyReply,
    viewer: Viewer,
    kept?: Record<string, string>,
    errors: Errors = {},
  ) {
    const { settings, staff } = await services.monitoring.settings(viewer);
    return page(
      reply,
      'monitoring/settings.njk',
      {
        pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}What to watch for`,
        values: kept ?? {
          names: settings.names.join('\n'),
          handles: settings.handles.join('\n'),
          retentionMonths: String(settings.retentionMonths),
        },
        staff,
        errors,
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  app.get('/monitoring/settings', manage, async (request, reply) => renderSettings(reply, request.viewer!));

  app.post('/monitoring/settings', manage, async (request, reply) => {
    const kept = {
      names: field(request.body, 'names'),
      handles: field(request.body, 'handles'),
      retentionMonths: field(request.body, 'retentionMonths'),
    };
    const result = await services.monitoring.saveSettings(request.viewer!, kept);
    if (!result.ok) return renderSettings(reply, request.viewer!, kept, result.errors);
    return reply.redirect('/monitoring/settings', 303);
  });

  app.post<{ Params: { personId: string } }>('/monitoring/settings/staff/:personId', manage, async (request, reply) => {
    await services.monitoring.setWatched(
      request.viewer!,
      request.params.personId,
      field(request.body, 'watched') === 'yes',
    );
    return reply.redirect('/monitoring/settings#staff', 303);
  });

  app.get('/monitoring/quality', monitor, async (request, reply) => {
    const { scores, corrections } = await services.monitoring.quality(request.viewer!);
    const percent = (value: number | undefined) =>
      value === undefined ? 'Not yet known' : `${Math.round(value * 100)}%`;
    return page(reply, 'monitoring/quality.njk', {
      pageTitle: 'How well mentions are labelled',
      corrections,
      rows: scores.map((score) => ({
        label: labelNames[score.label],
        precision: percent(score.precision),
        recall: percent(score.recall),
        counts: `${score.truePositives} right, ${score.falsePositives} wrongly given, ${score.falseNegatives} missed`,
      })),
    });
  });
};
