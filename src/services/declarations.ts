// The declarations register: staff, governors and volunteers declare relationships the policy
// asks about and see their own; the Headteacher decides on each, and the DSL can read them all.
// Nobody decides on their own: the Headteacher's declarations go to the chair of governors, who
// sees those and no others. Reading the register is a read of a restricted record, so each read
// goes on the audit log.
import type { CheckRegister } from '../domain/check/register.ts';
import { can, type Capability } from '../domain/access/capabilities.ts';
import { accessRolesOf, type AccessRole } from '../domain/access/roles.ts';
import { displayName } from '../domain/community/people.ts';
import { pupilLabel } from '../domain/community/pupils.ts';
import {
  daysAfter,
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
} from '../domain/registers/declarations.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import type { Adapters, RegisterEntry } from './ports.ts';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (at: Date) => at.toISOString().slice(0, 10);
/** Enough for any school's roll; the form lists them to choose from. */
const listLimit = 5000;

function allow(viewer: Viewer, capability: Capability): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}

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

export function createDeclarationsService({
  store,
  inTransaction,
  clock,
  mailer,
  baseUrl,
}: Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'mailer' | 'baseUrl'>) {
  async function decidersOf(schoolId: string): Promise<Deciders> {
    const headteacherIds = new Set<string>();
    const emails: Record<Decider, string[]> = { headteacher: [], chair_of_governors: [] };
    for (const { account, person } of await store.accounts.holders(schoolId)) {
      const roles = accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin });
      if (roles.includes('headteacher')) headteacherIds.add(person.id);
      if (account.disabledAt) continue;
      for (const decider of ['headteacher', 'chair_of_governors'] as const) {
        if (roles.includes(decider)) emails[decider].push(account.email);
      }
    }
    return { headteacherIds, emails };
  }

  const asReviewed = (viewer: Viewer, found: RegisterEntry, deciders: Deciders): ReviewEntry => {
    const byHead = deciders.headteacherIds.has(found.declaration.personId);
    const refusal = decisionRefusal({ personId: viewer.person.id, roles: viewer.roles }, found.declaration, byHead);
    return { ...found, decider: deciderFor(byHead), ...(refusal !== undefined && { refusal }) };
  };

  /**
   * A declaration of the viewer's school that they may read (the chair: only the Headteacher's);
   * undefined for any other, so that its existence is not given away.
   */
  async function entry(viewer: Viewer, id: string): Promise<ReviewEntry | undefined> {
    if (!uuidShape.test(id)) return undefined;
    const found = await store.declarations.find(viewer.school.id, id);
    if (!found) return undefined;
    const deciders = await decidersOf(viewer.school.id);
    if (!mayRead(viewer.roles, deciders.headteacherIds.has(found.declaration.personId))) return undefined;
    return asReviewed(viewer, found, deciders);
  }

  const isHeadteacher = (roles: readonly AccessRole[]) => roles.includes('headteacher');

  return {
    /**
     * The viewer's own declarations, newest first; who decides on them; and whether that person is
     * missing (the Headteacher's wait when the school has no chair of governors who can sign in).
     */
    async mine(viewer: Viewer): Promise<{ entries: RegisterEntry[]; decider: Decider; deciderMissing: boolean }> {
      allow(viewer, 'declare_relationship');
      const entries = await store.declarations.of(viewer.school.id, viewer.person.id);
      const decider = deciderFor(isHeadteacher(viewer.roles));
      const deciderMissing =
        decider === 'chair_of_governors' && (await decidersOf(viewer.school.id)).emails.chair_of_governors.length === 0;
      return { entries, decider, deciderMissing };
    },

    /** The parents and carers, and the pupils on the roll, that a declaration can name. */
    async choices(viewer: Viewer): Promise<{ parents: Choice[]; pupils: Choice[] }> {
      allow(viewer, 'declare_relationship');
      const schoolId = viewer.school.id;
      const parents = await store.people.list(schoolId, { role: 'parent', limit: listLimit, offset: 0 });
      const pupils = await store.pupils.list(schoolId, { onRollOn: day(clock.now()), limit: listLimit, offset: 0 });
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
      if (declared.kind === 'parent_friendship' && declared.parentId !== undefined) {
        const parent = uuidShape.test(declared.parentId)
          ? await store.people.find(schoolId, declared.parentId)
          : undefined;
        if (!parent?.roles.some((held) => held.role === 'parent')) {
          return { ok: false, errors: { parentId: 'Choose a parent or carer from the list' } };
        }
      }
      if (declared.kind === 'family_link') {
        const pupil = uuidShape.test(declared.pupilId)
          ? await store.pupils.find(schoolId, declared.pupilId)
          : undefined;
        if (!pupil) return { ok: false, errors: { pupilId: 'Choose a pupil from the list' } };
      }
      return inTransaction(async (trx) => {
        const now = clock.now();
        const declaration = await trx.declarations.add(schoolId, viewer.person.id, declared, now);
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'declaration_made',
            subject: { kind: 'declaration', id: declaration.id },
            details: { kind: declaration.kind },
          },
          now,
        );
        return { ok: true as const, declaration };
      });
    },

    /**
     * The register as far as the viewer may read it: the whole of it for the Headteacher and the
     * DSL, the Headteacher's own declarations for the chair of governors. The read is audited.
     * `chairMissing` says the school has no chair of governors who can sign in to decide on the
     * Headteacher's declarations.
     */
    async register(viewer: Viewer): Promise<{ entries: ReviewEntry[]; chairMissing: boolean }> {
      allow(viewer, 'review_declarations');
      const schoolId = viewer.school.id;
      const deciders = await decidersOf(schoolId);
      return inTransaction(async (trx) => {
        const entries = (await trx.declarations.register(schoolId))
          .filter((found) => mayRead(viewer.roles, deciders.headteacherIds.has(found.declaration.personId)))
          .map((found) => asReviewed(viewer, found, deciders));
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'record_read',
            subject: { kind: 'declaration_register', id: schoolId },
            details: { count: entries.length },
          },
          clock.now(),
        );
        return { entries, chairMissing: deciders.emails.chair_of_governors.length === 0 };
      });
    },

    /** Whether the school has a chair of governors who can sign in, to decide on the Headteacher's. */
    async chairMissing(viewer: Viewer): Promise<boolean> {
      allow(viewer, 'review_declarations');
      return (await decidersOf(viewer.school.id)).emails.chair_of_governors.length === 0;
    },

    /**
     * One declaration of the viewer's school that they may read; the read is audited. Undefined for
     * any other, and, for the chair of governors, for anyone's but the Headteacher's.
     */
    async read(viewer: Viewer, id: string): Promise<ReviewEntry | undefined> {
      allow(viewer, 'review_declarations');
      const found = await entry(viewer, id);
      if (found) {
        await recordAudit(
          store,
          {
            schoolId: viewer.school.id,
            actorPersonId: viewer.person.id,
            action: 'record_read',
            subject: { kind: 'declaration', id: found.declaration.id },
          },
          clock.now(),
        );
      }
      return found;
    },

    /** Approves a declaration until its review date; undefined when the school has no such declaration. */
    async approve(viewer: Viewer, id: string, reviewDue: string): Promise<Decided | undefined> {
      allow(viewer, 'approve_declarations');
      const now = clock.now();
      const problem = reviewDateProblem(reviewDue, day(now));
      const found = await entry(viewer, id);
      if (!found) return undefined;
      if (found.refusal) return { ok: false, error: found.refusal, refused: true };
      if (problem) return { ok: false, error: problem };
      return inTransaction(async (trx) => {
        const schoolId = viewer.school.id;
        const decided = await trx.declarations.decide(schoolId, id, {
          status: 'approved',
          byPersonId: viewer.person.id,
          at: now,
          reviewDue,
        });
        if (!decided) return { ok: false, error: 'This declaration was declined, so it cannot be approved now' };
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'declaration_approved',
            subject: { kind: 'declaration', id },
            details: { reviewDue },
          },
          now,
        );
        return { ok: true };
      });
    },

    /** Declines a declaration with the reason; undefined when the school has no such declaration. */
    async decline(viewer: Viewer, id: string, reason: string): Promise<Decided | undefined> {
      allow(viewer, 'approve_declarations');
      const found = await entry(viewer, id);
      if (!found) return undefined;
      if (found.refusal) return { ok: false, error: found.refusal, refused: true };
      const problem = declineReasonProblem(reason);
      if (problem) return { ok: false, error: problem };
      return inTransaction(async (trx) => {
        const schoolId = viewer.school.id;
        const now = clock.now();
        const decided = await trx.declarations.decide(schoolId, id, {
          status: 'declined',
          byPersonId: viewer.person.id,
          at: now,
          reason: reason.trim(),
        });
        if (!decided) return { ok: false, error: 'This declaration has already been declined' };
        // The reason stays with the declaration: the log keeps ids, never what people wrote.
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'declaration_declined',
            subject: { kind: 'declaration', id },
          },
          now,
        );
        return { ok: true };
      });
    },

    /**
     * The viewer's own declarations, for "Check the policy" to ask which of the people named on them
     * a question is about; undefined when they have none (or may not declare), so it does not ask.
     */
    async forCheck(viewer: Viewer): Promise<CheckRegister | undefined> {
      if (!can(viewer.roles, 'declare_relationship')) return undefined;
      const own = await store.declarations.of(viewer.school.id, viewer.person.id);
      return own.length === 0 ? undefined : { own, today: day(clock.now()) };
    },

    /**
     * Emails the declarations whose review falls in the next 14 days to whoever decides on them: the
     * Headteacher, or the chair of governors for the Headteacher's own (which wait when the school
     * has no chair). Once per declaration and review date: each is claimed before the email goes,
     * and given back if it could not go. A background job calls this daily. Returns how many went.
     */
    async sendReviewReminders(now: Date = clock.now()): Promise<number> {
      const today = day(now);
      const due = await store.declarations.dueForReview(today, daysAfter(today, reviewNoticeDays));
      const bySchool = new Map<string, typeof due>();
      for (const item of due) bySchool.set(item.schoolId, [...(bySchool.get(item.schoolId) ?? []), item]);
      let sent = 0;
      let failure: Error | undefined;
      for (const [schoolId, items] of bySchool) {
        const school = await store.schools.findById(schoolId);
        if (!school) continue;
        const deciders = await decidersOf(schoolId);
        const byDecider: Record<Decider, typeof due> = { headteacher: [], chair_of_governors: [] };
        for (const item of items) {
          const found = await store.declarations.find(schoolId, item.declarationId);
          if (found) byDecider[deciderFor(deciders.headteacherIds.has(found.declaration.personId))].push(item);
        }
        for (const decider of ['headteacher', 'chair_of_governors'] as const) {
          const recipients = deciders.emails[decider];
          if (recipients.length === 0 || byDecider[decider].length === 0) continue;
          const claimed: typeof due = [];
          for (const item of byDecider[decider]) {
            if (await store.declarations.claimReminder(schoolId, item.declarationId, item.reviewDue, now)) {
              claimed.push(item);
            }
          }
          if (claimed.length === 0) continue;
          const email = reviewDigestEmail(school, claimed, `${baseUrl}/declarations/review`, decider);
          try {
            for (const to of recipients) {
              await mailer.send({ to, ...email });
              sent += 1;
            }
          } catch (error) {
            for (const item of claimed) {
              await store.declarations.releaseReminder(schoolId, item.declarationId, item.reviewDue);
            }
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
