// A reviewer's correction of a classification, and how well the classifier did against corrected
// labels: precision and recall per label (a pure summary, no I/O).
import { z } from 'zod';
import { labels, type Label } from './classify.ts';

export const correctionSchema = z.strictObject({
  id: z.string().min(1),
  labels: z.array(z.enum(labels)),
});
/** What a reviewer says the labels of a mention should have been. */
export type Correction = z.infer<typeof correctionSchema>;

export interface LabelScore {
  label: Label;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Undefined when the classifier never gave the label. */
  precision: number | undefined;
  /** Undefined when the label never applied. */
  recall: number | undefined;
}

export function precisionRecall(
  predictions: readonly { id: string; labels: readonly Label[] }[],
  truth: readonly Correction[],
): LabelScore[] {
  const predicted = new Map(predictions.map((p) => [p.id, new Set(p.labels)]));
  return labels.map((label) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const correct of truth) {
      const said = predicted.get(correct.id)?.has(label) ?? false;
      const right = correct.labels.includes(label);
      if (said && right) truePositives++;
      else if (said) falsePositives++;
      else if (right) falseNegatives++;
    }
    const given = truePositives + falsePositives;
    const applied = truePositives + falseNegatives;
    return {
      label,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: given === 0 ? undefined : truePositives / given,
      recall: applied === 0 ? undefined : truePositives / applied,
    };
  });
}
