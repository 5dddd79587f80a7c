import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, type SmtpMailer } from '../../../src/adapters/mail/smtp.ts';
import { MailNotSentError } from '../../../src/services/ports.ts';
import { body, header, startSmtpServer, type TestSmtpServer } from './smtp-test-server.ts';

const from = 'Oakfield Primary <footprint@oakfield.example.org>';
const message = {
  to: 'head@oakfield.example.org',
  subject: 'Please sign the social media policy',
  text: 'The governors approved the policy on Tuesday. Sign it here.',
};

async function failure(sending: Promise<void>): Promise<MailNotSentError> {
  const error = await sending.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof MailNotSentError) return error;
  throw new Error(`expected a MailNotSentError, got ${String(error)}`);
}

describe('Sending mail through an SMTP server', () => {
  let server: TestSmtpServer;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    server = await startSmtpServer({ refuse: ['nobody@oakfield.example.org'] });
    mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${server.port}`, from });
  });

  afterAll(async () => {
    await mailer.close();
    await server.close();
  });

  it('delivers the message to its recipient, from MAIL_FROM', async () => {
    await mailer.send(message);

    const received = server.received.at(-1);
    expect(received).toMatchObject({ mailFrom: 'footprint@oakfield.example.org', rcptTo: [message.to] });
    const raw = received?.raw ?? '';
    expect(header(raw, 'From')).toBe(from);
    expect(header(raw, 'To')).toBe(message.to);
    expect(header(raw, 'Subject')).toBe(message.subject);
    expect(header(raw, 'Content-Type')).toBe('text/plain; charset=utf-8');
    expect(header(raw, 'Message-ID')).toMatch(/^<.+@oakfield\.example\.org>$/);
    expect(body(raw).trim()).toBe(message.text);
  });

  it('sends an HTML version alongside the text when given one', async () => {
    await mailer.send({ ...message, html: '<p>The governors approved the policy.</p>' });

    const raw = server.received.at(-1)?.raw ?? '';
    expect(header(raw, 'Content-Type')).toMatch(/^multipart\/alternative; boundary=/);
    expect(raw).toContain('Content-Type: text/plain; charset=utf-8');
    expect(raw).toContain('Content-Type: text/html; charset=utf-8');
    expect(raw).toContain('<p>The governors approved the policy.</p>');
  });

  it('keeps its connection open for the next messages', async () => {
    const [connections, messages] = [server.connections(), server.received.length];
    await mailer.send(message);
    await mailer.send(message);
    expect(server.received.length).toBe(messages + 2);
    expect(server.connections()).toBe(connections);
  });

  it('says when the server refuses the recipient, without repeating the address', async () => {
    const error = await failure(mailer.send({ ...message, to: 'nobody@oakfield.example.org' }));
    expect(error.message).toBe(
      `The mail server at 127.0.0.1:${server.port} refused the recipient's address (reply 550): check it is right.`,
    );
    expect(error.permanent).toBe(true);
    expect(error.message).not.toContain('nobody');
  });
});

describe('Signing in to the SMTP server', () => {
  let server: TestSmtpServer;
  const mailers: SmtpMailer[] = [];
  const mailerFor = (url: string) => {
    const mailer = createSmtpMailer({ url, from });
    mailers.push(mailer);
    return mailer;
  };

  beforeAll(async () => {
    server = await startSmtpServer({ users: { footprint: 'p@ss:word/1' } });
  });

  afterEach(async () => {
    await Promise.all(mailers.splice(0).map((mailer) => mailer.close()));
  });

  afterAll(() => server.close());

  it('signs in with the user name and password in SMTP_URL (percent-encoded)', async () => {
    await mailerFor(`smtp://footprint:${encodeURIComponent('p@ss:word/1')}@127.0.0.1:${server.port}`).send(message);
    expect(server.received.at(-1)).toMatchObject({ user: 'footprint', rcptTo: [message.to] });
  });

  it('says to check SMTP_URL when the password is wrong', async () => {
    const error = await failure(mailerFor(`smtp://footprint:wrong@127.0.0.1:${server.port}`).send(message));
    expect(error.message).toBe(
      `The mail server at 127.0.0.1:${server.port} refused Footprint's sign-in (reply 535): check the user name and password in SMTP_URL.`,
    );
    expect(error.permanent).toBe(false);
  });
});

describe('A mail server that is down', () => {
  async function listening(onConnection: (socket: Socket) => void): Promise<Server> {
    const server = createServer(onConnection);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  }
  const portOf = (server: Server) => (server.address() as AddressInfo).port;

  it('fails at once when nothing listens on its port', async () => {
    const closed = await listening(() => undefined);
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));

    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from });
    const started = performance.now();
    const error = await failure(mailer.send(message));
    await mailer.close();

    expect(error.message).toBe(
      `Footprint could not reach the mail server at 127.0.0.1:${port} (ECONNREFUSED): check SMTP_URL and that the server is running.`,
    );
    expect(error.permanent).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('gives up within its time-out when the server accepts the connection and says nothing', async () => {
    const sockets: Socket[] = [];
    const silent = await listening((socket) => sockets.push(socket));
    const mailer = createSmtpMailer(
      { url: `smtp://127.0.0.1:${portOf(silent)}`, from },
      { connectMs: 300, idleMs: 300 },
    );
    const started = performance.now();
    const error = await failure(mailer.send(message));
    await mailer.close();
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));

    expect(error.message).toMatch(/^Footprint could not reach the mail server at 127\.0\.0\.1:\d+ \(ETIMEDOUT\)/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
