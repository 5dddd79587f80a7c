// The sign-off emails: they come from the school, say what is asked and how to answer, carry the
// link, and hold no policy text and no name but the school's.
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/adapters/policy-files/index.ts';
import { signOffReminderEmail, signOffRequestEmail, type SignOffAsk } from '../../../src/domain/sign-off/index.ts';

const url = 'https://footprint.example/acknowledge/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
const ask: SignOffAsk = {
  schoolName: 'Hazel Primary',
  schoolEmail: 'office@hazel.example',
  versionLabel: '2.0',
  url,
  changesOnly: false,
};

const emails = [
  ['the request', signOffRequestEmail(ask)],
  ['the request about changes', signOffRequestEmail({ ...ask, changesOnly: true })],
  ['the first reminder', signOffReminderEmail(ask, 'first')],
  ['the second reminder', signOffReminderEmail(ask, 'second')],
] as const;

describe('Sign-off emails', () => {
  it.each(emails)(
    '%s comes from the school, names the version, and carries the link on a line of its own',
    (_, email) => {
      expect(email.subject).toContain('Hazel Primary');
      expect(email.text).toContain('Hazel Primary');
      expect(email.text).toContain('version 2.0');
      expect(email.text.split('\n')).toContain(url);
      expect(email.text).toContain('office@hazel.example');
      expect(email.text).toContain('You do not need a password');
    },
  );

  it('asks the person to read the policy and confirm they will follow it, or say why not', () => {
    const { subject, text } = signOffRequestEmail(ask);
    expect(subject).toBe('Please read and confirm Hazel Primary’s social media policy');
    expect(text).toContain('confirm that you agree to follow it');
    expect(text).toContain('tell the school why you do not agree');
  });

  it('tells someone who agreed before that only the changed rules are shown', () => {
    expect(signOffRequestEmail({ ...ask, changesOnly: true }).text).toContain('only the rules that changed');
    expect(signOffRequestEmail(ask).text).not.toContain('only the rules that changed');
  });

  it('marks reminders as reminders, the second as still waiting', () => {
    expect(signOffReminderEmail(ask, 'first').subject).toMatch(/^Reminder: /);
    expect(signOffReminderEmail(ask, 'second').text).toContain('still waiting for your answer');
    expect(signOffReminderEmail(ask, 'first').text).not.toContain('still waiting');
  });

  it.each(emails)('%s holds none of the policy’s own words', (_, email) => {
    const loaded = loadPolicy('model');
    if (!loaded.ok) throw new Error('The model policy does not load');
    const policy = loaded.policy;
    for (const rule of policy.rules) expect(email.text).not.toContain(rule.summary);
    expect(email.text).not.toContain(policy.title);
  });

  it.each(emails)('%s names nobody but the school: no person, no greeting by name', (_, email) => {
    const words = `${email.subject}\n${email.text}`;
    const capitalised = new Set(words.match(/\b[A-Z][a-z]+\b/g));
    // Sentence openings and the school's own name; nothing that could be a person's.
    const allowed = new Set(['Hazel', 'Primary', 'Please', 'Open', 'You', 'If', 'Reminder', 'Links', 'A', 'The']);
    expect([...capitalised].filter((word) => !allowed.has(word))).toEqual([]);
    expect(words).not.toMatch(/\bDear\b/);
  });
});
