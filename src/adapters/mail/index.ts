// Chooses how mail goes: through the SMTP server in SMTP_URL or, without one, to the development outbox.
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { createOutboxMailer, type OutboxMailer } from './outbox.ts';
import { createSmtpMailer, type SmtpMailer } from './smtp.ts';

export type { OutboxMailer, SentMessage } from './outbox.ts';
export type { SmtpMailer } from './smtp.ts';

/** Either kind; check `kind === 'outbox'` to read the development outbox. */
export type RunningMailer = SmtpMailer | OutboxMailer;

export function createMailer(config: Pick<Config, 'mail'>, logger: Logger): RunningMailer {
  const { mail } = config;
  return mail.kind === 'smtp' ? createSmtpMailer(mail) : createOutboxMailer(mail.from, logger);
}
