// The labelled mentions of a fictional school, classified and scored per label. The table is
// printed in the test report; the floors are what the rules achieve, so a change that weakens a
// label fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classify,
  compileWatch,
  parseWatch,
  precisionRecall,
  type Label,
  type Mention,
} from '../../../src/domain/monitoring/index.ts';

const folder = new URL('../../data/monitoring/', import.meta.url);
const watch = parseWatch(JSON.parse(readFileSync(new URL('watch.json', folder), 'utf8')));
if (!watch.ok) throw new Error(watch.problems.join('\n'));
const compiled = compileWatch(watch.watch);
const lines = readFileSync(new URL('mentions.jsonl', folder), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map(
    (line) => JSON.parse(line) as Mention & { expect: { aboutSchool: boolean; labels: Label[]; allowed?: Label[] } },
  );

describe('labelled mentions of Brambleside Primary', () => {
  const results = lines.map((line) => classify(line, compiled));

  it('has enough examples of each kind', () => {
    expect(lines.length).toBeGreaterThanOrEqual(200);
    expect(lines.filter((l) => !l.expect.aboutSchool).length).toBeGreaterThanOrEqual(30);
  });

  it('tells posts about the school from others', () => {
    const right = lines.filter((line, i) => results[i]!.aboutSchool === line.expect.aboutSchool).length;
    expect(right / lines.length).toBeGreaterThanOrEqual(0.97);
  });

  it('finds each label with precision and recall above its floor', () => {
    // A label the reviewer allowed is not held against the classifier, as in the contract's scorer.
    const predictions = results.map((result, i) => {
      const allowed = new Set(lines[i]!.expect.allowed ?? []);
      return {
        id: result.id,
        labels: result.labels.filter((label) => !allowed.has(label) || lines[i]!.expect.labels.includes(label)),
      };
    });
    const scores = precisionRecall(
      predictions,
      lines.map((line) => ({ id: line.id, labels: line.expect.labels })),
    );
    const pct = (n: number | undefined) => (n === undefined ? '   —' : `${(n * 100).toFixed(0)}%`.padStart(4));
    console.log(
      [
        'label             precision  recall   tp  fp  fn',
        ...scores.map(
          (s) =>
            `${s.label.padEnd(18)}${pct(s.precision).padStart(9)}${pct(s.recall).padStart(8)}${String(s.truePositives).padStart(5)}${String(s.falsePositives).padStart(4)}${String(s.falseNegatives).padStart(4)}`,
        ),
      ].join('\n'),
    );
    const tp = scores.reduce((n, s) => n + s.truePositives, 0);
    const fp = scores.reduce((n, s) => n + s.falsePositives, 0);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    for (const score of scores) {
      if (score.truePositives + score.falseNegatives < 5) continue;
      expect(score.precision, score.label).toBeGreaterThanOrEqual(0.9);
      expect(score.recall, score.label).toBeGreaterThanOrEqual(0.85);
    }
  });
});
