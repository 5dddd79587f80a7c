// Everything that reaches people by an emailed link: invitations to choose a password, password
// resets, and sign-in links for parents, carers, volunteers and visitors. A link works once and
// until it expires; using it is one conditional update, written with its audit entry. A link is
// found by its token across schools, then the rest of the unit works in the link's school; an
// email goes only once the unit that made its link has committed.
//
// Three rules keep links from weakening sign-in: an invitation only ever sets the first password
// of an account; a reset changes the password but never signs anyone in, so the second factor is
// still asked for; and a sign-in link is only for accounts that need no second factor.
import type { Account } from '../domain/access/account.ts';
import { needsSecondFactor } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import type { Person } from '../domain/community/people.ts';
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
import { allow } from './allow.ts';
import type { AuditNote } from './audit-trail.ts';
import { MailNotSentError, type Adapters, type CrossSchoolUnit, type SchoolStore } from './ports.ts';

type Deps = Pick<Adapters, 'units' | 'clock' | 'crypto' | 'mailer' | 'baseUrl'>;

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

const reasonFor = (link: OneTimeLink | undefined, now: Date): UnusableReason => {
  if (!link) return 'unknown';
  const state = linkState(link, now);
  return state === 'usable' ? 'used' : state;
};

/** Whether a link alone may sign this account in: only when nothing asks for a second factor. */
function linkMaySignIn(account: Account, person: Person): 'yes' | 'password_needed' | 'no_roles' {
  const roles = accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin });
  if (roles.length === 0) return 'no_roles';
  return account.secondFactor || needsSecondFactor(roles) ? 'password_needed' : 'yes';
}

/** A link that still works, with its account, and the unit now in the link's school. */
interface Opened {
  usable: true;
  store: SchoolStore;
  link: OneTimeLink;
  account: Account;
  person: Person;
  school: School;
}

/**
 * Finds the link by its token (across schools: the token is all the person brings), then enters
 * its school for the account behind it. Usable only if the link still works and the account is open.
 */
async function openLink(
  across: CrossSchoolUnit,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<Opened | { usable: false; reason: UnusableReason }> {
  const link = await across.links.find(token, purpose);
  if (!link || linkState(link, now) !== 'usable') return { usable: false, reason: reasonFor(link, now) };
  const store = await across.enterSchool(link.schoolId);
  const held = await store.accounts.holder(link.accountId);
  if (!held || held.account.disabledAt) return { usable: false, reason: 'unknown' };
  // An invitation is for choosing the first password; once there is one, it has done its work.
  // (Nor may it reach an account with an authenticator app: choosing a password would sign it in.)
  if (purpose === 'invitation' && isActive(held.account)) return { usable: false, reason: 'used' };
  return { usable: true, store, link, ...held };
}

const asCheck = (opened: Opened | { usable: false; reason: UnusableReason }): LinkCheck =>
  opened.usable
    ? {
        usable: true,
        schoolId: opened.link.schoolId,
        accountId: opened.link.accountId,
        schoolName: opened.school.name,
        email: opened.account.email,
      }
    : opened;

/** Uses the link in its school's unit; why not, when another use won or it has just stopped working. */
async function useLink(
  store: SchoolStore,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<OneTimeLink | Unusable> {
  const used = await store.links.use(token, purpose, now);
  return used ?? { outcome: 'unusable', reason: reasonFor(await store.links.find(token, purpose), now) };
}

const isUnusable = (value: OneTimeLink | Unusable): value is Unusable => 'outcome' in value;

export function createLinkService({ units, clock, crypto, mailer, baseUrl }: Deps) {
  const audit = (store: SchoolStore, note: AuditNote, at: Date) => store.audit.append({ ...note, at });
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

  async function newLink(store: SchoolStore, account: Account, purpose: LinkPurpose, now: Date) {
    const { token, link } = await store.links.create({
      schoolId: account.schoolId,
      accountId: account.id,
      purpose,
      createdAt: now,
      expiresAt: expiryOf(purpose, now),
    });
    return { url: addressOf(purpose, token), expiresAt: link.expiresAt };
  }

  /** The account behind an address, if it may receive links at all, with the unit now in its school. */
  async function activeAccount(across: CrossSchoolUnit, email: string) {
    const found = await across.accounts.findByEmail(email.trim().toLowerCase());
    if (!found || found.account.disabledAt) return undefined;
    const store = await across.enterSchool(found.account.schoolId);
    const held = await store.accounts.holder(found.account.id);
    return held && { store, ...held };
  }

  /** The link and its account, if the link still works and the account is open. */
  const check = (token: string, purpose: LinkPurpose): Promise<LinkCheck> =>
    units.acrossSchools(async (across) => asCheck(await openLink(across, token, purpose, clock.now())));

  return {
    /**
     * Invites someone of the viewer's school to choose a password, making their account if they
     * have none. A new invitation replaces any earlier one that was not used.
     */
    async invite(by: Viewer, personId: string): Promise<InvitationOutcome> {
      allow(by, 'manage_roles');
      const schoolId = by.school.id;
      const { person, existing } = await units.inSchool(schoolId, async (store) => {
        const person = await store.people.find(personId);
        if (!person) throw new AppError('not_found');
        return { person, existing: await store.accounts.ofPerson(personId) };
      });
      if (existing?.disabledAt) return { outcome: 'disabled' };
      if (existing && isActive(existing)) return { outcome: 'already_active' };
      const email = existing?.email ?? person.email?.trim().toLowerCase();
      if (!email) return { outcome: 'no_email' };

      // A second unit: whether the address is free is asked across schools, and a unit can enter
      // a school but not come back out of it, so the address (the school's) is read first.
      const now = clock.now();
      const link = await units.acrossSchools(async (across) => {
        if (!existing && (await across.accounts.findByEmail(email))) return undefined;
        const store = await across.enterSchool(schoolId);
        const account = existing ?? (await store.accounts.add({ personId, email }));
        const made = await newLink(store, account, 'invitation', now);
        await audit(
          store,
          { schoolId, actorPersonId: by.person.id, action: 'invited', subject: { kind: 'person', id: personId } },
          now,
        );
        return made;
      });
      if (!link) return { outcome: 'email_in_use' };
      const problem = await send(email, invitationEmail(fromSchool(by.school), link));
      return problem ? { outcome: 'not_sent', problem } : { outcome: 'sent', email };
    },

    checkInvitation: (token: string) => check(token, 'invitation'),

    /** Uses an invitation: its account may now choose its first password. */
    async acceptInvitation(
      token: string,
    ): Promise<{ outcome: 'accepted'; schoolId: string; accountId: string } | Unusable> {
      return units.acrossSchools(async (across) => {
        const now = clock.now();
        const opened = await openLink(across, token, 'invitation', now);
        if (!opened.usable) return { outcome: 'unusable', reason: opened.reason };
        const used = await useLink(opened.store, token, 'invitation', now);
        if (isUnusable(used)) return used;
        return { outcome: 'accepted', schoolId: used.schoolId, accountId: used.accountId };
      });
    },

    /** Sends a reset link if an open account uses this address; says nothing either way. */
    async requestPasswordReset(email: string): Promise<Requested> {
      const now = clock.now();
      const made = await units.acrossSchools(async (across) => {
        const found = await activeAccount(across, email);
        if (!found) return undefined;
        const link = await newLink(found.store, found.account, 'password_reset', now);
        return { link, account: found.account, school: found.school };
      });
      if (!made) return nothingSent;
      return { delivery: send(made.account.email, passwordResetEmail(fromSchool(made.school), made.link)) };
    },

    checkPasswordReset: (token: string) => check(token, 'password_reset'),

    /**
     * Sets a new password with a reset link, and signs the account out everywhere. It signs
     * nobody in: the person then signs in with the new password, and their code if they use one.
     */
    async resetPassword(token: string, password: string): Promise<ResetOutcome> {
      const opened = await units.acrossSchools(async (across) => {
        const found = await openLink(across, token, 'password_reset', clock.now());
        // The store is the unit's, over once it returns: only what was read leaves it.
        return found.usable ? { usable: true as const, account: found.account, person: found.person } : found;
      });
      if (!opened.usable) return { outcome: 'unusable', reason: opened.reason };
      const { account, person } = opened;
      const problems = crypto.passwords.check(password, {
        email: account.email,
        name: `${person.givenName} ${person.familyName}`,
      });
      if (problems.length > 0) return { outcome: 'problems', problems };
      // Hashed between the two units: no transaction waits while the hash is worked out.
      const passwordHash = await crypto.passwords.hash(password);
      const now = clock.now();
      const { schoolId, id: accountId } = account;
      return units.inSchool(schoolId, async (store): Promise<ResetOutcome> => {
        const used = await useLink(store, token, 'password_reset', now);
        if (isUnusable(used)) return used;
        await store.accounts.change(accountId, { passwordHash }, now);
        await store.sessions.destroyAllOf(accountId);
        await audit(store, { schoolId, actorPersonId: account.personId, action: 'password_reset' }, now);
        return { outcome: 'done' };
      });
    },

    /**
     * Sends a sign-in link if an open account uses this address and needs no second factor; to
     * one that does, an email saying to sign in with the password instead. Says nothing either way.
     */
    async requestSignInLink(email: string): Promise<Requested> {
      const now = clock.now();
      const made = await units.acrossSchools(async (across) => {
        const found = await activeAccount(across, email);
        if (!found) return undefined;
        const { store, account, person, school } = found;
        const may = linkMaySignIn(account, person);
        const link = may === 'yes' ? await newLink(store, account, 'sign_in', now) : undefined;
        return { may, link, account, school };
      });
      if (!made || made.may === 'no_roles') return nothingSent;
      const { account, school, link } = made;
      if (!link) {
        const addresses = { signInUrl: `${baseUrl}/sign-in`, forgotPasswordUrl: `${baseUrl}/forgot-password` };
        return { delivery: send(account.email, passwordNeededEmail(fromSchool(school), addresses)) };
      }
      return { delivery: send(account.email, signInLinkEmail(fromSchool(school), link)) };
    },

    checkSignInLink: (token: string) => check(token, 'sign_in'),

    /** Uses a sign-in link, checking again that the account's roles still allow signing in by link. */
    async signInWithLink(token: string): Promise<LinkSignInOutcome> {
      return units.acrossSchools(async (across): Promise<LinkSignInOutcome> => {
        const now = clock.now();
        const opened = await openLink(across, token, 'sign_in', now);
        if (!opened.usable) return { outcome: 'unusable', reason: opened.reason };
        const { store, account } = opened;
        if (linkMaySignIn(account, opened.person) !== 'yes') return { outcome: 'password_needed' };
        const used = await useLink(store, token, 'sign_in', now);
        if (isUnusable(used)) return used;
        await audit(
          store,
          { schoolId: account.schoolId, actorPersonId: account.personId, action: 'link_sign_in' },
          now,
        );
        return { outcome: 'signed_in', schoolId: account.schoolId, accountId: account.id };
      });
    },
  };
}

export type LinkService = ReturnType<typeof createLinkService>;
