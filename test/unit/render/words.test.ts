import { describe, expect, it } from 'vitest';
import { formatDate, formatDeadline } from '../../../src/domain/policy/render/index.ts';
import { actionWords, ownerWords } from '../../../src/domain/policy/render/vocabulary-words.ts';
import { thirdPerson } from '../../../src/domain/policy/render/words.ts';
import { actions, owners } from '../../../src/domain/policy/vocabulary.ts';

describe('dates and deadlines in words', () => {
  it.each([
    ['2019-01-24', '24 January 2019'],
    ['2020-09', 'September 2020'],
    ['2019', '2019'],
    ['2019-13', '2019-13'],
    ['soon', 'soon'],
  ])('%s reads "%s"', (date, words) => expect(formatDate(date)).toBe(words));

  it.each([
    ['P1D', 'within 1 day'],
    ['P3D', 'within 3 days'],
    ['P2W', 'within 2 weeks'],
    ['PT4H', 'within 4 hours'],
  ])('%s reads "%s"', (deadline, words) => expect(formatDeadline(deadline)).toBe(words));
});

describe('the vocabulary in words', () => {
  it('has a phrase for every action and owner, with the examples the school sees', () => {
    for (const action of actions) expect(actionWords[action]).toMatch(/^[a-z]/);
    for (const owner of owners) expect(ownerWords[owner]).toMatch(/^(the|a) /);
    expect(actionWords.notify_dsl).toBe('tell the Designated Safeguarding Lead');
    expect(ownerWords.governing_body).toBe('the governing body');
    expect(ownerWords.actor).toBe('the person concerned');
  });

  it('puts the verb of an action with a single subject', () => {
    expect(thirdPerson('tell the Headteacher')).toBe('tells the Headteacher');
    expect(thirdPerson('carry out a risk assessment')).toBe('carries out a risk assessment');
    expect(thirdPerson('refer it')).toBe('refers it');
    expect(thirdPerson('approach the parent')).toBe('approaches the parent');
    for (const action of actions) expect(thirdPerson(actionWords[action])).toMatch(/^[a-z]+s /);
  });
});
