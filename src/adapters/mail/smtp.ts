// Mail through an SMTP server, over a small pool of connections that are reused between messages.
import { createTransport } from 'nodemailer';
import type { Mailer } from '../../services/ports.ts';
import { mailNotSent } from './smtp-errors.ts';

export interface SmtpTimeouts {
  /** To open the connection, and then to hear the server's greeting. */
  connectMs: number;
  /** Of silence in the middle of a conversation. */
  idleMs: number;
}

// A dead mail server must fail a request in seconds, not the minutes Nodemailer waits by default.
const defaultTimeouts: SmtpTimeouts = { connectMs: 10_000, idleMs: 30_000 };

export interface SmtpMailer extends Mailer {
  kind: 'smtp';
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

export function createSmtpMailer(
  options: { url: string; from: string },
  timeouts: SmtpTimeouts = defaultTimeouts,
): SmtpMailer {
  const server = new URL(options.url);
  const secure = server.protocol === 'smtps:';
  const host = server.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = server.port ? Number(server.port) : secure ? 465 : 587;
  const where = `${server.hostname}:${port}`;
  const transport = createTransport({
    pool: true,
    // Hosted mail (Microsoft 365, Google) allows only a few connections at once per account.
    maxConnections: 3,
    maxMessages: 100,
    idleTimeout: 60_000,
    host,
    port,
    secure,
    auth: server.username
      ? { user: decodeURIComponent(server.username), pass: decodeURIComponent(server.password) }
      : undefined,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    dnsTimeout: timeouts.connectMs,
    socketTimeout: timeouts.idleMs,
    // Our messages are strings; nothing should ever make Nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });

  return {
    kind: 'smtp',
    async send(message) {
      try {
        await transport.sendMail({ from: options.from, ...message });
      } catch (error) {
        throw mailNotSent(error, where);
      }
    },
    async close() {
      transport.close();
    },
  };
}
