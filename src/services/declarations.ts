// The declarations register: staff, governors and volunteers declare relationships the policy
// asks about and see their own; the Headteacher decides on each, and the DSL can read them all.
// Reading the register is a read of a restricted record, so each read goes on the audit log.
import { can, type Capability } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { displayName } from '../domain/community/people.ts';
import {
  coverageOf,
  daysAfter,
  declineReasonProblem,
  readDeclarationForm,
  reviewDateProblem,
  reviewDigestEmail,
  reviewNoticeDays,
  type Covered,
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

export type Decided = { ok: true } | { ok: false; error: string };

export function createDeclarationsService({
  store,
  inTransaction,
  clock,
  mailer,
  baseUrl,
}: Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'mailer' | 'baseUrl'>) {
  async function headteachersOf(schoolId: string): Promise<string[]> {
    return (await store.accounts.holders(schoolId))
      .filter(
        ({ account, person }) =>
          !account.disabledAt &&
          accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }).includes('headteacher'),
      )
      .map(({ account }) => account.email);
  }

  /** The register's entry, for the Headteacher and the DSL only; undefined for anyone else's school. */
  async function entry(viewer: Viewer, id: string): Promise<RegisterEntry | undefined> {
    if (!uuidShape.test(id)) return undefined;
    return store.declarations.find(viewer.school.id, id);
  }

  return {
    /** The viewer's own declarations, newest first. */
    mine(viewer: Viewer): Promise<RegisterEntry[]> {
      allow(viewer, 'declare_relationship');
      return store.declarations.of(viewer.school.id, viewer.person.id);
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
          name: `${displayName({ givenName: pupil.legalGivenName, familyName: pupil.legalFamilyName, ...(pupil.preferredName && { preferredName: pupil.preferredName }) })}, year ${pupil.yearGroup}`,
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

    /** The school's whole register; the read is audited. */
    async register(viewer: Viewer): Promise<RegisterEntry[]> {
      allow(viewer, 'review_declarations');
      const schoolId = viewer.school.id;
      return inTransaction(async (trx) => {
        const entries = await trx.declarations.register(schoolId);
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
        return entries;
      });
    },

    /** One declaration of the viewer's school; the read is audited. Undefined for any other. */
    async read(viewer: Viewer, id: string): Promise<RegisterEntry | undefined> {
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

    /** Who the viewer's approved declarations let them be in touch with, for "Check the policy". */
    async coverFor(viewer: Viewer): Promise<Covered[]> {
      if (!can(viewer.roles, 'declare_relationship')) return [];
      const own = await store.declarations.of(viewer.school.id, viewer.person.id);
      return coverageOf(
        own.map((e) => e.declaration),
        day(clock.now()),
      );
    },

    /**
     * Emails each school's Headteacher the declarations whose review falls in the next 14 days, once
     * per declaration and review date: each is claimed before the email goes, and given back if it
     * could not go. A background job calls this daily. Returns how many emails went.
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
        const recipients = await headteachersOf(schoolId);
        if (!school || recipients.length === 0) continue;
        const claimed: typeof due = [];
        for (const item of items) {
          if (await store.declarations.claimReminder(schoolId, item.declarationId, item.reviewDue, now)) {
            claimed.push(item);
          }
        }
        if (claimed.length === 0) continue;
        const email = reviewDigestEmail(school, claimed, `${baseUrl}/declarations/review`);
        try {
          for (const to of recipients) {
            await mailer.send({ to, ...email });
            sent += 1;
          }
        } catch (error) {
          for (const item of claimed) {
            await store.declarations.releaseReminder(schoolId, item.declarationId, item.reviewDue);
          }
          failure ??= error instanceof Error ? error : new Error('A review digest could not be sent', { cause: error });
        }
      }
      if (failure !== undefined) throw failure;
      return sent;
    },
  };
}

export type DeclarationsService = ReturnType<typeof createDeclarationsService>;
