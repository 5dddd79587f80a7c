// A chain's verdict in plain words, for the command line and for pages.
import type { ChainProblem, ChainVerdict } from './chain.ts';

const problemWords: Record<ChainProblem, string> = {
  altered: 'was altered',
  removed: 'was removed',
  reordered: 'was moved out of order',
  added: 'was added without being chained',
};

export function describeChainVerdict(verdict: ChainVerdict): string {
  if (!verdict.ok) return `chain broken: entry ${verdict.seq.toLocaleString('en-GB')} ${problemWords[verdict.problem]}`;
  const count = verdict.entries.toLocaleString('en-GB');
  return `${count} ${verdict.entries === 1 ? 'entry' : 'entries'}, chain intact`;
}
