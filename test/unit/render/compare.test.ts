import { describe, expect, it } from 'vitest';
import { ageLimits, comparePolicies } from '../../../src/domain/policy/compare.ts';
import { comparisonToJson, comparisonToMarkdown, comparisonToText } from '../../../src/domain/policy/render/index.ts';
import { policyFrom } from './fixture.ts';

const school = (slug: string, rules: string, procedures = '') =>
  policyFrom(`
slug: ${slug}
title: ${slug} policy
issuedTo: [${slug} school]
status: published
version: '1'
audiences: [staff, parent]
sections: [{ id: A, heading: Everything }]
rules:
${rules}
procedures:
${procedures || '  []'}
`);

const alpha = school(
  'alpha',
  `
  - id: A1
    section: A
    topic: staff-parent-contact
    audience: [staff]
    modality: should_not
    summary: Staff should not befriend parents.
    when: { act: friend_request_accept, counterpart.role: parent }
    unless:
      - id: friends
        summary: A friendship from outside school.
        when: { counterpart.relationship: friend }
        requires: [relationship_declared]
  - id: A2
    section: A
    topic: staff-former-pupil-contact
    audience: [staff]
    modality: must_not
    summary: No contact with former pupils under 16.
    when: { act: friend_request_accept, counterpart.role: former_pupil, counterpart.age: { below: 16 } }
  - id: A3
    section: A
    topic: parent-images-of-other-children
    audience: [parent]
    modality: must_not
    summary: No photos of other children.
    when: { act: post, content.images: { some: { of: other_pupils } } }`,
  `
  - id: P1
    title: Staff breaches
    trigger: { breachOf: [A1, A2] }
    steps:
      - { action: notify_headteacher, owner: staff }`,
);

const beta = school(
  'beta',
  `
  - id: B1
    section: A
    topic: staff-parent-contact
    audience: [staff]
    modality: must_not
    summary: Staff must not befriend parents.
    when: { act: friend_request_accept, counterpart.role: parent }
    consequences:
      - { action: notify_dsl, owner: actor }
  - id: B2
    section: A
    topic: staff-former-pupil-contact
    audience: [staff]
    modality: must_not
    summary: No contact with former pupils who are not yet 18.
    when: { act: friend_request_accept, counterpart.role: former_pupil, counterpart.age: { atMost: 17 } }
    consequences:
      - { action: notify_headteacher, owner: staff }
  - id: B3
    section: A
    topic: parent-images-of-other-children
    audience: [parent]
    modality: must_not
    summary: No photos of other children.
    when: { act: post, content.images: { some: { of: other_pupils } } }`,
);

const gamma = school(
  'gamma',
  `
  - id: G1
    section: A
    topic: parent-images-of-other-children
    audience: [parent]
    modality: should_not
    summary: Better not to post photos of other children.
    when: { act: post, content.images: { some: { of: other_pupils } } }`,
);

const comparison = comparePolicies([alpha, beta, gamma]);
const topic = (name: string) => {
  const found = comparison.topics.find((t) => t.topic === name);
  if (!found) throw new Error(`no topic ${name}`);
  return found;
};

describe('comparing policies topic by topic', () => {
  it('covers every topic any of them covers, in the order of the vocabulary', () => {
    expect(comparison.topics.map((t) => t.topic)).toEqual([
      'staff-former-pupil-contact',
      'staff-parent-contact',
      'parent-images-of-other-children',
    ]);
    expect(topic('staff-parent-contact').title).toBe('Staff in contact with parents online');
  });

  it("sets out each policy's rules, with exceptions and what they require, or says it is silent", () => {
    const [a, b, g] = topic('staff-parent-contact').positions;
    expect(a?.rules).toEqual([
      expect.objectContaining({
        id: 'A1',
        modality: 'should_not',
        modalityWords: 'should not',
        audienceWords: 'Staff',
        exceptions: [
          { summary: 'A friendship from outside school', requirements: ['the relationship is declared to the school'] },
        ],
        requirements: [],
      }),
    ]);
    expect(b?.silent).toBe(false);
    expect(g).toMatchObject({ slug: 'gamma', silent: true, rules: [], followUp: [] });
  });

  it('says who is told and what follows, from consequences and from procedures the rules trigger', () => {
    const [a, b] = topic('staff-parent-contact').positions;
    expect(a?.followUp).toEqual([
      {
        action: 'notify_headteacher',
        owner: 'staff',
        optional: false,
        words: 'A member of staff tells the Headteacher.',
        from: 'P1',
      },
    ]);
    expect(b?.followUp.map((f) => f.words)).toEqual(['The person concerned tells the Designated Safeguarding Lead.']);
  });

  it('tells a policy that advises against from one that forbids, and who alone asks for what', () => {
    expect(topic('staff-parent-contact').differences).toEqual([
      'alpha advises against (should not) where beta forbids (must not)',
      'only alpha makes exceptions',
      'only alpha requires that the relationship is declared to the school',
      'only alpha says to tell the Headteacher',
      'only beta says to tell the Designated Safeguarding Lead',
      'silent in gamma',
    ]);
  });

  it('tells different age limits apart, reading "17 or under" as a limit of 18', () => {
    const differences = topic('staff-former-pupil-contact').differences;
    expect(differences).toContain('age limit 16 in alpha, 18 in beta');
    expect(differences.some((d) => d.includes('forbids'))).toBe(false);
  });

  it('groups policies that speak alike', () => {
    expect(topic('parent-images-of-other-children').differences).toEqual([
      'alpha and beta forbid (must not) where gamma advises against (should not)',
    ]);
  });

  it('finds nothing to tell between a policy and itself', () => {
    expect(comparePolicies([alpha, alpha]).topics.flatMap((t) => t.differences)).toEqual([]);
  });
});

describe('age limits in conditions', () => {
  it('finds them wherever they sit, as the age at which the answer changes', () => {
    expect(ageLimits({ 'actor.age': { not: { atLeast: 13 } } })).toEqual([
      { person: 'actor', age: 13, words: 'under 13' },
    ]);
    expect(ageLimits({ any: [{ 'counterpart.age': { above: 15 } }, { act: 'post' }] })).toEqual([
      { person: 'counterpart', age: 16, words: 'over 15' },
    ]);
    expect(ageLimits({ act: 'post' })).toEqual([]);
  });
});

describe('the comparison written out', () => {
  it('as JSON, the whole comparison', () => {
    expect(JSON.parse(comparisonToJson(comparison))).toEqual(JSON.parse(JSON.stringify(comparison)));
  });

  it('as text, each policy under each topic, then the differences', () => {
    const text = comparisonToText(comparison);
    expect(text).toContain('Staff in contact with parents online (staff-parent-contact)');
    expect(text).toContain('    A1 [should not; staff] Staff should not befriend parents.');
    expect(text).toContain(
      '      Except: A friendship from outside school (only if the relationship is declared to the school)',
    );
    expect(text).toContain('  gamma: silent');
    expect(text).toContain('    - alpha advises against (should not) where beta forbids (must not)');
  });

  it('as Markdown, a heading per topic and per policy', () => {
    const markdown = comparisonToMarkdown(comparison);
    expect(markdown).toContain('## Staff in contact with parents online (`staff-parent-contact`)');
    expect(markdown).toContain('### gamma\n\nSilent: this policy has no rule on this topic.');
    expect(markdown).toContain(
      '- **B2** (must not; staff) No contact with former pupils who are not yet 18.\n  - Age: the other person is 17 or under',
    );
    expect(markdown).toContain('#### Differences\n\n- age limit 16 in alpha, 18 in beta');
  });
});
