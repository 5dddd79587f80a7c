// The development outbox: no server involved, so this is a unit test kept beside the mail adapter's others.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../../src/adapters/mail/index.ts';
import { createOutboxMailer, outboxSize } from '../../../src/adapters/mail/outbox.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').trim().split('\n')));
  return { logger: createLogger({ logLevel: 'info' }, destination), lines };
}

const message = {
  to: 'parent@example.org',
  subject: 'Photo consent for the school website',
  text: 'Dear Ms Okafor, please tell us whether we may use photographs of Amara.',
};

describe('The development outbox', () => {
  it('keeps each message, with who it is from and when', async () => {
    const at = new Date('2026-07-20T09:30:00Z');
    const mailer = createOutboxMailer('Footprint <footprint@localhost>', capturingLogger().logger, () => at);
    await mailer.send({ ...message, html: '<p>Dear Ms Okafor</p>' });
    expect(mailer.outbox()).toEqual([
      { ...message, html: '<p>Dear Ms Okafor</p>', from: 'Footprint <footprint@localhost>', sentAt: at },
    ]);
  });

  it(`keeps only the last ${outboxSize}, oldest first`, async () => {
    const mailer = createOutboxMailer('footprint@localhost', capturingLogger().logger);
    for (let n = 1; n <= outboxSize + 5; n += 1) await mailer.send({ ...message, subject: `Message ${n}` });
    const kept = mailer.outbox();
    expect(kept).toHaveLength(outboxSize);
    expect(kept[0]?.subject).toBe('Message 6');
    expect(kept.at(-1)?.subject).toBe(`Message ${outboxSize + 5}`);
  });

  it('hands out a copy that sending more does not change', async () => {
    const mailer = createOutboxMailer('footprint@localhost', capturingLogger().logger);
    const before = mailer.outbox();
    await mailer.send(message);
    expect(before).toHaveLength(0);
  });

  it('logs the subject and where to find the message, never the recipient or the body', async () => {
    const { logger, lines } = capturingLogger();
    await createOutboxMailer('footprint@localhost', logger).send(message);
    logger.flush();
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 30, subject: message.subject });
    expect(entry.msg).toMatch(/development outbox/);
    expect(lines[0]).not.toContain('parent@example.org');
    expect(lines[0]).not.toContain('Okafor');
  });
});

describe('Choosing how mail goes', () => {
  const { logger } = capturingLogger();

  it('uses the outbox outside production when SMTP_URL is unset', async () => {
    const mailer = createMailer(loadConfig({ NODE_ENV: 'development' }), logger);
    expect(mailer.kind).toBe('outbox');
    await mailer.close();
  });

  it('uses SMTP when SMTP_URL is set', async () => {
    const mailer = createMailer(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }), logger);
    expect(mailer.kind).toBe('smtp');
    await mailer.close();
  });
});
