// What makes a new password acceptable, after NCSC and NIST SP 800-63B: long enough, not a
// password everyone tries first, not the person's own name or address. No rules about
// character mixes: they make passwords harder to remember, not to guess.
import { dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordContext } from '../../services/ports.ts';

export const passwordLength = { min: 8, max: 128 } as const;

let commonPasswords: ReadonlySet<string> | undefined;

// Built on first use: the list is some 49,000 passwords (already in lower case), leaked and ranked.
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  return commonPasswords.has(password.normalize('NFKC').toLowerCase());
}

const lettersAndDigits = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

function personalWords({ email, name }: PasswordContext): string[] {
  const words = [email, email?.split('@')[0], name, ...(name?.split(/\s+/) ?? [])];
  return words.map((word) => lettersAndDigits(word ?? '')).filter((word) => word.length >= 3);
}

// "JaneSmith1!" and "smith2024" are still Jane Smith: refuse a password that is one of their
// words plus four letters or digits at most.
function isPersonal(password: string, context: PasswordContext): boolean {
  const plain = lettersAndDigits(password);
  return personalWords(context).some((word) => plain.includes(word) && plain.length - word.length <= 4);
}

/** Problems with a new password, each saying what to do; empty when it will do. */
export function checkNewPassword(password: string, context: PasswordContext): string[] {
  const length = [...password].length;
  if (length < passwordLength.min) return [`Choose a password of at least ${passwordLength.min} characters`];
  if (length > passwordLength.max) return [`Choose a password of ${passwordLength.max} characters or fewer`];
  const problems: string[] = [];
  if (isCommon(password)) problems.push('This password is too common: choose one that is harder to guess');
  if (isPersonal(password, context)) problems.push('Choose a password that is not based on your name or email address');
  return problems;
}
