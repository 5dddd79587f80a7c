// Moving every sealed secret to a new master key, in one unit of work across schools (key
// rotation is the one command that rightly reaches every school at once): escrowed logins have
// their data keys wrapped again, and every other sealed secret (authenticator keys, single
// sign-on client secrets) likewise. Before the unit commits, each record is opened with the new
// key alone; if any fails, nothing is changed. Only counts come back: never a secret.
import { AppError } from '../errors.ts';
import type { Adapters } from './ports.ts';

type Deps = Pick<Adapters, 'units' | 'crypto'>;

export interface RotationReport {
  escrowedLogins: number;
  authenticatorKeys: number;
  signOnSecrets: number;
}

export class RotationFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RotationFailedError';
  }
}

export function createKeyService({ units, crypto }: Deps) {
  return {
    async rotate(newKey: Uint8Array): Promise<RotationReport> {
      const rotation = crypto.rotateTo(newKey);
      if (rotation.sameKey) throw new AppError('bad_request', 'The new master key is the one already in use.');
      return units.acrossSchools(async (store) => {
        const logins = await store.officialAccounts.allLogins();
        const secrets = await store.sealedSecrets.all();
        // Rewrapping opens each data key with the current master key, so a record it cannot open
        // stops the rotation here, before anything is written.
        await store.officialAccounts.rewrapLogins(
          logins.map((login) => ({
            accountId: login.accountId,
            wrappedKey: rotation.rewrapEscrowKey(login.escrowed.wrappedKey, login.accountId),
          })),
        );
        await store.sealedSecrets.replace(
          secrets.map((value) => ({ ...value, sealed: rotation.rewrapSecret(value.sealed) })),
        );

        const loginsNow = await store.officialAccounts.allLogins();
        const secretsNow = await store.sealedSecrets.all();
        const unopened =
          loginsNow.filter((login) => !rotation.escrowOpens(login.escrowed, login.accountId)).length +
          secretsNow.filter((value) => !rotation.secretOpens(value.sealed, value.associatedData)).length;
        if (loginsNow.length !== logins.length || secretsNow.length !== secrets.length || unopened > 0) {
          throw new RotationFailedError(
            `${unopened} sealed record(s) did not open with the new key after rewrapping, so nothing was changed.`,
          );
        }
        return {
          escrowedLogins: loginsNow.length,
          authenticatorKeys: secretsNow.filter((value) => value.kind !== 'sign_on').length,
          signOnSecrets: secretsNow.filter((value) => value.kind === 'sign_on').length,
        };
      });
    },
  };
}

export type KeyService = ReturnType<typeof createKeyService>;
