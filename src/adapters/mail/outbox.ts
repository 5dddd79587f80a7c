// Development mail: kept in memory for a developer to read, never sent anywhere.
import type { Logger } from '../../log.ts';
import type { MailMessage, Mailer } from '../../services/ports.ts';

export interface SentMessage extends MailMessage {
  from: string;
  sentAt: Date;
}

export interface OutboxMailer extends Mailer {
  kind: 'outbox';
  /** The most recent messages, oldest first. */
  outbox(): readonly SentMessage[];
  close(): Promise<void>;
}

export const outboxSize = 100;

export function createOutboxMailer(from: string, logger: Logger, now: () => Date = () => new Date()): OutboxMailer {
  const kept: SentMessage[] = [];
  return {
    kind: 'outbox',
    async send(message) {
      kept.push({ ...message, from, sentAt: now() });
      if (kept.length > outboxSize) kept.splice(0, kept.length - outboxSize);
      // The recipient and the body are personal data; the subject is what a developer needs to find it.
      logger.info({ subject: message.subject }, 'Email not sent (no SMTP_URL): it is in the development outbox');
    },
    outbox: () => [...kept],
    // Nothing is held open.
    close: () => Promise.resolve(),
  };
}
