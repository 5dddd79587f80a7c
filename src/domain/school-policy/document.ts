// The policy as a version shows it: its rules as the editor left them, and its document control
// (status, version, dates, history) as the school's records say, never as someone typed them.
import { createHash } from 'node:crypto';
import type { Policy } from '../policy/index.ts';
import type { PolicyVersion, Ratification, VersionSummary } from './versions.ts';

export interface HistoryLine {
  label: string;
  /** YYYY-MM-DD */
  date?: string;
  amendedBy: string;
  comments?: string;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** One line of the version history for each version up to this one that was published, and this one. */
export function historyOf(version: VersionSummary, all: readonly VersionSummary[]): HistoryLine[] {
  return all
    .filter((other) => other.number < version.number && other.publishedAt)
    .concat(version)
    .sort((a, b) => a.number - b.number)
    .map((other) => ({
      label: other.label,
      date: day(other.publishedAt ?? other.ratifiedAt ?? other.updatedAt),
      amendedBy: other.createdByName,
      ...(other.changeSummary ? { comments: other.changeSummary } : {}),
    }));
}

/** The document with the version's document control filled in from the records. */
export function documentOf(
  version: PolicyVersion,
  ratifications: readonly Ratification[],
  history: readonly HistoryLine[],
): Policy {
  const { document } = version;
  const ratified = ratifications.map((r) => r.ratifiedOn).sort();
  return {
    ...document,
    status: version.status,
    version: version.label,
    dates: {
      ...document.dates,
      ratified,
      ...(version.publishedAt ? { published: day(version.publishedAt) } : {}),
      ...(version.reviewDue ? { reviewDue: version.reviewDue } : {}),
    },
    history: history.map((line) => ({
      version: line.label,
      ...(line.date ? { date: line.date } : {}),
      amendedBy: line.amendedBy,
      ...(line.comments ? { comments: line.comments } : {}),
    })),
  };
}

/** JSON with keys in a fixed order, so that the same document always reads the same. */
export function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What an acknowledgement is tied to: the hash of the rules and their words, not the record keeping. */
export function contentHashOf(document: Policy): string {
  const { status: _status, version: _version, dates: _dates, history: _history, ...content } = document;
  return createHash('sha256').update(canonicalText(content)).digest('hex');
}
