// What the emails carrying one-time links say: who they are from (the school), what the link
// does, when it stops working, and what to do if the email was not expected. Plain text, short,
// and naming nobody: subjects especially, since the development outbox logs them.
import { lifetimeInWords, type LinkPurpose } from './links.ts';

export interface EmailText {
  subject: string;
  text: string;
}

export interface FromSchool {
  schoolName: string;
  /** The school office's address, for someone who did not expect the email. */
  schoolEmail: string;
}

/** Schools using Footprint keep UK time, whatever the server's clock says. */
const schoolTimeZone = 'Europe/London';

const clockTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: schoolTimeZone,
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: schoolTimeZone,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "3:05pm on Monday 27 July 2026", in UK time. */
export function momentInWords(at: Date): string {
  const parts = clockTime.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const hour = part('hour');
  const minute = part('minute');
  const half = part('dayPeriod').toLowerCase().replace(/\s|\./g, '');
  return `${hour}:${minute}${half} on ${day.format(at).replace(',', '')}`;
}

const expiry = (purpose: LinkPurpose, expiresAt: Date) =>
  `The link works once, for ${lifetimeInWords(purpose)}: until ${momentInWords(expiresAt)}.`;

const lines = (...paragraphs: string[]) => `${paragraphs.join('\n\n')}\n`;

export function invitationEmail(school: FromSchool, link: { url: string; expiresAt: Date }): EmailText {
  return {
    subject: `Your invitation to Footprint from ${school.schoolName}`,
    text: lines(
      `${school.schoolName} has invited you to Footprint, where the school keeps its social media policy and the records that go with it.`,
      `To accept, open this link and choose a password:\n${link.url}`,
      expiry('invitation', link.expiresAt),
      `If it has expired, ask the school for a new invitation.`,
      `If you were not expecting this email, you can ignore it: nothing happens unless the link is opened. To tell the school, write to ${school.schoolEmail}.`,
    ),
  };
}

export function passwordResetEmail(school: FromSchool, link: { url: string; expiresAt: Date }): EmailText {
  return {
    subject: 'Reset your Footprint password',
    text: lines(
      `Someone asked to reset the password of your Footprint account at ${school.schoolName}.`,
      `To choose a new password, open this link:\n${link.url}`,
      expiry('password_reset', link.expiresAt),
      `Choosing a new password does not sign you in: you then sign in with it, and with a code from your authenticator app if you use one.`,
      `If you did not ask for this, you can ignore this email: your password stays as it is. If it keeps happening, tell the school at ${school.schoolEmail}.`,
    ),
  };
}

export function signInLinkEmail(school: FromSchool, link: { url: string; expiresAt: Date }): EmailText {
  return {
    subject: 'Your link to sign in to Footprint',
    text: lines(
      `Here is the link you asked for, to sign in to Footprint at ${school.schoolName}:\n${link.url}`,
      expiry('sign_in', link.expiresAt),
      `If you did not ask for it, you can ignore this email: nobody can sign in without the link. If it keeps happening, tell the school at ${school.schoolEmail}.`,
    ),
  };
}

/** For someone whose roles need a second factor: a link alone must never sign them in. */
export function passwordNeededEmail(
  school: FromSchool,
  addresses: { signInUrl: string; forgotPasswordUrl: string },
): EmailText {
  return {
    subject: 'How to sign in to Footprint',
    text: lines(
      `Someone asked for a link to sign in to Footprint at ${school.schoolName} with this email address.`,
      `Your account can see records about children, or uses an authenticator app, so Footprint does not send it sign-in links. Sign in with your password and the code from your authenticator app at:\n${addresses.signInUrl}`,
      `If you have forgotten your password, you can reset it at:\n${addresses.forgotPasswordUrl}`,
      `If you did not ask, you can ignore this email: nothing has changed. If it keeps happening, tell the school at ${school.schoolEmail}.`,
    ),
  };
}
