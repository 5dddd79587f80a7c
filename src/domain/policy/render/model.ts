// The readable policy document as data: headings, paragraphs, lists and tables, ready for a
// web page, a PDF, Markdown or HTML to lay out. Every string is plain text, never markup.

export interface PolicyDocument {
  slug: string;
  title: string;
  issuedTo: string[];
  documentControl: LabelledTable;
  /** Absent when the policy records no history. */
  versionHistory?: ColumnTable;
  linkedPolicies: string[];
  introduction: string[];
  /** Which published document this policy was encoded from. */
  source?: string;
  sections: DocumentSection[];
  /** Procedures that belong to no section. */
  procedures: ProcedureText[];
}

/** A table whose rows are each headed by a label (document control). */
export interface LabelledTable {
  caption: string;
  rows: { label: string; value: string }[];
}

/** A table with a header row (version history). */
export interface ColumnTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

export interface DocumentSection {
  id: string;
  heading: string;
  introduction: string[];
  groups: AudienceGroup[];
  procedures: ProcedureText[];
}

/** The rules of a section for one audience, e.g. "Staff and governors". */
export interface AudienceGroup {
  audience: string;
  rules: RuleText[];
}

export interface RuleText {
  id: string;
  /** must, must not, should, should not or may. */
  modality: string;
  statement: string;
  /** Each reads "Except: …". */
  exceptions: string[];
  /** "Only if …" (for a duty, "Required: …"). */
  requirement?: string;
  /** "If this is broken: …". */
  consequences?: string;
  source?: string;
  note?: string;
}

export interface ProcedureText {
  id: string;
  title: string;
  summary?: string;
  /** What starts it: "When rule A2 or A3 is broken." */
  trigger: string;
  /** Each a sentence; laid out as a numbered list. */
  steps: string[];
}
