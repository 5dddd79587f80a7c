// The declarations register: staff, governors and volunteers declare relationships the policy
// asks about and see their own; the Headteacher decides on each, and the DSL can read them all.
// Nobody decides on their own: the Headteacher's declarations go to the chair of governors, who
// sees those and no others. Reading the register is a read of a restricted record, so each read
// goes on the audit log.
import type { CheckRegister } from '../domain/check/register.ts';
import { can } from '../domain/access/capabilities.ts';
import { accessRolesOf, type AccessRole } from '../domain/access/roles.ts';
import { schoolDay } from '../domain/calendar/school-day.ts';
import { displayName } from '../domain/community/people.ts';
import { pupilLabel } from '../domain/community/pupils.ts';
import { isRecordId } from '../domain/ids.ts';
import {
  daysAfter,
  declaredAnswerOf,
  deciderFor,
  decisionRefusal,
  declineReasonProblem,
  mayRead,
  readDeclarationForm,
  reviewDateProblem,
  reviewDigestEmail,
  reviewNoticeDays,
  type Decider,
  type DeclarationErrors,
  type DeclarationFormValues,
  type Declaration,
  type DeclaredAnswer,
} from '../domain/registers/declarations.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import type { Adapters, RegisterEntry, SchoolStore } from './ports.ts';
import { today } from './today.ts';

/** Enough for any school's roll; the form lists them to choose from. */
const listLimit = 5000;

export interface Choice {
  id: string;
  name: string;
}

/** A decision made, or why not: `refused` when the person may not decide on this declaration at all. */
export type Decided = { ok: true } | { ok: false; error: string; refused?: true };

/** A declaration as the register shows it to someone who may read it. */
export type ReviewEntry = RegisterEntry & {
  /** Who decides on it: the chair of governors for the Headteacher's own. */
  decider: Decider;
  /** Why the reader may not approve or decline it, or nothing when they may. */
  refusal?: string;
};

/** Whom the school has to decide on declarations. */
interface Deciders {
  /** Everyone holding the Headteacher's duty, so that their declarations go to the chair. */
  headteacherIds: ReadonlySet<string>;
  /** Addresses of enabled accounts, for reminders. */
  emails: Readonly<Record<Decider, string[]>>;
}

/** The other one in a relationship: a pupil, or a parent or carer, chosen from the school's people. */
export interface Counterpart {
  pupilId?: string;
  parentId?: string;
}

async function decidersOf(store: SchoolStore): Promise<Deciders> {
  const headteacherIds = new Set<string>();
  const emails: Record<Decider, string[]> = { headteacher: [], chair_of_governors: [] };
  for (const { account, person } of await store.accounts.holders()) {
    const roles = accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin });
    if (roles.includes('headteacher')) headteacherIds.add(person.id);
    if (account.disabledAt) continue;
    for (const decider of ['headteacher', 'chair_of_governors'] as const) {
      if (roles.includes(decider)) emails[decider].push(account.email);
    }
  }
  return { headteacherIds, emails };
}

function asReviewed(viewer: Viewer, found: RegisterEntry, deciders: Deciders): ReviewEntry {
  const byHead = deciders.headteacherIds.has(found.declaration.personId);
  const refusal = decisionRefusal({ personId: viewer.person.id, roles: viewer.roles }, found.declaration, byHead);
  return { ...found, decider: deciderFor(byHead), ...(refusal !== undefined && { refusal }) };
}

/**
 * A declaration of the viewer's school that they may read (the chair: only the Headteacher's);
 * undefined for any other, so that its existence is not given away.
 */
async function entry(store: SchoolStore, viewer: Viewer, id: string): Promise<ReviewEntry | undefined> {
  if (!isRecordId(id)) return undefined;
  const found = await store.declarations.find(id);
  if (!found) return undefined;
  const deciders = await decidersOf(store);
  if (!mayRead(viewer.roles, deciders.headteacherIds.has(found.declaration.personId))) return undefined;
  return asReviewed(viewer, found, deciders);
}

/**
 * What the register says, on `day`, of a relationship between someone and a pupil or a parent:
 * approved (and not past its review), declared and waiting, or nothing in force. In the caller's
 * unit, for a service that weighs it among its own work (assessing a case).
 */
export async function declaredRelationship(
  store: SchoolStore,
  personId: string,
  other: Counterpart,
  day: string,
): Promise<DeclaredAnswer> {
  const answers = (await store.declarations.of(personId))
    .map((found) => found.declaration)
    .filter(
      (declaration) =>
        (declaration.kind === 'family_link' && declaration.pupilId === other.pupilId) ||
        (declaration.kind === 'parent_friendship' &&
          declaration.parentId !== undefined &&
          declaration.parentId === other.parentId),
    )
    .map((declaration) => declaredAnswerOf(declaration, day));
  return answers.includes('approved') ? 'approved' : answers.includes('declared') ? 'declared' : 'no';
}

const isHeadteacher = (roles: readonly AccessRole[]) => roles.includes('headteacher');

/** A review coming up, as the sweep across schools found it. */
interface Due {
  schoolId: string;
  declarationId: string;
  personId: string;
  reviewDue: string;
}

export function createDeclarationsService({
  units,
  clock,
  mailer,
  baseUrl,
}: Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl'>) {
  /**
   * Claims, in one unit, the reminders of one school's due reviews for each decider who can be
   * emailed: the claims are saved before any email goes.
   */
  function claimReminders(schoolId: string, items: readonly Due[], now: Date) {
    return units.inSchool(schoolId, async (store) => {
      const deciders = await decidersOf(store);
      const claimed: { decider: Decider; recipients: string[]; items: Due[] }[] = [];
      for (const decider of ['headteacher', 'chair_of_governors'] as const) {
        const recipients = deciders.emails[decider];
        const theirs = items.filter((item) => deciderFor(deciders.headteacherIds.has(item.personId)) === decider);
        if (recipients.length === 0 || theirs.length === 0) continue;
        const won: Due[] = [];
        for (const item of theirs) {
          if (await store.declarations.claimReminder(item.declarationId, item.reviewDue, now)) won.push(item);
        }
        if (won.length > 0) claimed.push({ decider, recipients, items: won });
      }
      return claimed;
    });
  }

  return {
    /**
     * The viewer's own declarations, newest first; who decides on them; and whether that person is
     * missing (the Headteacher's wait when the school has no chair of governors who can sign in).
     */
    async mine(viewer: Viewer): Promise<{ entries: RegisterEntry[]; decider: Decider; deciderMissing: boolean }> {
      allow(viewer, 'declare_relationship');
      const decider = deciderFor(isHeadteacher(viewer.roles));
      return units.inSchool(viewer.school.id, async (store) => {
        const entries = await store.declarations.of(viewer.person.id);
        const deciderMissing =
          decider === 'chair_of_governors' && (await decidersOf(store)).emails.chair_of_governors.length === 0;
        return { entries, decider, deciderMissing };
      });
    },

    /** The parents and carers, and the pupils on the roll, that a declaration can name. */
    async choices(viewer: Viewer): Promise<{ parents: Choice[]; pupils: Choice[] }> {
      allow(viewer, 'declare_relationship');
      const { parents, pupils } = await units.inSchool(viewer.school.id, async (store) => ({
        parents: await store.people.list({ role: 'parent', limit: listLimit, offset: 0 }),
        pupils: await store.pupils.list({ onRollOn: today(clock), limit: listLimit, offset: 0 }),
      }));
      return {
        parents: parents.items.map((person) => ({ id: person.id, name: displayName(person) })),
        pupils: pupils.items.map((pupil) => ({
          id: pupil.id,
          name: pupilLabel(pupil),
        })),
      };
    },

    /** Records the viewer's declaration, or says what to correct. */
    async declare(
      viewer: Viewer,
      values: DeclarationFormValues,
    ): Promise<{ ok: true; declaration: Declaration } | { ok: false; errors: DeclarationErrors }> {
      allow(viewer, 'declare_relationship');
      const read = readDeclarationForm(values);
      if (!read.ok) return read;
      const schoolId = viewer.school.id;
      const declared = read.declaration;
      return units.inSchool(
        schoolId,
        async (store): Promise<{ ok: true; declaration: Declaration } | { ok: false; errors: DeclarationErrors }> => {
          if (declared.kind === 'parent_friendship' && declared.parentId !== undefined) {
            const parent = isRecordId(declared.parentId) ? await store.people.find(declared.parentId) : undefined;
            if (!parent?.roles.some((held) => held.role === 'parent')) {
              return { ok: false, errors: { parentId: 'Choose a parent or carer from the list' } };
            }
          }
          if (declared.kind === 'family_link') {
            const pupil = isRecordId(declared.pupilId) ? await store.pupils.find(declared.pupilId) : undefined;
            if (!pupil) return { ok: false, errors: { pupilId: 'Choose a pupil from the list' } };
          }
          const now = clock.now();
          const declaration = await store.declarations.add(viewer.person.id, declared, now);
          await store.audit.append({
            schoolId,
            at: now,
            actorPersonId: viewer.person.id,
            action: 'declaration_made',
            subject: { kind: 'declaration', id: declaration.id },
            details: { kind: declaration.kind },
          });
          return { ok: true, declaration };
        },
      );
    },

    /**
     * The register as far as the viewer may read it: the whole of it for the Headteacher and the
     * DSL, the Headteacher's own declarations for the chair of governors. The read is audited, in
     * the same unit. `chairMissing` says the school has no chair of governors who can sign in to
     * decide on the Headteacher's declarations.
     */
    async register(viewer: Viewer): Promise<{ entries: ReviewEntry[]; chairMissing: boolean }> {
      allow(viewer, 'review_declarations');
      const schoolId = viewer.school.id;
      return units.inSchool(schoolId, async (store) => {
        const deciders = await decidersOf(store);
        const entries = (await store.declarations.register())
          .filter((found) => mayRead(viewer.roles, deciders.headteacherIds.has(found.declaration.personId)))
          .map((found) => asReviewed(viewer, found, deciders));
        await store.audit.append({
          schoolId,
          at: clock.now(),
          actorPersonId: viewer.person.id,
          action: 'record_read',
          subject: { kind: 'declaration_register', id: schoolId },
          details: { count: entries.length },
        });
        return { entries, chairMissing: deciders.emails.chair_of_governors.length === 0 };
      });
    },

    /** Whether the school has a chair of governors who can sign in, to decide on the Headteacher's. */
    async chairMissing(viewer: Viewer): Promise<boolean> {
      allow(viewer, 'review_declarations');
      const deciders = await units.inSchool(viewer.school.id, decidersOf);
      return deciders.emails.chair_of_governors.length === 0;
    },

    /**
     * One declaration of the viewer's school that they may read; the read is audited, in the same
     * unit. Undefined for any other, and, for the chair of governors, for anyone's but the Headteacher's.
     */
    async read(viewer: Viewer, id: string): Promise<ReviewEntry | undefined> {
      allow(viewer, 'review_declarations');
      return units.inSchool(viewer.school.id, async (store) => {
        const found = await entry(store, viewer, id);
        if (found) {
          await store.audit.append({
            schoolId: viewer.school.id,
            at: clock.now(),
            actorPersonId: viewer.person.id,
            action: 'record_read',
            subject: { kind: 'declaration', id: found.declaration.id },
          });
        }
        return found;
      });
    },

    /** Approves a declaration until its review date; undefined when the school has no such declaration. */
    async approve(viewer: Viewer, id: string, reviewDue: string): Promise<Decided | undefined> {
      allow(viewer, 'approve_declarations');
      const now = clock.now();
      const problem = reviewDateProblem(reviewDue, schoolDay(now));
      const schoolId = viewer.school.id;
      return units.inSchool(schoolId, async (store): Promise<Decided | undefined> => {
        const found = await entry(store, viewer, id);
        if (!found) return undefined;
        if (found.refusal) return { ok: false, error: found.refusal, refused: true };
        if (problem) return { ok: false, error: problem };
        const decided = await store.declarations.decide(id, {
          status: 'approved',
          byPersonId: viewer.person.id,
          at: now,
          reviewDue,
        });
        if (!decided) return { ok: false, error: 'This declaration was declined, so it cannot be approved now' };
        await store.audit.append({
          schoolId,
          at: now,
          actorPersonId: viewer.person.id,
          action: 'declaration_approved',
          subject: { kind: 'declaration', id },
          details: { reviewDue },
        });
        return { ok: true };
      });
    },

    /** Declines a declaration with the reason; undefined when the school has no such declaration. */
    async decline(viewer: Viewer, id: string, reason: string): Promise<Decided | undefined> {
      allow(viewer, 'approve_declarations');
      const schoolId = viewer.school.id;
      return units.inSchool(schoolId, async (store): Promise<Decided | undefined> => {
        const found = await entry(store, viewer, id);
        if (!found) return undefined;
        if (found.refusal) return { ok: false, error: found.refusal, refused: true };
        const problem = declineReasonProblem(reason);
        if (problem) return { ok: false, error: problem };
        const now = clock.now();
        const decided = await store.declarations.decide(id, {
          status: 'declined',
          byPersonId: viewer.person.id,
          at: now,
          reason: reason.trim(),
        });
        if (!decided) return { ok: false, error: 'This declaration has already been declined' };
        // The reason stays with the declaration: the log keeps ids, never what people wrote.
        await store.audit.append({
          schoolId,
          at: now,
          actorPersonId: viewer.person.id,
          action: 'declaration_declined',
          subject: { kind: 'declaration', id },
        });
        return { ok: true };
      });
    },

    /**
     * The viewer's own declarations, for "Check the policy" to ask which of the people named on them
     * a question is about; undefined when they have none (or may not declare), so it does not ask.
     */
    async forCheck(viewer: Viewer): Promise<CheckRegister | undefined> {
      if (!can(viewer.roles, 'declare_relationship')) return undefined;
      const own = await units.inSchool(viewer.school.id, (store) => store.declarations.of(viewer.person.id));
      return own.length === 0 ? undefined : { own, today: today(clock) };
    },

    /**
     * Emails the declarations whose review falls in the next 14 days to whoever decides on them: the
     * Headteacher, or the chair of governors for the Headteacher's own (which wait when the school
     * has no chair). Once per declaration and review date: each is claimed before the email goes,
     * and given back if it could not go. A background job calls this daily. Returns how many went.
     */
    async sendReviewReminders(now: Date = clock.now()): Promise<number> {
      const day = schoolDay(now);
      const { bySchool, schools } = await units.acrossSchools(async (store) => {
        const bySchool = new Map<string, Due[]>();
        for (const item of await store.declarations.dueForReview(day, daysAfter(day, reviewNoticeDays))) {
          bySchool.set(item.schoolId, [...(bySchool.get(item.schoolId) ?? []), item]);
        }
        const schools = new Map<string, { name: string }>();
        for (const schoolId of bySchool.keys()) {
          const school = await store.schools.findById(schoolId);
          if (school) schools.set(schoolId, school);
        }
        return { bySchool, schools };
      });
      let sent = 0;
      let failure: Error | undefined;
      for (const [schoolId, items] of bySchool) {
        const school = schools.get(schoolId);
        if (!school) continue;
        for (const { decider, recipients, items: claimed } of await claimReminders(schoolId, items, now)) {
          const email = reviewDigestEmail(school, claimed, `${baseUrl}/declarations/review`, decider);
          try {
            for (const to of recipients) {
              await mailer.send({ to, ...email });
              sent += 1;
            }
          } catch (error) {
            await units.inSchool(schoolId, async (store) => {
              for (const item of claimed) await store.declarations.releaseReminder(item.declarationId, item.reviewDue);
            });
            failure ??=
              error instanceof Error ? error : new Error('A review digest could not be sent', { cause: error });
          }
        }
      }
      if (failure !== undefined) throw failure;
      return sent;
    },
  };
}

export type DeclarationsService = ReturnType<typeof createDeclarationsService>;
