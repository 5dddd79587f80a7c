// A real SMTP server on loopback that keeps what it receives, for the mail adapter's tests.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface Received {
  mailFrom: string;
  rcptTo: string[];
  /** Who signed in, if anyone. */
  user: string | undefined;
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  received: Received[];
  /** The first message to this address, once it has arrived (mail sent by a background job comes a moment later). */
  messageTo(address: string, withinMs?: number): Promise<Received>;
  /** How many connections clients have opened. */
  connections(): number;
  close(): Promise<void>;
}

export interface TestSmtpServerOptions {
  /** When given, signing in with one of these user names and passwords is required. */
  users?: Record<string, string>;
  /** Recipients the server answers 550 to. */
  refuse?: readonly string[];
}

export async function startSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const waiting: { address: string; found: (message: Received) => void }[] = [];
  const deliver = (message: Received) => {
    received.push(message);
    for (const waiter of waiting.filter((w) => message.rcptTo.includes(w.address))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.found(message);
    }
  };
  let connections = 0;
  const { users, refuse = [] } = options;
  const server = new SMTPServer({
    // Plain text on loopback: no STARTTLS, and a password may be sent without TLS.
    disabledCommands: users ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !users,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    closeTimeout: 1000,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (users && auth.username !== undefined && users[auth.username] === auth.password) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Invalid user name or password'), { responseCode: 535 }));
      }
    },
    onRcptTo(address, _session, callback) {
      if (!refuse.includes(address.address)) return callback();
      const error: SMTPServerError = new Error(`No such user here: ${address.address}`);
      error.responseCode = 550;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        deliver({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((to) => to.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    messageTo: (address, withinMs = 30_000) => {
      const already = received.find((message) => message.rcptTo.includes(address));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No message to ${address} arrived`)), withinMs);
        waiting.push({
          address,
          found: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A header's value from a raw message, with folded lines unfolded. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

export function body(raw: string): string {
  return raw.slice(raw.indexOf('\r\n\r\n') + 4);
}
