// Checking a code from someone's authenticator app, or one of their recovery codes, inside the
// caller's unit of work: at sign-in, and again before anything sensitive (step-up).
import type { Account, AccountSecrets } from '../domain/access/account.ts';
import type { Cryptography, SchoolStore } from './ports.ts';

export interface CodeCheck {
  accepted: boolean;
  how: 'authenticator' | 'authenticator_unreadable' | 'recovery_code';
}

export async function checkSecondFactor(
  store: SchoolStore,
  crypto: Cryptography,
  { account, secrets }: { account: Account; secrets: AccountSecrets },
  typed: string,
  now: Date,
): Promise<CodeCheck> {
  if (!secrets.totpSecret) return { accepted: false, how: 'authenticator' };
  const code = typed.replace(/\s+/g, '');
  if (/^\d{6}$/.test(code)) {
    let secret: string;
    try {
      secret = crypto.secrets.open(secrets.totpSecret, account.id);
    } catch {
      // Sealed under a master key this Footprint lacks (restored without it): a recovery code
      // still works, and the person can then set up their app again.
      return { accepted: false, how: 'authenticator_unreadable' };
    }
    const step = crypto.totp.verify(secret, code, now, secrets.totpLastStep);
    // Recorded in one statement, so the same code cannot be accepted twice even by racing requests.
    const accepted = step !== undefined && (await store.accounts.acceptTotpStep(account.id, step));
    return { accepted, how: 'authenticator' };
  }
  const unused = await store.accounts.unusedRecoveryCodes(account.id);
  const hash = crypto.recoveryCodes.find(typed, unused);
  const accepted = hash !== undefined && (await store.accounts.useRecoveryCode(account.id, hash, now));
  return { accepted, how: 'recovery_code' };
}
