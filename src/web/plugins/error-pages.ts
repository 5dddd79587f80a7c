// What people see when something goes wrong: GOV.UK-style pages for the website, RFC 9457
// problem documents under /api/. Neither ever shows a stack trace or an internal message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError, type ErrorCode, isAppError } from '../../errors.ts';
import { pathOf, sendProblem } from '../problem.ts';
import { fieldProblemsOf } from '../validation.ts';

const byStatus: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Any error, as one of ours: our own pass through; framework errors keep their status, never their message. */
export function asAppError(error: FastifyError): AppError {
  if (isAppError(error)) return error;
  // Not every error reaching here is a FastifyError: a route may throw a plain Error.
  const code = typeof error.code === 'string' ? error.code : '';
  if (code.startsWith('FST_CSRF_')) return new AppError('csrf_token_invalid');
  if (Array.isArray(error.validation)) {
    return new AppError('validation_failed', undefined, fieldProblemsOf(error.validation));
  }
  // Fastify marks a body it could not parse as JSON with 400; any other SyntaxError is our bug.
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && error.statusCode === 400)) {
    return new AppError('bad_request', 'The body is not valid JSON.');
  }
  const known = typeof error.statusCode === 'number' ? byStatus[error.statusCode] : undefined;
  return new AppError(known ?? 'internal_error', undefined, [], { cause: error });
}

function isApi(request: FastifyRequest): boolean {
  const path = pathOf(request);
  return path === '/api' || path.startsWith('/api/');
}

const templates: Partial<Record<ErrorCode, string>> = {
  not_found: 'errors/not-found.njk',
  internal_error: 'errors/server-error.njk',
  database_unavailable: 'errors/server-error.njk',
};

async function sendPage(reply: FastifyReply, error: AppError) {
  reply.code(error.status).header('cache-control', 'no-store');
  try {
    const html = await reply.viewAsync(templates[error.code] ?? 'errors/problem.njk', {
      pageTitle: error.title,
      error: { title: error.title, message: error.message, fields: error.fields },
    });
    return reply.type('text/html; charset=utf-8').send(html);
  } catch (renderError) {
    reply.log.error({ err: renderError }, 'The error page could not be rendered');
    return reply.type('text/plain; charset=utf-8').send(`${error.title}. ${error.message}`);
  }
}

export const errorPages = fp<{ config: Config }>(
  async (app, { config }) => {
    const respond = (request: FastifyRequest, reply: FastifyReply, error: AppError) =>
      isApi(request) ? sendProblem(request, reply, error, config.baseUrl) : sendPage(reply, error);

    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      // A page's address that its route's schema refuses (an id of the wrong shape) names no page.
      const appError =
        error.validationContext === 'params' && !isApi(request) ? new AppError('not_found') : asAppError(error);
      if (appError.status >= 500) request.log.error({ err: error }, 'Request failed');
      else request.log.info({ code: appError.code }, 'Request refused');
      return respond(request, reply, appError);
    });

    app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (request, reply) =>
      respond(request, reply, new AppError('not_found')),
    );
  },
  { name: 'error-pages', dependencies: ['views', 'rate-limits'] },
);
