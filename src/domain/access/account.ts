// A person's means of signing in to their school's Footprint.
import { z } from 'zod';

export interface Account {
  id: string;
  schoolId: string;
  personId: string;
  /** Lower case: the same address however it is typed. */
  email: string;
  hasPassword: boolean;
  /** Whether an authenticator app is set up (a code is asked for at every sign-in). */
  secondFactor: boolean;
  /** Whether this member of staff runs the school's Footprint. */
  schoolAdmin: boolean;
  disabledAt?: Date;
}

/** What only the sign-in itself may see: never shown, never logged. */
export interface AccountSecrets {
  passwordHash?: string;
  totpSecret?: string;
  totpPendingSecret?: string;
  totpLastStep?: number;
}

export const signInEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter an email address in the right format, such as name@example.com'));

/** What a browser's session remembers, kept on the server: the cookie holds only its id. */
export interface SessionRecord {
  schoolId?: string;
  accountId?: string;
  data: Record<string, unknown>;
  startedAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}
