// Single sign-on with the school's Google Workspace or Microsoft Entra: the settings (changed
// only with a fresh code, the client secret sealed and never shown again), sending someone to
// their school's provider from their email domain, and matching who comes back to an account.
import { can, needsSecondFactor } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { domainOf, issuerOf, type SignOnSetting } from '../domain/access/sign-on.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import { SingleSignOnError, type Adapters, type SingleSignOnStart } from './ports.ts';
import { checkSecondFactor } from './second-factor.ts';

/** What the browser's session keeps while the person is at the provider. */
export interface PendingSignOn {
  schoolId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type SignOnOutcome =
  | { outcome: 'refused'; message: string }
  | { outcome: 'code_needed' | 'second_factor_setup_needed' | 'signed_in'; schoolId: string; accountId: string };

type Deps = Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'crypto' | 'singleSignOn'>;

export function createSignOnService({ store, inTransaction, clock, crypto, singleSignOn }: Deps) {
  function mustManage(viewer: Viewer): void {
    if (!can(viewer.roles, 'manage_roles')) throw new AppError('forbidden');
  }

  async function providerSettings(schoolId: string, redirectUri: string) {
    const stored = await store.signOn.find(schoolId);
    if (!stored) return undefined;
    return {
      issuer: stored.issuer,
      clientId: stored.setting.clientId,
      clientSecret: crypto.secrets.open(stored.sealedSecret, schoolId),
      redirectUri,
    };
  }

  return {
    /** The viewer's school's setting, without its secret. */
    async setting(viewer: Viewer): Promise<SignOnSetting | undefined> {
      mustManage(viewer);
      return (await store.signOn.find(viewer.school.id))?.setting;
    },

    /**
     * Saves the setting after checking the viewer's code again. A blank secret keeps the one
     * already saved. Says what is wrong instead when something is.
     */
    async save(
      viewer: Viewer,
      setting: SignOnSetting,
      clientSecret: string,
      code: string,
    ): Promise<'saved' | 'code_refused' | 'secret_needed' | 'domain_taken'> {
      mustManage(viewer);
      const schoolId = viewer.school.id;
      const existing = await store.signOn.find(schoolId);
      if (!clientSecret && !existing) return 'secret_needed';
      const owner = await store.signOn.findByDomain(setting.emailDomain);
      if (owner && owner.schoolId !== schoolId) return 'domain_taken';
      const own = await store.accounts.find(schoolId, viewer.account.id);
      if (!own) throw new AppError('forbidden');
      const now = clock.now();
      return inTransaction(async (trx) => {
        const check = await checkSecondFactor(trx, crypto, own, code, now);
        if (!check.accepted) {
          await recordAudit(
            trx,
            { schoolId, actorPersonId: viewer.person.id, action: 'sign_in_failed', details: { step: 'step_up' } },
            now,
          );
          return 'code_refused';
        }
        const sealedSecret = clientSecret ? crypto.secrets.seal(clientSecret, schoolId) : existing!.sealedSecret;
        await trx.signOn.save({ schoolId, setting, issuer: issuerOf(setting), sealedSecret }, now);
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'setting_changed',
            details: { setting: 'single_sign_on', provider: setting.provider },
          },
          now,
        );
        return 'saved';
      });
    },

    /** Where to send someone with this address, or undefined when their school has no sign-on for it. */
    async begin(
      email: string,
      redirectUri: string,
    ): Promise<{ start: SingleSignOnStart; pending: PendingSignOn } | undefined> {
      const domain = domainOf(email);
      const stored = domain ? await store.signOn.findByDomain(domain) : undefined;
      if (!stored) return undefined;
      const settings = await providerSettings(stored.schoolId, redirectUri);
      if (!settings) return undefined;
      const start = await singleSignOn.start(settings);
      const { state, nonce, codeVerifier } = start;
      return { start, pending: { schoolId: stored.schoolId, state, nonce, codeVerifier } };
    },

    /** Checks the provider's answer and finds the account of the school that sent them there. */
    async complete(pending: PendingSignOn, callbackUrl: string, redirectUri: string): Promise<SignOnOutcome> {
      const settings = await providerSettings(pending.schoolId, redirectUri);
      if (!settings) return { outcome: 'refused', message: 'Your school no longer uses single sign-on.' };
      let email: string;
      try {
        const identity = await singleSignOn.finish({ ...settings, callbackUrl, ...pending });
        email = identity.email.trim().toLowerCase();
      } catch (error) {
        if (error instanceof SingleSignOnError) return { outcome: 'refused', message: error.message };
        throw error;
      }
      const found = await store.accounts.findByEmail(email);
      // Only the school whose provider vouched for the address: another school's sign-on
      // cannot open an account elsewhere.
      if (found?.account.schoolId !== pending.schoolId || found.account.disabledAt) {
        return {
          outcome: 'refused',
          message: 'There is no Footprint account for that address at your school. Ask your school to invite you.',
        };
      }
      const { account } = found;
      const person = await store.people.find(account.schoolId, account.personId);
      if (!person) return { outcome: 'refused', message: 'Your account is not in use. Ask your school.' };
      const ids = { schoolId: account.schoolId, accountId: account.id };
      if (account.secondFactor) return { outcome: 'code_needed', ...ids };
      if (needsSecondFactor(accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }))) {
        return { outcome: 'second_factor_setup_needed', ...ids };
      }
      await inTransaction((trx) =>
        recordAudit(
          trx,
          {
            schoolId: account.schoolId,
            actorPersonId: account.personId,
            action: 'sign_in',
            details: { step: 'single_sign_on' },
          },
          clock.now(),
        ),
      );
      return { outcome: 'signed_in', ...ids };
    },
  };
}

export type SignOnService = ReturnType<typeof createSignOnService>;
