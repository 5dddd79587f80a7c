export { classify, labels, mentionSchema, sources, type Classification, type Label, type Mention } from './classify.ts';
export { correctionSchema, precisionRecall, type Correction, type LabelScore } from './review.ts';
export { compileWatch, parseWatch, watchSchema, type CompiledWatch, type Watch } from './watch.ts';
