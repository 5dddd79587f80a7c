import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { checkNewPassword } from '../../../src/adapters/crypto/password-policy.ts';

const jane = { email: 'jane.smith@oakfield.example.org', name: 'Jane Smith' };
const tooCommon = 'This password is too common: choose one that is harder to guess';
const personal = 'Choose a password that is not based on your name or email address';

const longest = 'the quick brown fox jumps over the lazy dog '.repeat(3).slice(0, 128);

describe('A new password', () => {
  it.each(['purple walrus in a teapot', 'Tr4in-st4tion', '8 chars!', 'ŝƿ€ćïåł ĉħāŕş', longest])(
    'will do: %j',
    (password) => {
      expect(checkNewPassword(password, jane)).toEqual([]);
    },
  );

  it('must be at least 8 characters, counting characters rather than UTF-16 units', () => {
    expect(checkNewPassword('short12', jane)).toEqual(['Choose a password of at least 8 characters']);
    expect(checkNewPassword('', {})).toEqual(['Choose a password of at least 8 characters']);
    // Seven emoji are fourteen UTF-16 units but seven characters.
    expect(checkNewPassword('🦊🦉🐢🐝🦔🐙🦋', {})).toEqual(['Choose a password of at least 8 characters']);
  });

  it('must be at most 128 characters', () => {
    expect(checkNewPassword('x'.repeat(129), {})).toEqual(['Choose a password of 128 characters or fewer']);
    expect(checkNewPassword('🦊'.repeat(128), {})).toEqual([]);
  });

  it.each(['password', 'Password1', 'QWERTYUIOP', 'iloveyou', 'sunshine', 'football'])(
    'must not be a common password, whatever its case: %j',
    (password) => {
      expect(checkNewPassword(password, {})).toEqual([tooCommon]);
    },
  );

  it('is checked against a list of tens of thousands of common passwords, shipped with Footprint', () => {
    const common = dictionary['passwords-common'];
    expect(common.length).toBeGreaterThanOrEqual(10_000);
    const longEnough = common.filter((password) => [...password].length >= 8);
    expect(longEnough.length).toBeGreaterThanOrEqual(10_000);
    for (const password of [longEnough[0], longEnough[5000], longEnough.at(-1)]) {
      expect(checkNewPassword(password ?? '', {})).toEqual([tooCommon]);
    }
  });

  it.each(['jane.smith@oakfield.example.org', 'JaneSmith', 'jane smith', 'Jane.Smith1!', 'smith2024'])(
    "must not be the person's own name or email address: %j",
    (password) => {
      expect(checkNewPassword(password, jane)).toEqual([personal]);
    },
  );

  it('may contain a name among other words', () => {
    expect(checkNewPassword("Jane's green bicycle", jane)).toEqual([]);
  });

  it('gives every problem at once', () => {
    expect(checkNewPassword('michelle', { name: 'Michelle Obi' })).toEqual([tooCommon, personal]);
  });
});
