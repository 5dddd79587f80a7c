// Footprint's configuration, read from the environment and checked once at start-up.
// Development works with no settings at all; production refuses to start without its secrets.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const environmentSchema = z.object({
  NODE_ENV: z.preprocess(
    unsetIfEmpty,
    z.enum(['development', 'test', 'production'], 'must be development, test or production').default('development'),
  ),
  PORT: z.preprocess(
    unsetIfEmpty,
    z.coerce.number('must be a port number').int().min(0).max(65535, 'must be at most 65535').default(3000),
  ),
  HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('./data')),
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// address' })),
  SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters long')),
  BASE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })),
  LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(logLevels, `must be one of ${logLevels.join(', ')}`).default('info')),
  TRUST_PROXY: optional(z.string()),
  RATE_LIMIT_PER_MINUTE: z.preprocess(
    unsetIfEmpty,
    z.coerce.number('must be a number').int().positive('must be a positive whole number').default(600),
  ),
});

export type Environment = 'development' | 'test' | 'production';

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Config {
  environment: Environment;
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  sessionSecret: string;
  logLevel: (typeof logLevels)[number];
  rateLimitPerMinute: number;
  /** Whether to believe X-Forwarded-* headers: false, true, a number of hops, or trusted addresses. */
  trustProxy: boolean | number | string;
}

const howToFix = {
  SESSION_SECRET:
    'set it to a random string of at least 32 characters, for example the output of `openssl rand -base64 48`',
  BASE_URL: 'set it to the address people use to reach Footprint, for example https://footprint.example-school.org.uk',
} as const;

/** Reads and checks the configuration; throws one AppError naming every setting to fix. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw configurationError(problems);
  }
  const settings = parsed.data;
  const production = settings.NODE_ENV === 'production';

  const missing = production ? (['SESSION_SECRET', 'BASE_URL'] as const).filter((name) => !settings[name]) : [];
  if (missing.length > 0) {
    throw configurationError(missing.map((name) => `${name} is missing in production: ${howToFix[name]}`));
  }

  const dataDir = resolve(settings.DATA_DIR);
  return {
    environment: settings.NODE_ENV,
    port: settings.PORT,
    host: settings.HOST,
    baseUrl: (settings.BASE_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, ''),
    dataDir,
    database: settings.DATABASE_URL
      ? { kind: 'postgres', url: settings.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'database') },
    // Outside production a fresh secret per process is safe: it only signs short-lived form tokens.
    sessionSecret: settings.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    logLevel: settings.LOG_LEVEL,
    rateLimitPerMinute: settings.RATE_LIMIT_PER_MINUTE,
    trustProxy: parseTrustProxy(settings.TRUST_PROXY),
  };
}

function configurationError(problems: string[]): AppError {
  return new AppError('configuration_invalid', `Footprint cannot start: ${problems.join('; ')}.`);
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
