// Letters to parents about an incident. The Headteacher and the DSL keep the school's wording of
// each kind of letter; a case fills one in (`draftLetter`) and prints it (`letterPdf`). Printing
// is refused while any placeholder the letter uses has no value, so no letter goes out with a gap.
import { accessRolesOf } from '../domain/access/roles.ts';
import { displayName } from '../domain/community/people.ts';
import type { School } from '../domain/community/school.ts';
import {
  fillLetter,
  isLetterKind,
  letterDate,
  letterKindNames,
  letterKinds,
  paragraphsOf,
  readLetterWording,
  sampleValues,
  standardLetters,
  type FilledLetter,
  type LetterFormErrors,
  type LetterKind,
  type LetterValues,
  type LetterWording,
  type Placeholder,
} from '../domain/incidents/letters.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import type { Adapters, LetterToPrint, SchoolStore } from './ports.ts';

/** One kind of letter as the school will send it: its own wording, or the standard one. */
export interface LetterTemplateView extends LetterWording {
  kind: LetterKind;
  /** What the letter is for, in a few words. */
  name: string;
  /** True when the school has its own wording; false while it uses the standard one. */
  edited: boolean;
  updatedAt?: Date;
}

export type TemplateSaved = { ok: true } | { ok: false; errors: LetterFormErrors };

export interface LetterDraft extends FilledLetter {
  kind: LetterKind;
}

export interface LetterPdfRequest {
  kind: LetterKind;
  values: LetterValues;
  /** The recipient's postal address, a line each, under their name. */
  recipientAddress?: readonly string[];
  /** Who signs; the school's Headteacher unless given. */
  signedBy?: { name: string; role: string };
  /** Wording changed for this one letter; the school's template unless given. */
  wording?: LetterWording;
}

export type LetterPrinted = { ok: true; pdf: Uint8Array; letter: LetterDraft } | { ok: false; missing: Placeholder[] };

/** A letter filled from the school's records and ready to print, or what it still lacks. */
export type LetterReady =
  { ok: true; letter: LetterDraft; print: LetterToPrint } | { ok: false; missing: Placeholder[] };

/** A kind of letter in the school's wording if it has saved one, the standard wording if not. */
function viewOf(
  kind: LetterKind,
  saved: { title: string; body: string; updatedAt: Date } | undefined,
): LetterTemplateView {
  const wording = saved ?? standardLetters[kind];
  return {
    kind,
    name: letterKindNames[kind],
    title: wording.title,
    body: wording.body,
    edited: saved !== undefined,
    ...(saved && { updatedAt: saved.updatedAt }),
  };
}

export function createLetterService({
  units,
  clock,
  letterPrinter,
}: Pick<Adapters, 'units' | 'clock' | 'letterPrinter'>) {
  async function wordingOf(store: SchoolStore, kind: LetterKind): Promise<LetterTemplateView> {
    return viewOf(kind, await store.letterTemplates.find(kind));
  }

  /** The name of the school's Headteacher, from the accounts that hold the role; undefined if none does. */
  async function headteacherOf(store: SchoolStore): Promise<string | undefined> {
    const holder = (await store.accounts.holders()).find(
      ({ account, person }) =>
        !account.disabledAt &&
        accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }).includes('headteacher'),
    );
    return holder && displayName(holder.person);
  }

  /** The values a school supplies itself: its name, today's date and its Headteacher, unless given. */
  async function withSchoolValues(store: SchoolStore, school: School, values: LetterValues): Promise<LetterValues> {
    const headteacherName = values.headteacherName ?? (await headteacherOf(store));
    return {
      schoolName: school.name,
      date: letterDate(clock.now()),
      ...(headteacherName !== undefined && { headteacherName }),
      ...values,
    };
  }

  async function draft(
    store: SchoolStore,
    school: School,
    kind: LetterKind,
    values: LetterValues,
    wording?: LetterWording,
  ) {
    const filled = await withSchoolValues(store, school, values);
    const letter = fillLetter(wording ?? (await wordingOf(store, kind)), filled);
    return { letter: { kind, ...letter }, values: filled };
  }

  /**
   * The school's letter of this kind filled from the case and laid out for the printer, read in the
   * caller's unit of work; print it (`print`) once the unit is done. Refused while any placeholder
   * the letter uses has no value.
   */
  async function letterFor(store: SchoolStore, school: School, request: LetterPdfRequest): Promise<LetterReady> {
    const { letter, values } = await draft(store, school, request.kind, request.values, request.wording);
    // The letter is addressed to someone and signed by someone, whether or not its wording names them.
    const missing = [...letter.missing];
    const absent = (name: Placeholder) => !values[name]?.trim() && !missing.includes(name);
    if (absent('recipientName')) missing.push('recipientName');
    if (!request.signedBy && absent('headteacherName')) missing.push('headteacherName');
    if (missing.length > 0) return { ok: false, missing };
    const { address } = school;
    return {
      ok: true,
      letter,
      print: {
        schoolName: school.name,
        schoolAddress: [address.line1, ...(address.line2 ? [address.line2] : []), address.town, address.postcode],
        date: values.date ?? letterDate(clock.now()),
        ...(values.reference && { reference: values.reference }),
        recipient: {
          name: values.recipientName ?? '',
          ...(request.recipientAddress && { address: request.recipientAddress }),
        },
        title: letter.title,
        paragraphs: paragraphsOf(letter.body),
        signOff: request.signedBy ?? { name: values.headteacherName ?? '', role: 'Headteacher' },
      },
    };
  }

  /** Lays the letter out as a PDF: slow work, never done inside a unit of work. */
  async function print(ready: LetterReady & { ok: true }): Promise<Uint8Array> {
    return letterPrinter.print({ ...ready.print, createdAt: clock.now() });
  }

  /** One unit in the school named: a letter is drafted for a school given by its id. */
  function inSchoolNamed<T>(schoolId: string, work: (store: SchoolStore, school: School) => Promise<T>): Promise<T> {
    return units.acrossSchools(async (across) => {
      const school = await across.schools.findById(schoolId);
      if (!school) throw new AppError('not_found');
      return work(await across.enterSchool(schoolId), school);
    });
  }

  /** The entry on the audit log for a change to the school's wording, in the same unit as the change. */
  async function audited(
    store: SchoolStore,
    viewer: Viewer,
    kind: LetterKind,
    change: 'saved' | 'standard_wording',
    at: Date,
  ): Promise<void> {
    await store.audit.append({
      schoolId: viewer.school.id,
      actorPersonId: viewer.person.id,
      action: 'letter_template_changed',
      subject: { kind: 'letter_template', id: kind },
      details: { change },
      at,
    });
  }

  return {
    letterFor,
    print,

    /** Each kind of letter, as the school will send it. */
    async templates(viewer: Viewer): Promise<LetterTemplateView[]> {
      allow(viewer, 'manage_letter_templates');
      const saved = new Map(
        (await units.inSchool(viewer.school.id, (store) => store.letterTemplates.list())).map((t) => [t.kind, t]),
      );
      return letterKinds.map((kind) => viewOf(kind, saved.get(kind)));
    },

    /** One kind of letter; undefined for a kind Footprint does not have. */
    async template(viewer: Viewer, kind: string): Promise<LetterTemplateView | undefined> {
      allow(viewer, 'manage_letter_templates');
      return isLetterKind(kind) ? units.inSchool(viewer.school.id, (store) => wordingOf(store, kind)) : undefined;
    },

    /** Saves the school's wording, or says what to correct (nothing is saved then). */
    async saveTemplate(viewer: Viewer, kind: string, typed: LetterWording): Promise<TemplateSaved> {
      allow(viewer, 'manage_letter_templates');
      if (!isLetterKind(kind)) throw new AppError('not_found');
      const read = readLetterWording(kind, typed);
      if (!read.ok) return read;
      await units.inSchool(viewer.school.id, async (store) => {
        const now = clock.now();
        await store.letterTemplates.save({ kind, ...read.wording, updatedBy: viewer.person.id, updatedAt: now });
        await audited(store, viewer, kind, 'saved', now);
      });
      return { ok: true };
    },

    /** What would stop this wording being saved, without saving anything. */
    check(kind: string, typed: LetterWording): TemplateSaved {
      if (!isLetterKind(kind)) throw new AppError('not_found');
      const read = readLetterWording(kind, typed);
      return read.ok ? { ok: true } : read;
    },

    /** Goes back to the standard wording; false when the school was using it already. */
    async resetTemplate(viewer: Viewer, kind: string): Promise<boolean> {
      allow(viewer, 'manage_letter_templates');
      if (!isLetterKind(kind)) throw new AppError('not_found');
      return units.inSchool(viewer.school.id, async (store) => {
        if (!(await store.letterTemplates.remove(kind))) return false;
        await audited(store, viewer, kind, 'standard_wording', clock.now());
        return true;
      });
    },

    /** The wording as typed, filled with made-up values and the school's name, to show how it reads. */
    preview(viewer: Viewer, wording: LetterWording): FilledLetter {
      allow(viewer, 'manage_letter_templates');
      return fillLetter(wording, { ...sampleValues, schoolName: viewer.school.name, date: letterDate(clock.now()) });
    },

    /**
     * The school's letter of this kind filled from the case. The school's name, today's date and
     * the Headteacher's name are filled in unless given; `missing` lists what the form must still ask for.
     * The caller checks who may write to the case.
     */
    async draftLetter(schoolId: string, kind: LetterKind, values: LetterValues): Promise<LetterDraft> {
      return inSchoolNamed(schoolId, async (store, school) => (await draft(store, school, kind, values)).letter);
    },

    /** The letter printed to PDF, or the placeholders still without a value (nothing is printed then). */
    async letterPdf(schoolId: string, request: LetterPdfRequest): Promise<LetterPrinted> {
      const ready = await inSchoolNamed(schoolId, (store, school) => letterFor(store, school, request));
      if (!ready.ok) return ready;
      return { ok: true, pdf: await print(ready), letter: ready.letter };
    },
  };
}

export type LetterService = ReturnType<typeof createLetterService>;
