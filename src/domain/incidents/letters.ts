// Letters to parents about an incident: the school's own wording for each kind of letter, with
// placeholders the case fills in. The standard wording is here; a school may change it. A letter
// is only printed once every placeholder it uses has a value, so a parent never reads a gap.

export const letterKinds = ['request_removal', 'complaints_procedure', 'meeting_invitation'] as const;
export type LetterKind = (typeof letterKinds)[number];

export const letterKindNames: Readonly<Record<LetterKind, string>> = {
  request_removal: 'Asking for a post to be taken down',
  complaints_procedure: 'How to raise a concern or complaint',
  meeting_invitation: 'An invitation to a meeting',
};

export function isLetterKind(value: string): value is LetterKind {
  return (letterKinds as readonly string[]).includes(value);
}

export const placeholders = [
  'recipientName',
  'schoolName',
  'headteacherName',
  'reference',
  'date',
  'whereSeen',
  'whenSeen',
  'meetingWhen',
  'complaintsPolicyUrl',
] as const;
export type Placeholder = (typeof placeholders)[number];

/** What each placeholder is replaced with, as the editing page explains it. */
export const placeholderMeanings: Readonly<Record<Placeholder, string>> = {
  recipientName: 'The name of the person the letter is to, as you would greet them, such as Mrs Patel',
  schoolName: 'Your school’s name',
  headteacherName: 'The Headteacher’s name',
  reference: 'The case reference, such as R-AC3D-7KLM',
  date: 'The date of the letter, such as 22 November 2026',
  whereSeen: 'Where the post was seen: the platform, page or link',
  whenSeen: 'When the post was seen, such as 20 November 2026',
  meetingWhen: 'The day, time and place of the meeting',
  complaintsPolicyUrl: 'Where to read the school’s complaints procedure: a web address',
};

/** What the letter says in a placeholder's place while its value is still to be given. */
const stillToGive: Readonly<Record<Placeholder, string>> = {
  recipientName: '[name of the person the letter is to]',
  schoolName: '[school name]',
  headteacherName: '[Headteacher’s name]',
  reference: '[case reference]',
  date: '[date of the letter]',
  whereSeen: '[where the post was seen]',
  whenSeen: '[when the post was seen]',
  meetingWhen: '[day, time and place of the meeting]',
  complaintsPolicyUrl: '[where to read the complaints procedure]',
};

/** Made-up values that show how a letter reads, for the preview on the editing page. */
export const sampleValues: Readonly<Record<Placeholder, string>> = {
  recipientName: 'Mrs Sample',
  schoolName: 'Example Primary School',
  headteacherName: 'Alex Example',
  reference: 'R-AC3D-7KLM',
  date: '22 November 2026',
  whereSeen: 'a public Facebook group for local parents',
  whenSeen: '20 November 2026',
  meetingWhen: 'Tuesday 1 December 2026 at 3.30pm, in the school office',
  complaintsPolicyUrl: 'https://example-primary.sch.uk/complaints',
};

/** The placeholders a kind of letter may use: only an invitation has a meeting to name. */
export function placeholdersFor(kind: LetterKind): readonly Placeholder[] {
  return kind === 'meeting_invitation' ? placeholders : placeholders.filter((name) => name !== 'meetingWhen');
}

export interface LetterWording {
  title: string;
  body: string;
}

/** A school's own wording for one kind of letter, as saved. */
export interface SavedLetterTemplate extends LetterWording {
  kind: LetterKind;
  updatedBy: string;
  updatedAt: Date;
}

export const standardLetters: Readonly<Record<LetterKind, LetterWording>> = {
  request_removal: {
    title: 'Request to remove a post about our school',
    body: `Dear {{recipientName}},

I am writing about a post that was seen on {{whereSeen}} on {{whenSeen}}. It refers to {{schoolName}} and to members of our school community.

I understand that people sometimes feel strongly about things that happen at school, and I want to hear about any concern you have. Posting about the school, our staff or our pupils in public is not the way to resolve it, however, and it can cause real distress, particularly to children.

I am therefore asking you to remove the post as soon as you receive this letter, and not to post about the school or anyone in it in this way again. If you have a concern, please raise it with me directly, so that we can look into it properly under our complaints procedure.

If the post is not removed, the school may report it to the site it appears on, and we will consider what further steps are open to us.

Thank you for your help with this. Please quote our reference, {{reference}}, if you contact the school about this letter.`,
  },
  complaints_procedure: {
    title: 'How to raise a concern or complaint with the school',
    body: `Dear {{recipientName}},

Thank you for telling us about your concern. I want it to be dealt with fairly and as quickly as possible, so I am writing to explain how you can raise it with us.

Most concerns are settled quickly by talking to your child’s class teacher or to me. If you would like to do that, please contact the school office and we will arrange a time.

If you are not satisfied after that, you can make a formal complaint. Our complaints procedure explains each stage, who will look at your complaint and how long each stage should take. You can read it at {{complaintsPolicyUrl}}, or ask the school office for a printed copy.

We ask that concerns are raised with the school rather than on social media. This lets us look into them properly, and protects the privacy of the children and staff involved.

Please quote our reference, {{reference}}, when you contact us.`,
  },
  meeting_invitation: {
    title: 'Invitation to a meeting',
    body: `Dear {{recipientName}},

I would like to invite you to a meeting at {{schoolName}} on {{meetingWhen}}, to talk about a recent matter involving social media and our school community.

The meeting is a chance for us to listen to each other and agree a way forward. You are welcome to bring a friend or family member with you for support.

If this time does not suit you, please contact the school office as soon as you can and we will find another. If you need anything to help you take part, such as an interpreter or step-free access, please let us know.

Please quote our reference, {{reference}}, when you contact us.`,
  },
};

export const maxTitleLength = 150;
export const maxBodyLength = 10_000;

type Piece = { text: string } | { placeholder: string; written: string };

/** The template cut into text and `{{…}}` pieces; `problem` for the first piece that cannot be read. */
function piecesOf(text: string): { pieces: Piece[]; problems: string[] } {
  const pieces: Piece[] = [];
  const problems: string[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    const stray = text.indexOf('}}', at);
    if (stray !== -1 && (open === -1 || stray < open)) {
      problems.push(`Remove the “}}” after “${excerpt(text, stray)}”, or put “{{” and a placeholder name before it`);
      pieces.push({ text: text.slice(at, stray + 2) });
      at = stray + 2;
      continue;
    }
    if (open === -1) {
      pieces.push({ text: text.slice(at) });
      break;
    }
    pieces.push({ text: text.slice(at, open) });
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      const start = /^\{\{\S{0,30}/.exec(text.slice(open))![0];
      problems.push(`Close the placeholder that starts “${start}” with “}}”, or remove its “{{”`);
      pieces.push({ text: text.slice(open, open + 2) });
      at = open + 2;
      continue;
    }
    const written = text.slice(open, close + 2);
    pieces.push({ placeholder: text.slice(open + 2, close).trim(), written });
    at = close + 2;
  }
  return { pieces, problems };
}

const excerpt = (text: string, end: number) => {
  const before =
    text
      .slice(Math.max(0, end - 20), end)
      .split('\n')
      .pop() ?? '';
  return before.trim() === '' ? 'the start of the line' : before.trimStart();
};

/**
 * What is wrong with the placeholders in a title or body, each saying what to fix; empty when
 * every `{{…}}` is closed and names a placeholder this letter may use.
 */
export function templateProblems(text: string, allowed: readonly Placeholder[] = placeholders): string[] {
  const { pieces, problems } = piecesOf(text);
  const unknown = new Set<string>();
  for (const piece of pieces) {
    if (!('placeholder' in piece) || (allowed as readonly string[]).includes(piece.placeholder)) continue;
    if (unknown.has(piece.written)) continue;
    unknown.add(piece.written);
    if (piece.placeholder === '') {
      problems.push('Put a placeholder name between “{{” and “}}”, or remove them');
    } else if ((placeholders as readonly string[]).includes(piece.placeholder)) {
      problems.push(`Remove ${piece.written}: this letter cannot use it`);
    } else {
      problems.push(
        `Change or remove ${piece.written}: it is not a placeholder Footprint can fill. Use one of the placeholders listed`,
      );
    }
  }
  return problems;
}

export type LetterValues = Partial<Record<Placeholder, string>>;

export interface FilledLetter extends LetterWording {
  /** Placeholders used but given no value, in the order they first appear; the letter is not ready until this is empty. */
  missing: Placeholder[];
}

const isPlaceholder = (name: string): name is Placeholder => (placeholders as readonly string[]).includes(name);

/** A value as it goes into a letter: on one line, and with no braces to be read as a placeholder. */
const cleaned = (value: string | undefined) => (value ?? '').replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();

/**
 * The wording with every placeholder replaced by its value. A placeholder without a value is
 * listed in `missing` and shows, in square brackets, what it stands for.
 */
export function fillLetter(wording: LetterWording, values: LetterValues): FilledLetter {
  const missing: Placeholder[] = [];
  const fill = (text: string) =>
    piecesOf(text)
      .pieces.map((piece) => {
        if ('text' in piece) return piece.text;
        if (!isPlaceholder(piece.placeholder)) return '';
        const value = cleaned(values[piece.placeholder]);
        if (value !== '') return value;
        if (!missing.includes(piece.placeholder)) missing.push(piece.placeholder);
        return stillToGive[piece.placeholder];
      })
      .join('')
      // Only a template with problems has braces left over: they are never printed in pairs.
      .replace(/\{\{+/g, '{')
      .replace(/\}\}+/g, '}');
  return { title: fill(wording.title), body: fill(wording.body), missing };
}

/** The body as the paragraphs it was written in: split at blank lines. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

export type LetterFormErrors = Partial<Record<keyof LetterWording, string>>;

/** A school's wording as typed on the editing page, or what to correct. */
export function readLetterWording(
  kind: LetterKind,
  typed: LetterWording,
): { ok: true; wording: LetterWording } | { ok: false; errors: LetterFormErrors } {
  const title = typed.title.trim();
  const body = typed.body.replace(/\r\n/g, '\n').trim();
  const allowed = placeholdersFor(kind);
  const errors: LetterFormErrors = {};
  if (title === '') errors.title = 'Enter a title for the letter';
  else if (title.length > maxTitleLength) errors.title = `Shorten the title to ${maxTitleLength} characters or fewer`;
  else {
    const problems = templateProblems(title, allowed);
    if (problems.length > 0) errors.title = `In the title: ${problems.join('. ')}`;
  }
  if (body === '') errors.body = 'Enter the wording of the letter';
  else if (body.length > maxBodyLength) errors.body = `Shorten the letter to ${maxBodyLength} characters or fewer`;
  else {
    const problems = templateProblems(body, allowed);
    if (problems.length > 0) errors.body = problems.join('. ');
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, wording: { title, body } };
}

/** A letter's date as it is written at the top: "22 November 2026", on the day it is in the UK. */
export function letterDate(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(at);
}
