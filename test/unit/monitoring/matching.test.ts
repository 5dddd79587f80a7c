import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, compileWatch, labels, type Mention } from '../../../src/domain/monitoring/index.ts';

const compiled = compileWatch({
  school: { names: ['Oakfield Primary School', 'Oakfield Primary', 'Oakfield'], handles: ['@OakfieldPrimary'] },
  pupils: [
    { first: 'Grace', last: 'Hill' },
    { first: 'Ruby', last: 'Sinclair' },
  ],
  staff: [{ first: 'Helen', last: 'Carter', title: 'Mrs' }],
});
const mention = (text: string, extra: Partial<Mention> = {}): Mention => ({
  id: 'm',
  text,
  source: 'manual',
  ...extra,
});
const run = (text: string, extra: Partial<Mention> = {}) => classify(mention(text, extra), compiled);

describe('finding the school', () => {
  it.each([
    'Sports day at Oakfield Primary today',
    "Oakfield Primary's sports day today",
    'OAKFIELD PRIMARY sports day!!!',
    'Sports day at Oakfeild Primary',
    'Sports day at Oakfieldd Primary',
    'Loving the #OakfieldPrimary sports day',
    '#OakfieldPrimarySportsDay was great',
    'Hey @oakfieldprimary when is sports day?',
    'The Oakfield teachers were lovely',
    "Oakfield's teachers were lovely",
    'Oakfields teachers were lovely',
    'Oakfeild teachers were lovely',
  ])('finds it in %j', (text) => {
    expect(run(text).aboutSchool).toBe(true);
  });

  it.each([
    'Roadworks on Oakfield Road again',
    'New homes planned in Oakfield village',
    'Oakfield Academy Year 11 results are out, well done students',
    'Oakfield Park run this Saturday',
    'Grace Hill baked a lovely cake',
    'A bare Oakfield with nothing else around it',
  ])('does not find it in %j', (text) => {
    expect(run(text)).toMatchObject({ aboutSchool: false, labels: [], evidence: {} });
  });

  it('takes the official account as the author, and treats a look-alike account as impersonation', () => {
    expect(run('Term dates are on the website', { author: '@OakfieldPrimary' })).toMatchObject({
      aboutSchool: true,
      labels: [],
    });
    expect(run('Pay the trip deposit via this link', { author: '@OakfieldPrimary_Office' })).toMatchObject({
      aboutSchool: true,
      labels: ['impersonation'],
    });
  });
});

describe('naming pupils', () => {
  it('names a pupil by first and last name, either order, possessive allowed', () => {
    for (const text of [
      'Grace Hill at Oakfield Primary won the race',
      "Grace Hill's medal from Oakfield Primary",
      'Hill Grace, Oakfield Primary, won the race',
    ]) {
      expect(run(text).evidence.names_child, text).toBeDefined();
    }
  });

  it('names a pupil by first name only with a capital and a school context', () => {
    expect(run('Our Grace in Year 4 at Oakfield Primary loved it').labels).toContain('names_child');
    expect(run("Grace in Mrs Carter's class at Oakfield Primary").labels).toContain('names_child');
    expect(run('Oakfield Primary: well done Grace (Y4)').labels).toContain('names_child');
  });

  it('never takes a common word for a pupil', () => {
    expect(run('Oakfield Primary gave us a grace period for the trip money').labels).not.toContain('names_child');
    expect(run('Grace and favour at Oakfield Primary').labels).not.toContain('names_child');
    expect(run('Oakfield Primary: our grace period ends Friday').labels).not.toContain('names_child');
  });

  it('looks for pupils only in posts about the school', () => {
    expect(run('Ruby Sinclair won the village show')).toMatchObject({ aboutSchool: false, labels: [] });
  });
});

describe('classifying', () => {
  it('gives every label the words that triggered it', () => {
    const result = run('Mrs Carter at Oakfield Primary slapped a child, I saw it. Disgraceful.');
    expect(result.labels).toEqual(expect.arrayContaining(['criticism', 'allegation', 'defamation_risk']));
    for (const label of result.labels) expect(result.evidence[label]?.length).toBeGreaterThan(0);
    expect(result.evidence.allegation).toContain('slapped');
  });

  it('turns negated praise into criticism and reads sarcasm', () => {
    expect(run('Not happy with Oakfield Primary').labels).toEqual(['criticism']);
    expect(run('Well done Oakfield Primary, another trip cancelled').labels).toContain('criticism');
    expect(run('Well done Oakfield Primary, another trip cancelled').labels).not.toContain('praise');
  });

  it('does not hear threats in "killing it" or "photo shoot"', () => {
    expect(run('Oakfield Primary choir absolutely killing it tonight').labels).not.toContain('threat');
    expect(run('Oakfield Primary school photo shoot on Monday').labels).not.toContain('threat');
    expect(run('I will burn Oakfield Primary down').labels).toContain('threat');
  });

  it('flags photos of pupils, not photos of the building', () => {
    expect(run('Oakfield Primary Year 2 on the trip', { hasImage: true }).labels).toContain('pupil_photo');
    expect(run('The new Oakfield Primary roof', { hasImage: true }).labels).not.toContain('pupil_photo');
  });
});

describe('properties', () => {
  const word = fc.constantFrom('the', 'rain', 'coffee', 'bus', 'lovely', 'queue', 'weekend', 'Tuesday', 'garden');
  const base = fc.constantFrom(
    'Oakfield Primary sports day was great',
    'Shocking behaviour from Oakfield Primary staff',
    '#OakfieldPrimary parents evening tonight',
    'Oakfield Road is closed',
    'I will be waiting for Mrs Carter outside Oakfield Primary',
  );

  it('adding unrelated words never makes a post stop being about the school', () => {
    fc.assert(
      fc.property(base, fc.array(word, { maxLength: 8 }), fc.array(word, { maxLength: 8 }), (text, before, after) => {
        const plain = run(text).aboutSchool;
        const padded = run(`${before.join(' ')} ${text}. ${after.join(' ')}`).aboutSchool;
        return !plain || padded;
      }),
    );
  });

  it('is deterministic and uses only the contract labels', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (text, hasImage) => {
        const first = run(`Oakfield Primary ${text}`, { hasImage });
        expect(run(`Oakfield Primary ${text}`, { hasImage })).toEqual(first);
        for (const label of first.labels) expect(labels).toContain(label);
        expect(Object.keys(first.evidence).sort()).toEqual([...first.labels].sort());
      }),
    );
  });
});
