// A generous limit per client address, against floods and guessing; routes can set their own
// with `config: { rateLimit: { max, timeWindow } }`. A school often shares one address, hence generous.
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';

export const rateLimits = fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      allowList: (request) => request.url.startsWith('/assets/'),
      errorResponseBuilder: (_request, context) =>
        new AppError('too_many_requests', `Too many requests from your network: try again in ${context.after}.`),
    });
  },
  { name: 'rate-limits' },
);
