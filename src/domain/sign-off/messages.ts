// The emails of a sign-off campaign: what the school asks, and the link to answer by. They hold
// no policy text and name nobody, so that a subject line in a log says nothing about anyone.
export interface SignOffEmail {
  subject: string;
  text: string;
}

export interface SignOffAsk {
  schoolName: string;
  schoolEmail: string;
  versionLabel: string;
  url: string;
  /** True when the person agreed to an earlier version, so only the changes are asked about. */
  changesOnly: boolean;
}

const lines = (...paragraphs: string[]) => `${paragraphs.join('\n\n')}\n`;

function what(ask: SignOffAsk): string {
  return ask.changesOnly
    ? `${ask.schoolName} has published version ${ask.versionLabel} of its social media policy. You agreed to an earlier version, so the link shows only the rules that changed.`
    : `${ask.schoolName} asks you to read version ${ask.versionLabel} of its social media policy and to confirm that you agree to follow it.`;
}

export function signOffRequestEmail(ask: SignOffAsk): SignOffEmail {
  return {
    subject: `Please read and confirm ${ask.schoolName}’s social media policy`,
    text: lines(
      what(ask),
      `Open this link to read it, then confirm, or tell the school why you do not agree:\n${ask.url}`,
      `You do not need a password. The link works until you answer.`,
      `If you were not expecting this email, write to the school at ${ask.schoolEmail}.`,
    ),
  };
}

export function signOffReminderEmail(ask: SignOffAsk, which: 'first' | 'second'): SignOffEmail {
  return {
    subject: `Reminder: please confirm ${ask.schoolName}’s social media policy`,
    text: lines(
      which === 'second'
        ? `${ask.schoolName} is still waiting for your answer about its social media policy, version ${ask.versionLabel}.`
        : `A reminder that ${ask.schoolName} has asked you to read its social media policy, version ${ask.versionLabel}.`,
      `Open this link to read it and answer:\n${ask.url}`,
      `Links in earlier emails about this work too. You do not need a password.`,
      `If you have questions, write to the school at ${ask.schoolEmail}.`,
    ),
  };
}
