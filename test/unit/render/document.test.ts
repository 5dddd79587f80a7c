import { describe, expect, it } from 'vitest';
import { documentModel } from '../../../src/domain/policy/render/index.ts';
import { fixturePolicy, fixtureYaml, policyFrom } from './fixture.ts';

const doc = documentModel(fixturePolicy);
const section = (id: string) => {
  const found = doc.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const rule = (id: string) => {
  const found = doc.sections.flatMap((s) => s.groups.flatMap((g) => g.rules)).find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('the document model', () => {
  it('has the title and the schools it is issued to', () => {
    expect(doc.title).toBe('Larkrise <Primary> social media policy & guidance');
    expect(doc.issuedTo).toEqual(['Larkrise Primary School', 'Larkrise Nursery']);
  });

  it('fills the document control table, dates in words, every ratification date included', () => {
    const rows = Object.fromEntries(doc.documentControl.rows.map((r) => [r.label, r.value]));
    expect(doc.documentControl.rows.map((r) => r.label)).toEqual([
      'Author',
      'Reviewed by',
      'Approved by',
      'Status',
      'Version',
      'Written',
      'Updated',
      'Ratified',
      'Published',
      'Review due',
      'Issued to',
    ]);
    expect(rows).toMatchObject({
      Author: 'The Headteacher',
      Status: 'Ratified',
      Version: '3.1',
      Written: '24 January 2019',
      Updated: 'September 2020 and 2021',
      Ratified: '7 February 2019 and 18 March 2021',
      Published: '1 April 2021',
      'Review due': 'September 2024',
      'Issued to': 'Larkrise Primary School and Larkrise Nursery',
    });
  });

  it('leaves out the rows a policy does not record', () => {
    const bare = documentModel(policyFrom(fixtureYaml.replace(/^(author|reviewedBy|approvedBy):.*\n/gm, '')));
    expect(bare.documentControl.rows.map((r) => r.label)).not.toContain('Author');
    expect(bare.documentControl.rows.map((r) => r.label)).toContain('Status');
  });

  it('keeps the version history, linked policies and introduction paragraphs', () => {
    expect(doc.versionHistory?.columns).toEqual(['Version', 'Date', 'Amended by', 'Comments']);
    expect(doc.versionHistory?.rows).toEqual([
      ['1', '7 February 2019', 'J. Smith', 'First issue.'],
      ['3.1', 'March 2021', '', 'Pipes | and *stars* kept as written.'],
    ]);
    expect(doc.linkedPolicies).toEqual(['Safeguarding', 'Behaviour']);
    expect(doc.introduction).toHaveLength(2);
    expect(doc.introduction[1]).toMatch(/^This second paragraph/);
  });

  it('keeps the sections in order, numbering headings only where the id is a number or a letter', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(['A. Staff and governors', 'B. Parents', 'After a breach']);
    expect(section('A').introduction).toEqual(['How adults in school use social media.']);
  });

  it('groups the rules of a section by audience, in the order the section first speaks to each', () => {
    const groups = section('A').groups;
    expect(groups.map((g) => g.audience)).toEqual(['Staff and governors', 'Staff']);
    expect(groups[0]?.rules.map((r) => r.id)).toEqual(['A1', 'A4']);
    expect(groups[1]?.rules.map((r) => r.id)).toEqual(['A2', 'A3', 'A5']);
  });

  it('says each modality in words and gives a bare summary its subject', () => {
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => rule(id).modality)).toEqual([
      'must not',
      'should not',
      'must',
      'may',
      'should',
    ]);
    expect(rule('A2').statement).toBe('Staff should not befriend parents on personal accounts.');
    expect(rule('A1').statement).toBe('Staff must not accept friend requests from pupils or former pupils under 16.');
  });

  it('writes exceptions as "Except:" with what they need, and requirements in their own words', () => {
    expect(rule('A1').exceptions).toEqual([
      'Except: A family link (only if the Headteacher has approved the relationship).',
    ]);
    expect(rule('A2').exceptions).toEqual([
      'Except: A friendship from outside school (only if the relationship is declared to the school).',
    ]);
    expect(rule('A3').requirement).toBe(
      'Required: the Headteacher has approved it in advance and the login details are given to the Headteacher.',
    );
    expect(rule('A5').requirement).toBeUndefined();
  });

  it('says what follows when a rule is broken, with deadlines, optional and conditional steps', () => {
    expect(rule('A1').consequences).toBe(
      'If this is broken: the person concerned declines the request; the person concerned tells the Designated ' +
        'Safeguarding Lead (within 1 day); the school may report it to the platform or website that hosts it.',
    );
    expect(rule('B1').consequences).toContain(
      'if the parent refuses to remove the post, the governing body takes legal advice',
    );
    expect(rule('A4').consequences).toBeUndefined();
  });

  it('numbers the steps of a procedure in plain words, inside its section', () => {
    const [procedure] = section('B').procedures;
    expect(procedure?.trigger).toBe('When rule B1 is broken.');
    expect(procedure?.steps).toEqual([
      'The Headteacher asks the author to remove the post (within 1 day).',
      'The Headteacher sends the author a letter (within 2 weeks).',
      'The school may report it to the platform or website that hosts it.',
      'If the parent refuses, the governing body takes legal advice.',
      'In cases of a post naming a pupil, the Headteacher tells the Designated Safeguarding Lead.',
    ]);
  });

  it('puts procedures of no section at the end, with what starts them and their step summaries', () => {
    expect(doc.procedures).toEqual([
      {
        id: 'P2',
        title: 'Racist posts',
        trigger: 'In cases of posting with content that is racist.',
        steps: ['The Headteacher involves the police (within 4 hours). Keep a screenshot.'],
      },
    ]);
  });
});
