// The JSON API, under /api/v1, in its own context: its own security headers, and every error,
// unknown address included, answered as an RFC 9457 problem document. Each area is one module.
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { AppError } from '../../../errors.ts';
import { asAppError } from '../../plugins/error-pages.ts';
import { sendProblem } from '../../problem.ts';
import type { RouteContext, RoutePlugin } from '../../route-plugin.ts';
import { apiSecurityHeaders } from './headers.ts';
import { policyRoutes } from './policies.ts';

export const apiRoutes: FastifyPluginAsync<RouteContext & { extra?: RoutePlugin | undefined }> = async (
  app,
  { services, config, extra },
) => {
  apiSecurityHeaders(app, config);

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const appError = asAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'Request failed');
    else request.log.info({ code: appError.code }, 'Request refused');
    return sendProblem(request, reply, appError, config.baseUrl);
  });
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (request, reply) =>
    sendProblem(request, reply, new AppError('not_found'), config.baseUrl),
  );

  // Pass on only the context: the options also carry this plugin's own /api/v1 prefix.
  const context = { services, config };
  await app.register(policyRoutes, context);
  if (extra) await app.register(extra, context);
};
