// Everything that reaches people by an emailed link: invitations to choose a password, password
// resets, and sign-in links for parents, carers, volunteers and visitors. A link works once and
// until it expires; using it is one conditional update, written with its audit entry.
//
// Three rules keep links from weakening sign-in: an invitation only ever sets the first password
// of an account; a reset changes the password but never signs anyone in, so the second factor is
// still asked for; and a sign-in link is only for accounts that need no second factor.
import type { Account } from '../domain/access/account.ts';
import { needsSecondFactor } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import type { School } from '../domain/community/school.ts';
import {
  expiryOf,
  invitationEmail,
  linkState,
  passwordNeededEmail,
  passwordResetEmail,
  signInLinkEmail,
  type EmailText,
  type FromSchool,
  type LinkPurpose,
  type OneTimeLink,
  type UnusableReason,
} from '../domain/links/index.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit, type AuditNote } from './audit-trail.ts';
import { MailNotSentError, type Adapters, type Store } from './ports.ts';

type Deps = Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'crypto' | 'mailer' | 'baseUrl'>;

/** The path each kind of link opens, followed by its token. */
export const linkPaths: Readonly<Record<LinkPurpose, string>> = {
  invitation: '/invitation',
  password_reset: '/reset-password',
  sign_in: '/sign-in/link',
  pupil_consent: '/links/consent',
};

export type InvitationOutcome =
  | { outcome: 'sent'; email: string }
  /** The person has no email address to send it to. */
  | { outcome: 'no_email' }
  /** They have already chosen a password: they can sign in, or reset it. */
  | { outcome: 'already_active' }
  | { outcome: 'disabled' }
  /** Another account, perhaps at another school, signs in with that address. */
  | { outcome: 'email_in_use' }
  /** The link was made but the mail server did not take the email. */
  | { outcome: 'not_sent'; problem: MailNotSentError };

/** A link that still works, with what its page may show, or why it does not. */
export type LinkCheck =
  | { usable: true; schoolId: string; accountId: string; schoolName: string; email: string }
  | { usable: false; reason: UnusableReason };

export interface Unusable {
  outcome: 'unusable';
  reason: UnusableReason;
}

export type ResetOutcome = { outcome: 'done' } | { outcome: 'problems'; problems: string[] } | Unusable;

export type LinkSignInOutcome =
  | { outcome: 'signed_in'; schoolId: string; accountId: string }
  /** The account's roles (or its authenticator app) now need a password and a code. */
  | { outcome: 'password_needed' }
  | Unusable;

/**
 * Asked for by someone not signed in. `delivery` settles once the mail server has the email (or
 * at once if none was sent), never rejecting: a problem comes back as its value, to be logged.
 * Callers answer without waiting for it, so the answer's timing says nothing about the address.
 */
export interface Requested {
  delivery: Promise<MailNotSentError | undefined>;
}

const nothingSent: Requested = { delivery: Promise.resolve(undefined) };

/** An account someone already signs in to, which an invitation must not touch. */
const isActive = (account: Account) => account.hasPassword || account.secondFactor;

export function createLinkService({ store, inTransaction, clock, crypto, mailer, baseUrl }: Deps) {
  const audit = (trx: Store, note: AuditNote, at: Date) => recordAudit(trx, note, at);
  const fromSchool = (school: School): FromSchool => ({ schoolName: school.name, schoolEmail: school.contactEmail });
  const addressOf = (purpose: LinkPurpose, token: string) => `${baseUrl}${linkPaths[purpose]}/${token}`;

  async function send(to: string, email: EmailText): Promise<MailNotSentError | undefined> {
    try {
      await mailer.send({ to, ...email });
      return undefined;
    } catch (error) {
      if (error instanceof MailNotSentError) return error;
      return new MailNotSentError('The email could not be sent.', false, { cause: error });
    }
  }

  async function newLink(trx: Store, account: Account, purpose: LinkPurpose, now: Date) {
    const { token, link } = await trx.links.create({
      schoolId: account.schoolId,
      accountId: account.id,
      purpose,
      createdAt: now,
      expiresAt: expiryOf(purpose, now),
    });
    return { url: addressOf(purpose, token), expiresAt: link.expiresAt };
  }

  /** The account behind an address, if it may receive links at all. */
  async function activeAccount(email: string) {
    const found = await store.accounts.findByEmail(email.trim().toLowerCase());
    if (!found || found.account.disabledAt) return undefined;
    const school = await store.schools.findById(found.account.schoolId);
    return school && { account: found.account, school };
  }

  /** Whether a link alone may sign this account in: only when nothing asks for a second factor. */
  async function linkMaySignIn(account: Account): Promise<'yes' | 'password_needed' | 'no_roles'> {
    const person = await store.people.find(account.schoolId, account.personId);
    const roles = person ? accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }) : [];
    if (roles.length === 0) return 'no_roles';
    return account.secondFactor || needsSecondFactor(roles) ? 'password_needed' : 'yes';
  }

  const reasonFor = (link: OneTimeLink | undefined, now: Date): UnusableReason => {
    if (!link) return 'unknown';
    const state = linkState(link, now);
    return state === 'usable' ? 'used' : state;
  };

  /** The link and its account, if the link still works and the account is open. */
  async function check(token: string, purpose: LinkPurpose): Promise<LinkCheck> {
    const now = clock.now();
    const link = await store.links.find(token, purpose);
    if (!link || linkState(link, now) !== 'usable') return { usable: false, reason: reasonFor(link, now) };
    const found = await store.accounts.find(link.schoolId, link.accountId);
    const school = await store.schools.findById(link.schoolId);
    if (!found || found.account.disabledAt || !school) return { usable: false, reason: 'unknown' };
    // An invitation is for choosing the first password; once there is one, it has done its work.
    // (Nor may it reach an account with an authenticator app: choosing a password would sign it in.)
    if (purpose === 'invitation' && isActive(found.account)) return { usable: false, reason: 'used' };
    return {
      usable: true,
      schoolId: link.schoolId,
      accountId: link.accountId,
      schoolName: school.name,
      email: found.account.email,
    };
  }

  return {
    /**
     * Invites someone of the viewer's school to choose a password, making their account if they
     * have none. A new invitation replaces any earlier one that was not used.
     */
    async invite(by: Viewer, personId: string): Promise<InvitationOutcome> {
      if (!by.capabilities.includes('manage_roles')) throw new AppError('forbidden');
      const schoolId = by.school.id;
      const person = await store.people.find(schoolId, personId);
      if (!person) throw new AppError('not_found');
      const existing = await store.accounts.ofPerson(schoolId, personId);
      if (existing?.disabledAt) return { outcome: 'disabled' };
      if (existing && isActive(existing)) return { outcome: 'already_active' };
      const email = existing?.email ?? person.email?.trim().toLowerCase();
      if (!email) return { outcome: 'no_email' };
      if (!existing && (await store.accounts.findByEmail(email))) return { outcome: 'email_in_use' };

      const now = clock.now();
      const link = await inTransaction(async (trx) => {
        const account = existing ?? (await trx.accounts.add(schoolId, { personId, email }));
        const made = await newLink(trx, account, 'invitation', now);
        await audit(
          trx,
          { schoolId, actorPersonId: by.person.id, action: 'invited', subject: { kind: 'person', id: personId } },
          now,
        );
        return made;
      });
      const problem = await send(email, invitationEmail(fromSchool(by.school), link));
      return problem ? { outcome: 'not_sent', problem } : { outcome: 'sent', email };
    },

    checkInvitation: (token: string) => check(token, 'invitation'),

    /** Uses an invitation: its account may now choose its first password. */
    async acceptInvitation(
      token: string,
    ): Promise<{ outcome: 'accepted'; schoolId: string; accountId: string } | Unusable> {
      const checked = await check(token, 'invitation');
      if (!checked.usable) return { outcome: 'unusable', reason: checked.reason };
      const now = clock.now();
      const used = await store.links.use(token, 'invitation', now);
      if (!used) return { outcome: 'unusable', reason: reasonFor(await store.links.find(token, 'invitation'), now) };
      return { outcome: 'accepted', schoolId: used.schoolId, accountId: used.accountId };
    },

    /** Sends a reset link if an open account uses this address; says nothing either way. */
    async requestPasswordReset(email: string): Promise<Requested> {
      const found = await activeAccount(email);
      if (!found) return nothingSent;
      const now = clock.now();
      const link = await inTransaction((trx) => newLink(trx, found.account, 'password_reset', now));
      return { delivery: send(found.account.email, passwordResetEmail(fromSchool(found.school), link)) };
    },

    checkPasswordReset: (token: string) => check(token, 'password_reset'),

    /**
     * Sets a new password with a reset link, and signs the account out everywhere. It signs
     * nobody in: the person then signs in with the new password, and their code if they use one.
     */
    async resetPassword(token: string, password: string): Promise<ResetOutcome> {
      const checked = await check(token, 'password_reset');
      if (!checked.usable) return { outcome: 'unusable', reason: checked.reason };
      const { schoolId, accountId, email } = checked;
      const found = await store.accounts.find(schoolId, accountId);
      const person = found && (await store.people.find(schoolId, found.account.personId));
      const problems = crypto.passwords.check(password, {
        email,
        name: person ? `${person.givenName} ${person.familyName}` : undefined,
      });
      if (problems.length > 0) return { outcome: 'problems', problems };
      const passwordHash = await crypto.passwords.hash(password);
      const now = clock.now();
      return inTransaction(async (trx): Promise<ResetOutcome> => {
        const used = await trx.links.use(token, 'password_reset', now);
        if (!used)
          return { outcome: 'unusable', reason: reasonFor(await trx.links.find(token, 'password_reset'), now) };
        await trx.accounts.change(schoolId, accountId, { passwordHash }, now);
        await trx.sessions.destroyAllOf(schoolId, accountId);
        await audit(trx, { schoolId, actorPersonId: found?.account.personId ?? null, action: 'password_reset' }, now);
        return { outcome: 'done' };
      });
    },

    /**
     * Sends a sign-in link if an open account uses this address and needs no second factor; to
     * one that does, an email saying to sign in with the password instead. Says nothing either way.
     */
    async requestSignInLink(email: string): Promise<Requested> {
      const found = await activeAccount(email);
      if (!found) return nothingSent;
      const { account, school } = found;
      const may = await linkMaySignIn(account);
      if (may === 'no_roles') return nothingSent;
      if (may === 'password_needed') {
        const addresses = { signInUrl: `${baseUrl}/sign-in`, forgotPasswordUrl: `${baseUrl}/forgot-password` };
        return { delivery: send(account.email, passwordNeededEmail(fromSchool(school), addresses)) };
      }
      const now = clock.now();
      const link = await inTransaction((trx) => newLink(trx, account, 'sign_in', now));
      return { delivery: send(account.email, signInLinkEmail(fromSchool(school), link)) };
    },

    checkSignInLink: (token: string) => check(token, 'sign_in'),

    /** Uses a sign-in link, checking again that the account's roles still allow signing in by link. */
    async signInWithLink(token: string): Promise<LinkSignInOutcome> {
      const checked = await check(token, 'sign_in');
      if (!checked.usable) return { outcome: 'unusable', reason: checked.reason };
      const { schoolId, accountId } = checked;
      const found = await store.accounts.find(schoolId, accountId);
      if (!found) return { outcome: 'unusable', reason: 'unknown' };
      if ((await linkMaySignIn(found.account)) !== 'yes') return { outcome: 'password_needed' };
      const now = clock.now();
      return inTransaction(async (trx): Promise<LinkSignInOutcome> => {
        const used = await trx.links.use(token, 'sign_in', now);
        if (!used) return { outcome: 'unusable', reason: reasonFor(await trx.links.find(token, 'sign_in'), now) };
        await audit(trx, { schoolId, actorPersonId: found.account.personId, action: 'link_sign_in' }, now);
        return { outcome: 'signed_in', schoolId, accountId };
      });
    },
  };
}

export type LinkService = ReturnType<typeof createLinkService>;
