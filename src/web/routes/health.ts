// For load balancers and monitoring: /healthz says the process is up; /readyz that it can serve,
// which means its database answers.
import { AppError } from '../../errors.ts';
import { sendProblem } from '../problem.ts';
import type { RoutePlugin } from '../route-plugin.ts';

export const healthRoutes: RoutePlugin = async (app, { services, config }) => {
  const unlimited = { config: { rateLimit: false, access: 'anyone' } } as const;

  app.get('/healthz', unlimited, async (_request, reply) => {
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });

  app.get('/readyz', unlimited, async (request, reply) => {
    const readiness = await services.health.readiness();
    if (readiness.ready) return reply.header('cache-control', 'no-store').send({ status: 'ready' });
    request.log.warn({ reason: readiness.reason }, 'Not ready: the database does not answer');
    return sendProblem(request, reply, new AppError('database_unavailable'), config.baseUrl);
  });
};
