// Footprint's configuration, read from the environment and checked once at start-up.
// Development works with no settings at all; production refuses to start without its secrets.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// "Name <address>" or a bare address; the mail server has the last word on what it accepts.
const mailbox = /^(?:[^<>@]*<\s*[^\s<>@]+@[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+)$/;

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
  DATABASE_OWNER_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// address' })),
  SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters long')),
  SECRETS_KEY: optional(
    z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9+/_-]{43}=?$/,
        'must be 32 random bytes in base64, such as the output of `openssl rand -base64 32`',
      )
      .transform((text) => Buffer.from(text, 'base64')),
  ),
  BASE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })),
  LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(logLevels, `must be one of ${logLevels.join(', ')}`).default('info')),
  TRUST_PROXY: optional(z.string()),
  RATE_LIMIT_PER_MINUTE: z.preprocess(
    unsetIfEmpty,
    z.coerce.number('must be a number').int().positive('must be a positive whole number').default(600),
  ),
  SMTP_URL: optional(
    z
      .string()
      .refine(
        isSmtpAddress,
        'must be an smtp:// or smtps:// address, for example smtps://user:password@mail.example-school.org.uk:465',
      ),
  ),
  MAIL_FROM: optional(
    z.string().regex(mailbox, 'must be an email address, for example Footprint <footprint@example-school.org.uk>'),
  ),
});

export type Environment = 'development' | 'test' | 'production';

/**
 * On PostgreSQL, `url` is the role Footprint serves as; `ownerUrl`, when given, the role that owns
 * the tables, which alone changes the schema, grants the serving role its privileges, and takes
 * and restores backups. Without it the serving role is the owner.
 */
export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; ownerUrl: string | undefined };

/** Where mail goes: an SMTP server, or (outside production only) an outbox kept in memory. */
export type MailConfig = { kind: 'smtp'; url: string; from: string } | { kind: 'outbox'; from: string };

export interface Config {
  environment: Environment;
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  sessionSecret: string;
  /** The master key (32 bytes) sealing secrets at rest. Unset outside production: a key kept in DATA_DIR is used. */
  secretsKey: Uint8Array | undefined;
  logLevel: (typeof logLevels)[number];
  rateLimitPerMinute: number;
  /** Whether to believe X-Forwarded-* headers: false, true, a number of hops, or trusted addresses. */
  trustProxy: boolean | number | string;
  mail: MailConfig;
}

const howToFix = {
  SESSION_SECRET:
    'set it to a random string of at least 32 characters, for example the output of `openssl rand -base64 48`',
  BASE_URL: 'set it to the address people use to reach Footprint, for example https://footprint.example-school.org.uk',
  SECRETS_KEY:
    'set it to 32 random bytes in base64, for example the output of `openssl rand -base64 32`, and keep a copy: without it sealed secrets cannot be read',
  SMTP_URL:
    "set it to your mail server's address, for example smtps://user:password@mail.example-school.org.uk:465, so that Footprint can send email",
  MAIL_FROM: 'set it to the address Footprint sends from, for example Footprint <footprint@example-school.org.uk>',
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

  const required = ['SESSION_SECRET', 'BASE_URL', 'SECRETS_KEY', 'SMTP_URL', 'MAIL_FROM'] as const;
  const missing = production ? required.filter((name) => !settings[name]) : [];
  if (missing.length > 0) {
    throw configurationError(missing.map((name) => `${name} is missing in production: ${howToFix[name]}`));
  }

  if (settings.DATABASE_OWNER_URL && !settings.DATABASE_URL) {
    throw configurationError([
      'DATABASE_OWNER_URL is set without DATABASE_URL: set DATABASE_URL to the role Footprint serves as, or unset both to use the embedded database',
    ]);
  }

  const dataDir = resolve(settings.DATA_DIR);
  return {
    environment: settings.NODE_ENV,
    port: settings.PORT,
    host: settings.HOST,
    baseUrl: (settings.BASE_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, ''),
    dataDir,
    database: settings.DATABASE_URL
      ? { kind: 'postgres', url: settings.DATABASE_URL, ownerUrl: settings.DATABASE_OWNER_URL }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'database') },
    // Outside production a fresh secret per process is safe: it only signs short-lived form tokens.
    sessionSecret: settings.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    secretsKey: settings.SECRETS_KEY,
    logLevel: settings.LOG_LEVEL,
    rateLimitPerMinute: settings.RATE_LIMIT_PER_MINUTE,
    trustProxy: parseTrustProxy(settings.TRUST_PROXY),
    mail: mailConfig(settings.SMTP_URL, settings.MAIL_FROM ?? 'Footprint <footprint@localhost>'),
  };
}

/** The connection that may change the schema and take or restore backups: the owner's. */
export function ownerConnection(database: DatabaseConfig): DatabaseConfig {
  return database.kind === 'postgres' ? { ...database, url: database.ownerUrl ?? database.url } : database;
}

function configurationError(problems: string[]): AppError {
  return new AppError('configuration_invalid', `Footprint cannot start: ${problems.join('; ')}.`);
}

function isSmtpAddress(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
}

function mailConfig(smtpUrl: string | undefined, from: string): MailConfig {
  return smtpUrl ? { kind: 'smtp', url: smtpUrl, from } : { kind: 'outbox', from };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
