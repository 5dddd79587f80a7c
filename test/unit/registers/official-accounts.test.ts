// The risk assessment of an official account: its outcome follows the answers, with a reason for
// each thing that raised it; and requests and logins are read from forms with a message per field.
import { describe, expect, it } from 'vitest';
import {
  assessRisk,
  aYearAfter,
  readLogin,
  readRequest,
  type RiskAnswers,
  type RiskContext,
} from '../../../src/domain/registers/official-accounts.ts';

const safe: RiskAnswers = {
  visibility: 'approved',
  pupils: 'never',
  moderation: 'none_possible',
  hacked: 'protected',
  contributors: 'no',
};
const quiet: RiskContext = { audience: 'parents', commentsOn: false, interaction: 'one_way' };

describe('The risk assessment', () => {
  it('is low when nothing raises it', () => {
    expect(assessRisk(safe, quiet)).toEqual({ level: 'low', reasons: [] });
  });

  it('is medium when pupils appear unnamed on a public page', () => {
    const outcome = assessRisk({ ...safe, visibility: 'anyone', pupils: 'unnamed' }, quiet);
    expect(outcome.level).toBe('medium');
    expect(outcome.reasons).toEqual([expect.stringContaining('photo consent')]);
  });

  it('is high when pupils could be named where anyone can see them', () => {
    expect(assessRisk({ ...safe, visibility: 'anyone', pupils: 'named' }, quiet).level).toBe('high');
    expect(assessRisk({ ...safe, pupils: 'named' }, quiet).level).toBe('medium');
  });

  it('is high when people can comment and nobody checks', () => {
    const outcome = assessRisk({ ...safe, moderation: 'nobody' }, { ...quiet, commentsOn: true });
    expect(outcome).toEqual({ level: 'high', reasons: [expect.stringContaining('nobody checks')] });
    expect(assessRisk({ ...safe, moderation: 'before' }, { ...quiet, commentsOn: true }).level).toBe('low');
  });

  it('is high for two-way accounts with pupils, or one the school could not recover', () => {
    expect(
      assessRisk({ ...safe, moderation: 'before' }, { ...quiet, audience: 'pupils', interaction: 'two_way' }).level,
    ).toBe('high');
    expect(assessRisk({ ...safe, hacked: 'unprotected' }, quiet).level).toBe('high');
    expect(assessRisk({ ...safe, hacked: 'partly' }, quiet).level).toBe('medium');
  });

  it('gives every reason, highest level wins', () => {
    const outcome = assessRisk({ ...safe, hacked: 'partly', contributors: 'directly' }, quiet);
    expect(outcome.level).toBe('high');
    expect(outcome.reasons).toHaveLength(2);
  });
});

describe('Reading a request', () => {
  const fields = {
    platform: 'blog',
    address: 'https://class3.example-school.org.uk',
    purpose: 'Share Class 3 work with families',
    audience: 'parents',
    managerPersonId: 'someone',
    commentsOn: 'no',
    interaction: 'one_way',
    'risk-visibility': 'approved',
    'risk-pupils': 'unnamed',
    'risk-moderation': 'none_possible',
    'risk-hacked': 'protected',
    'risk-contributors': 'checked',
  };

  it('reads a complete request', () => {
    const read = readRequest(fields);
    expect(read).toMatchObject({ request: { platform: 'blog', commentsOn: false, risk: { pupils: 'unnamed' } } });
  });

  it('says what to fix, by field', () => {
    const read = readRequest({ ...fields, platform: 'myspace', address: '', 'risk-hacked': '', commentsOn: 'yes' });
    expect('problems' in read && Object.keys(read.problems).sort()).toEqual([
      'address',
      'platform',
      'risk-hacked',
      'risk-moderation',
    ]);
  });
});

describe('Reading a login', () => {
  it('keeps the password exactly as typed and needs a username and password', () => {
    expect(readLogin({ username: ' blog ', password: ' two words ' })).toMatchObject({
      login: { username: 'blog', password: ' two words ' },
    });
    const read = readLogin({ username: '', password: '', recoveryEmail: 'not an email' });
    expect('problems' in read && Object.keys(read.problems).sort()).toEqual(['password', 'recoveryEmail', 'username']);
  });
});

it('puts the review a year ahead, keeping to a real day', () => {
  expect(aYearAfter('2026-11-22')).toBe('2027-11-22');
  expect(aYearAfter('2028-02-29')).toBe('2029-02-28');
});
