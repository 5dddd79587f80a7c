// The words schools use for staff duties and for a contact's relationship to a child, mapped to
// Footprint's own. Keys are compared as wordKey gives them: lower case, no spaces or punctuation.
import type { StaffDuty } from '../community/people.ts';
import type { CarerRelationship } from '../community/pupils.ts';
import { wordKey, type CellResult } from './cells.ts';

// Maps, not plain objects, so that a cell saying "constructor" finds nothing.
const dutyWords = new Map<string, StaffDuty>(
  Object.entries({
    headteacher: 'headteacher',
    head: 'headteacher',
    headofschool: 'headteacher',
    executiveheadteacher: 'headteacher',
    principal: 'headteacher',
    deputyheadteacher: 'deputy_headteacher',
    deputyhead: 'deputy_headteacher',
    deputyprincipal: 'deputy_headteacher',
    dsl: 'dsl',
    designatedsafeguardinglead: 'dsl',
    deputydsl: 'deputy_dsl',
    ddsl: 'deputy_dsl',
    deputydesignatedsafeguardinglead: 'deputy_dsl',
    teacher: 'teacher',
    classteacher: 'teacher',
    teachingassistant: 'teaching_assistant',
    ta: 'teaching_assistant',
    hlta: 'teaching_assistant',
    lsa: 'teaching_assistant',
    office: 'office',
    admin: 'office',
    officemanager: 'office',
    site: 'site',
    sitemanager: 'site',
    caretaker: 'site',
    other: 'other',
  } satisfies Record<string, StaffDuty>),
);

const dutyNames =
  'Headteacher, Deputy headteacher, DSL, Deputy DSL, Teacher, Teaching assistant, Office, Site or Other';

/** Duties separated by semicolons (or commas): "Headteacher; DSL". */
export function readDuties(text: string): CellResult<StaffDuty[]> {
  const words = text
    .split(/[;,]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  const unknown = words.filter((word) => !dutyWords.has(wordKey(word)));
  if (unknown.length > 0) {
    const list = unknown.map((word) => `"${word}"`).join(', ');
    return {
      ok: false,
      reason: `has ${list}, which Footprint does not know: use ${dutyNames}, separated by semicolons`,
    };
  }
  const duties = words.map((word) => dutyWords.get(wordKey(word))).filter((duty) => duty !== undefined);
  return { ok: true, value: [...new Set(duties)] };
}

const relationshipWords = new Map<string, CarerRelationship>(
  Object.entries({
    mother: 'mother',
    mum: 'mother',
    father: 'father',
    dad: 'father',
    parent: 'parent',
    stepparent: 'step_parent',
    stepmother: 'step_parent',
    stepfather: 'step_parent',
    grandparent: 'grandparent',
    grandmother: 'grandparent',
    grandfather: 'grandparent',
    auntoruncle: 'aunt_or_uncle',
    aunt: 'aunt_or_uncle',
    uncle: 'aunt_or_uncle',
    sibling: 'sibling',
    brother: 'sibling',
    sister: 'sibling',
    fostercarer: 'foster_carer',
    fosterparent: 'foster_carer',
    fostermother: 'foster_carer',
    fosterfather: 'foster_carer',
    carer: 'carer',
    guardian: 'carer',
    legalguardian: 'carer',
    other: 'other',
    otherrelative: 'other',
    othercontact: 'other',
    familyfriend: 'other',
  } satisfies Record<string, CarerRelationship>),
);

/** The relationship the words name, or undefined when Footprint does not know them. */
export function relationshipFor(text: string): CarerRelationship | undefined {
  return relationshipWords.get(wordKey(text));
}
