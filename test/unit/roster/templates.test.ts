import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoster, rosterColumns, rosterKinds, rosterTemplate } from '../../../src/domain/roster/index.ts';

const docs = join(import.meta.dirname, '..', '..', '..', 'docs');

describe('the roster templates', () => {
  it.each(rosterKinds)('%s: read cleanly, with two rows', (kind) => {
    const result = readRoster(kind, rosterTemplate(kind));
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(result.ok && result.rows).toHaveLength(2);
  });

  it.each(rosterKinds)('%s: has every column, under Footprint’s own heading', (kind) => {
    const [headings] = rosterTemplate(kind).split('\n');
    expect(headings).toBe(rosterColumns[kind].map((column) => column.name).join(','));
  });

  it.each(rosterKinds)('%s: is the file the guide links to', (kind) => {
    expect(readFileSync(join(docs, 'roster-templates', `${kind}.csv`), 'utf8')).toBe(rosterTemplate(kind));
  });

  it('links contacts to the pupils of the pupils template', () => {
    const pupils = readRoster('pupils', rosterTemplate('pupils'));
    const contacts = readRoster('contacts', rosterTemplate('contacts'));
    const pupilIds = pupils.ok ? pupils.rows.map((record) => record.pupil.misId) : [];
    const linked = contacts.ok ? contacts.rows.flatMap((contact) => contact.links.map((link) => link.pupilMisId)) : [];
    expect(linked).toEqual(pupilIds);
  });
});

describe('the guide for office managers', () => {
  const guide = readFileSync(join(docs, 'roster-import.md'), 'utf8');

  it.each(rosterKinds)('names every heading accepted in a %s file', (kind) => {
    const headings = rosterColumns[kind].flatMap((column) => [column.name, ...column.variants]);
    expect(headings.filter((heading) => !guide.includes(heading))).toEqual([]);
  });
});
