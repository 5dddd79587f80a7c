// Footprint's logger. Logs carry what an operator needs and no personal data: no bodies,
// cookies, auth headers, query strings or addresses; requests are named by their route pattern.
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

interface RequestLike {
  id?: unknown;
  method?: unknown;
  routeOptions?: { url?: unknown };
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  stack?: unknown;
}

export const logSerializers = {
  req: (request: RequestLike) => ({
    id: request.id,
    method: request.method,
    route: request.routeOptions?.url ?? '(no route)',
  }),
  res: (reply: { statusCode?: unknown }) => ({ statusCode: reply.statusCode }),
  err: (error: ErrorLike) => ({ type: error.name, code: error.code, message: error.message, stack: error.stack }),
};

/** Anything that slips past the serializers is still blanked. */
export const redactedPaths = [
  'req.headers',
  'req.body',
  'req.query',
  'req.url',
  'res.headers',
  '*.cookie',
  '*.cookies',
  '*.authorization',
  '*.password',
  '*.email',
];

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'footprint' },
    serializers: logSerializers,
    redact: { paths: redactedPaths, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
