// Reading a report form, from staff signed in or from anyone on the school's public page, into a
// report: each mistake named with what to do about it, in the words of the form.
import { roleSingular } from '../policy/render/vocabulary-words.ts';
import type { Party, Reporter } from './case.ts';
import { aboutRoles, concernKinds, reporterRoles, type AboutRole, type ConcernKind, type Report } from './report.ts';

export type ReportFormValues = Partial<Record<string, string | string[]>>;
export type ReportErrors = Partial<Record<string, string>>;

export const maxWhat = 5000;
const maxLinks = 10;
const maxName = 200;

const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

function readLinks(text: string): { links: string[] } | { error: string } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length > maxLinks) return { error: `Give at most ${maxLinks} links, one on each line` };
  for (const line of lines) {
    let url: URL | undefined;
    try {
      url = new URL(line);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || line.length > 2000) {
      return { error: `"${line.slice(0, 60)}" is not a web address: copy it from the address bar, starting https://` };
    }
  }
  return { links: lines };
}

function readDay(text: string, today: string): { day?: string } | { error: string } {
  if (text === '') return {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    return { error: 'Enter the date it happened as a real date, for example 2026-11-21' };
  }
  if (text > today) return { error: 'The date it happened must be today or in the past' };
  return { day: text };
}

export interface ReadReport {
  report: Report;
  reporter: Reporter;
}

/**
 * A report from a form. `who` is the signed-in member of staff, or undefined for the public form,
 * which asks the reporter who they are instead. People picked from the school's lists arrive as
 * ids; the service checks they are the school's.
 */
export function readReportForm(
  values: ReportFormValues,
  today: string,
  who?: { personId: string; role: Reporter['role'] },
): { ok: true; read: ReadReport } | { ok: false; errors: ReportErrors } {
  const errors: ReportErrors = {};
  const kind = one(values.kind);
  if (!isOneOf(concernKinds, kind)) errors.kind = 'Choose what the concern is about';
  const what = one(values.what);
  if (what === '') errors.what = 'Describe what happened';
  else if (what.length > maxWhat) errors.what = `Describe what happened in ${maxWhat} characters or fewer`;
  const day = readDay(one(values.happenedOn), today);
  if ('error' in day) errors.happenedOn = day.error;
  const platform = one(values.platform).slice(0, 64);
  const links = readLinks(one(values.links));
  if ('error' in links) errors.links = links.error;

  const aboutRole = one(values.aboutRole);
  if (!isOneOf(aboutRoles, aboutRole)) errors.aboutRole = 'Choose who the concern is about';
  const aboutPersonId = one(values.aboutPersonId);
  const aboutName = one(values.aboutName);
  if (aboutName.length > maxName) errors.aboutName = `Give the name in ${maxName} characters or fewer`;

  const child = one(values.childInvolved);
  if (!['yes', 'no', 'not_sure'].includes(child)) errors.childInvolved = 'Say whether a pupil is involved or affected';
  const childPupilId = one(values.childPupilId);
  const childName = one(values.childName);
  if (childName.length > maxName) errors.childName = `Give the name in ${maxName} characters or fewer`;

  let reporter: Reporter | undefined;
  if (who) reporter = { role: who.role, personId: who.personId };
  else {
    const role = one(values.reporterRole);
    if (!isOneOf(reporterRoles, role)) errors.reporterRole = 'Say who you are';
    const name = one(values.reporterName);
    const contact = one(values.reporterContact);
    if (name.length > maxName) errors.reporterName = `Give your name in ${maxName} characters or fewer`;
    if (contact.length > maxName) errors.reporterContact = `Give one email address or phone number`;
    if (isOneOf(reporterRoles, role)) reporter = { role, ...(name && { name }), ...(contact && { contact }) };
  }

  if (Object.keys(errors).length > 0 || !reporter || 'error' in links || 'error' in day) return { ok: false, errors };

  // A pupil is chosen from the pupils' list ("Which pupil?"), an adult from the people's list.
  const subject: Party = { role: aboutRole as AboutRole, subject: true };
  if (aboutRole === 'pupil') {
    if (childPupilId) subject.pupilId = childPupilId;
    if (aboutName || childName) subject.description = aboutName || childName;
  } else {
    if (aboutPersonId) subject.personId = aboutPersonId;
    if (aboutName) subject.description = aboutName;
  }
  const parties: Party[] = [subject];
  const childInvolved = child === 'yes' || child === 'not_sure' || aboutRole === 'pupil';
  if (childInvolved && aboutRole !== 'pupil') {
    parties.push({
      role: 'pupil',
      subject: false,
      ...(childPupilId && { pupilId: childPupilId }),
      ...(childName && { description: childName }),
    });
  }
  return {
    ok: true,
    read: {
      report: {
        kind: kind as ConcernKind,
        what,
        ...(day.day && { happenedOn: day.day }),
        ...(platform && { platform }),
        links: links.links,
        parties,
        childInvolved,
      },
      reporter,
    },
  };
}

/** A party in words for the case page, when the school has no record of them. */
export function describedParty(party: Party): string {
  return party.description ?? roleSingular[party.role];
}
