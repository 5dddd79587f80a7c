import { describe, expect, it } from 'vitest';
import { loadConfig, ownerConnection } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';

function failure(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

const badSecretsKey = 'must be 32 random bytes in base64, such as the output of `openssl rand -base64 32`';

describe('Configuration', () => {
  it('needs nothing in development: embedded database in ./data on port 3000, local only', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      port: 3000,
      host: '127.0.0.1',
      baseUrl: 'http://localhost:3000',
      logLevel: 'info',
      trustProxy: false,
      database: { kind: 'pglite' },
    });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: `${process.cwd()}/data/database` });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://footprint:secret@db.internal:5432/footprint' });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://footprint:secret@db.internal:5432/footprint',
      ownerUrl: undefined,
    });
    expect(ownerConnection(config.database)).toEqual(config.database);
  });

  it('migrates and backs up as DATABASE_OWNER_URL when it is set, and serves as DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://footprint_app:secret@db.internal:5432/footprint',
      DATABASE_OWNER_URL: 'postgres://footprint_owner:secret@db.internal:5432/footprint',
    });
    expect(config.database).toMatchObject({ url: 'postgres://footprint_app:secret@db.internal:5432/footprint' });
    expect(ownerConnection(config.database)).toMatchObject({
      url: 'postgres://footprint_owner:secret@db.internal:5432/footprint',
    });
  });

  it('refuses an owner without a serving role', () => {
    expect(failure({ DATABASE_OWNER_URL: 'postgres://owner@db.internal/footprint' }).message).toContain(
      'DATABASE_OWNER_URL is set without DATABASE_URL',
    );
  });

  it('treats an empty setting as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ port: 3000, database: { kind: 'pglite' } });
  });

  it('refuses to start in production without its secrets, in one message naming each and how to fix it', () => {
    const error = failure({ NODE_ENV: 'production' });
    expect(error.code).toBe('configuration_invalid');
    expect(error.message).toBe(
      "Footprint cannot start: SESSION_SECRET is missing in production: set it to a random string of at least 32 characters, for example the output of `openssl rand -base64 48`; BASE_URL is missing in production: set it to the address people use to reach Footprint, for example https://footprint.example-school.org.uk; SECRETS_KEY is missing in production: set it to 32 random bytes in base64, for example the output of `openssl rand -base64 32`, and keep a copy: without it sealed secrets cannot be read; SMTP_URL is missing in production: set it to your mail server's address, for example smtps://user:password@mail.example-school.org.uk:465, so that Footprint can send email; MAIL_FROM is missing in production: set it to the address Footprint sends from, for example Footprint <footprint@example-school.org.uk>.",
    );
    expect(error.message).not.toContain('\n');
  });

  it('starts in production once the secrets are given', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(48),
      BASE_URL: 'https://footprint.example-school.org.uk/',
      SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
      SMTP_URL: 'smtps://footprint:secret@mail.example-school.org.uk:465',
      MAIL_FROM: 'Footprint <footprint@example-school.org.uk>',
    });
    expect(config.baseUrl).toBe('https://footprint.example-school.org.uk');
    expect(config.sessionSecret).toBe('x'.repeat(48));
    expect(config.secretsKey).toEqual(Buffer.alloc(32, 7));
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT must be at most 65535'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be development, test or production'],
    [{ DATABASE_URL: 'mysql://localhost/footprint' }, 'DATABASE_URL must be a postgres:// address'],
    [{ DATABASE_OWNER_URL: 'mysql://localhost/footprint' }, 'DATABASE_OWNER_URL must be a postgres:// address'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters long'],
    [{ BASE_URL: 'footprint.example' }, 'BASE_URL must be an http:// or https:// address'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ SECRETS_KEY: 'not-a-key' }, `SECRETS_KEY ${badSecretsKey}`],
    [{ SECRETS_KEY: Buffer.alloc(31).toString('base64') }, `SECRETS_KEY ${badSecretsKey}`],
    [{ SECRETS_KEY: Buffer.alloc(33).toString('base64') }, `SECRETS_KEY ${badSecretsKey}`],
    [
      { SMTP_URL: 'mail.example-school.org.uk:587' },
      'SMTP_URL must be an smtp:// or smtps:// address, for example smtps://user:password@mail.example-school.org.uk:465',
    ],
    [
      { SMTP_URL: 'smtp://' },
      'SMTP_URL must be an smtp:// or smtps:// address, for example smtps://user:password@mail.example-school.org.uk:465',
    ],
    [
      { MAIL_FROM: 'Footprint' },
      'MAIL_FROM must be an email address, for example Footprint <footprint@example-school.org.uk>',
    ],
  ])('explains what is wrong with %o', (env, message) => {
    expect(failure(env).message).toBe(`Footprint cannot start: ${message}.`);
  });

  it('keeps mail in an outbox outside production until SMTP_URL is set', () => {
    expect(loadConfig({}).mail).toEqual({ kind: 'outbox', from: 'Footprint <footprint@localhost>' });
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'office@example-school.org.uk' }).mail).toEqual({
      kind: 'smtp',
      url: 'smtp://127.0.0.1:2525',
      from: 'office@example-school.org.uk',
    });
  });

  it('never repeats a malformed SMTP_URL, which may hold a password', () => {
    expect(failure({ SMTP_URL: 'ftp://footprint:hunter2@mail.example' }).message).not.toContain('hunter2');
  });

  it('reads SECRETS_KEY as 32 bytes, in base64 or base64url, and leaves it unset outside production', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, index) => 250 - index));
    expect(loadConfig({ SECRETS_KEY: key.toString('base64') }).secretsKey).toEqual(key);
    expect(loadConfig({ SECRETS_KEY: `${key.toString('base64url')}\n` }).secretsKey).toEqual(key);
    expect(loadConfig({}).secretsKey).toBeUndefined();
  });

  it('reads TRUST_PROXY as off, on, a number of hops or trusted addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });
});
