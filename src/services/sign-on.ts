// Single sign-on with the school's Google Workspace or Microsoft Entra: the settings (changed
// only with a fresh code, the client secret sealed and never shown again), sending someone to
// their school's provider from their email domain, and matching who comes back to an account.
import { needsSecondFactor } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { domainOf, issuerOf, type SignOnSetting } from '../domain/access/sign-on.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import {
  SingleSignOnError,
  type Adapters,
  type SingleSignOnSettings,
  type SingleSignOnStart,
  type StoredSignOn,
} from './ports.ts';
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

type Deps = Pick<Adapters, 'units' | 'clock' | 'crypto' | 'singleSignOn'>;

const noAccount = 'There is no Footprint account for that address at your school. Ask your school to invite you.';

export function createSignOnService({ units, clock, crypto, singleSignOn }: Deps) {
  /** What the provider needs, the secret opened; outside any unit, as the provider is reached next. */
  function providerSettings(stored: StoredSignOn, redirectUri: string): SingleSignOnSettings {
    return {
      issuer: stored.issuer,
      clientId: stored.setting.clientId,
      clientSecret: crypto.secrets.open(stored.sealedSecret, stored.schoolId),
      redirectUri,
    };
  }

  return {
    /** The viewer's school's setting, without its secret. */
    async setting(viewer: Viewer): Promise<SignOnSetting | undefined> {
      allow(viewer, 'manage_roles');
      return (await units.inSchool(viewer.school.id, (store) => store.signOn.find()))?.setting;
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
      allow(viewer, 'manage_roles');
      const schoolId = viewer.school.id;
      // Whether another school signs on with the domain is the one look across schools; the rest
      // is the viewer's school's, in the same unit.
      return units.acrossSchools(async (across) => {
        const owner = await across.signOn.findByDomain(setting.emailDomain);
        const store = await across.enterSchool(schoolId);
        const existing = await store.signOn.find();
        if (!clientSecret && !existing) return 'secret_needed';
        if (owner && owner.schoolId !== schoolId) return 'domain_taken';
        const own = await store.accounts.find(viewer.account.id);
        if (!own) throw new AppError('forbidden');
        const now = clock.now();
        const check = await checkSecondFactor(store, crypto, own, code, now);
        if (!check.accepted) {
          await store.audit.append({
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'sign_in_failed',
            details: { step: 'step_up' },
            at: now,
          });
          return 'code_refused';
        }
        const sealedSecret = clientSecret ? crypto.secrets.seal(clientSecret, schoolId) : existing!.sealedSecret;
        await store.signOn.save({ schoolId, setting, issuer: issuerOf(setting), sealedSecret }, now);
        await store.audit.append({
          schoolId,
          actorPersonId: viewer.person.id,
          action: 'setting_changed',
          details: { setting: 'single_sign_on', provider: setting.provider },
          at: now,
        });
        return 'saved';
      });
    },

    /** Where to send someone with this address, or undefined when their school has no sign-on for it. */
    async begin(
      email: string,
      redirectUri: string,
    ): Promise<{ start: SingleSignOnStart; pending: PendingSignOn } | undefined> {
      const domain = domainOf(email);
      if (!domain) return undefined;
      const stored = await units.acrossSchools((store) => store.signOn.findByDomain(domain));
      if (!stored) return undefined;
      // The provider is asked only once the unit is over: no transaction waits on the network.
      const start = await singleSignOn.start(providerSettings(stored, redirectUri));
      const { state, nonce, codeVerifier } = start;
      return { start, pending: { schoolId: stored.schoolId, state, nonce, codeVerifier } };
    },

    /** Checks the provider's answer and finds the account of the school that sent them there. */
    async complete(pending: PendingSignOn, callbackUrl: string, redirectUri: string): Promise<SignOnOutcome> {
      const stored = await units.inSchool(pending.schoolId, (store) => store.signOn.find());
      if (!stored) return { outcome: 'refused', message: 'Your school no longer uses single sign-on.' };
      let email: string;
      try {
        const identity = await singleSignOn.finish({
          ...providerSettings(stored, redirectUri),
          callbackUrl,
          ...pending,
        });
        email = identity.email.trim().toLowerCase();
      } catch (error) {
        if (error instanceof SingleSignOnError) return { outcome: 'refused', message: error.message };
        throw error;
      }
      return units.acrossSchools(async (across): Promise<SignOnOutcome> => {
        const found = await across.accounts.findByEmail(email);
        // Only the school whose provider vouched for the address: another school's sign-on
        // cannot open an account elsewhere.
        if (found?.account.schoolId !== pending.schoolId || found.account.disabledAt) {
          return { outcome: 'refused', message: noAccount };
        }
        const { account } = found;
        const store = await across.enterSchool(account.schoolId);
        const person = await store.people.find(account.personId);
        if (!person) return { outcome: 'refused', message: 'Your account is not in use. Ask your school.' };
        const ids = { schoolId: account.schoolId, accountId: account.id };
        if (account.secondFactor) return { outcome: 'code_needed', ...ids };
        if (needsSecondFactor(accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }))) {
          return { outcome: 'second_factor_setup_needed', ...ids };
        }
        await store.audit.append({
          schoolId: account.schoolId,
          actorPersonId: account.personId,
          action: 'sign_in',
          details: { step: 'single_sign_on' },
          at: clock.now(),
        });
        return { outcome: 'signed_in', ...ids };
      });
    },
  };
}

export type SignOnService = ReturnType<typeof createSignOnService>;
