// Nodemailer's errors, reworded for whoever looks after Footprint. Their own messages can quote
// the server's reply, which often repeats the recipient's address: that must not reach the logs.
import { MailNotSentError } from '../../services/ports.ts';

interface NodemailerError {
  code?: unknown;
  /** The socket's own code (ECONNREFUSED…) under Nodemailer's ESOCKET. */
  originalCode?: unknown;
  command?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
}

const unreachable = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EPROXY']);

export function mailNotSent(error: unknown, server: string): MailNotSentError {
  const { code, originalCode, command, responseCode, permanent } = (error ?? {}) as NodemailerError;
  const reply = typeof responseCode === 'number' ? ` (reply ${responseCode})` : '';
  const refused = permanent === true || (typeof responseCode === 'number' && responseCode >= 500);
  const because = (message: string, isPermanent: boolean) =>
    new MailNotSentError(message, isPermanent, { cause: error });

  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return because(
      `The mail server at ${server} refused Footprint's sign-in${reply}: check the user name and password in SMTP_URL.`,
      false,
    );
  }
  if (code === 'ETLS' || code === 'EREQUIRETLS') {
    return because(
      `Footprint could not make a secure connection to the mail server at ${server}: use smtps:// for port 465 and smtp:// for port 587 in SMTP_URL.`,
      false,
    );
  }
  if (typeof code === 'string' && unreachable.has(code)) {
    const cause = typeof originalCode === 'string' ? originalCode : code;
    return because(
      `Footprint could not reach the mail server at ${server} (${cause}): check SMTP_URL and that the server is running.`,
      false,
    );
  }
  if (code === 'EENVELOPE' && command === 'RCPT TO') {
    return because(`The mail server at ${server} refused the recipient's address${reply}: check it is right.`, refused);
  }
  if (code === 'EENVELOPE' && command === 'MAIL FROM') {
    return because(
      `The mail server at ${server} refused to send from MAIL_FROM${reply}: use an address the server lets Footprint send from.`,
      refused,
    );
  }
  const what = typeof code === 'string' ? code : 'an unknown error';
  return because(`The mail server at ${server} did not take the message (${what}${reply}).`, refused);
}
