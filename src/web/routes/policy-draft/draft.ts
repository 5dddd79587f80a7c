// What every page of the draft editor shares: finding the draft in hand (only a draft can be
// changed), saving a changed copy, and showing a form with its errors at the top and beside
// each field, problems elsewhere in the draft linked to where they are.
import type { FastifyReply } from 'fastify';
import type { Policy } from '../../../domain/policy/schema.ts';
import { plainMessage, type Errors } from '../../../domain/policy-editing/form-values.ts';
import { placeOf, type DraftProblem, type PlacedProblem } from '../../../domain/policy-editing/problems.ts';
import type { PolicyVersion } from '../../../domain/school-policy/versions.ts';
import { AppError } from '../../../errors.ts';
import type { Viewer } from '../../../services/access.ts';
import type { Services } from '../../../services/index.ts';

export type InHand =
  { editable: true; version: PolicyVersion; policy: Policy } | { editable: false; version?: PolicyVersion };

export async function draftInHand(services: Services, viewer: Viewer): Promise<InHand> {
  const { inHand } = await services.schoolPolicy.overview(viewer);
  if (inHand?.status === 'draft') return { editable: true, version: inHand, policy: inHand.document };
  return inHand ? { editable: false, version: inHand } : { editable: false };
}

/** For pages about one part of the draft: a part that is in no version in hand is not found. */
export function partOf<T>(inHand: InHand, find: (policy: Policy) => T | undefined): T {
  const policy = inHand.editable ? inHand.policy : inHand.version?.document;
  const found = policy && find(policy);
  if (!found) throw new AppError('not_found');
  return found;
}

const notEditableWords: Record<string, { title: string; text: string }> = {
  none: {
    title: 'There is no draft policy to change',
    text: 'Your school has not started its policy yet. Start it from the model policy or your trust’s policy first.',
  },
  awaiting_ratification: {
    title: 'The draft is with the governors',
    text: 'It cannot be changed while the governors consider it. Take it back from the governors to change it.',
  },
  ratified: {
    title: 'This version has been ratified',
    text: 'The governors have ratified it, so it can no longer be changed. Publish it, then start a new version to change it.',
  },
};

/** Said when there is no draft, or the version in hand has gone beyond a draft. */
export function notEditable(reply: FastifyReply, inHand: InHand, status = 200) {
  const words = notEditableWords[inHand.version?.status ?? 'none'] ?? notEditableWords.none!;
  return draftPage(reply, 'policy-draft/not-editable.njk', { pageTitle: words.title, ...words }, status);
}

/** Field errors (listed in the order of the fields) and problems elsewhere in the draft. */
export async function draftPage(
  reply: FastifyReply,
  template: string,
  model: Record<string, unknown> & {
    pageTitle: string;
    errors?: Errors | undefined;
    elsewhere?: PlacedProblem[] | undefined;
    fieldOrder?: string[];
  },
  status?: number,
) {
  const found = model.errors ?? {};
  const order = [...(model.fieldOrder ?? []), ...Object.keys(found)];
  const errors = Object.fromEntries(order.flatMap((name) => (found[name] ? [[name, found[name]]] : [])));
  const elsewhere = model.elsewhere ?? [];
  const errorList = [
    ...Object.entries(errors).map(([name, text]) => ({ text, href: `#${name}` })),
    ...elsewhere.map((problem) => ({ text: `${problem.place}: ${problem.message}`, href: problem.href })),
  ];
  const failed = errorList.length > 0;
  const title = model.pageTitle;
  const html = await reply.viewAsync(template, {
    ...reply.locals,
    values: {},
    heading: title,
    ...model,
    pageTitle: `${failed ? 'Error: ' : ''}${title}`,
    errors,
    errorList,
  });
  return reply
    .code(status ?? (failed ? 400 : 200))
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** "consequences.0.owner" as a person reads it: "consequences, item 1, owner". */
function pathWords(path: readonly string[]): string {
  return path.map((part) => (/^\d+$/.test(part) ? `item ${Number(part) + 1}` : part)).join(', ');
}

/**
 * Problems the whole-draft check found, split between those of the part being edited (by field,
 * through `fieldOf`) and those elsewhere (linked to their place).
 */
export function sortProblems(
  document: Pick<Policy, 'sections' | 'rules' | 'procedures'>,
  problems: readonly DraftProblem[],
  mine: string | undefined,
  fieldOf: (inside: string[]) => string,
  yamlFields: readonly string[] = [],
): { errors: Errors; elsewhere: PlacedProblem[] } {
  const errors: Errors = {};
  const elsewhere: PlacedProblem[] = [];
  for (const problem of problems) {
    if (mine !== undefined && problem.path.startsWith(`${mine}.`)) {
      const rest = problem.path.slice(mine.length + 1).split('.');
      const inside = rest[0] === 'when' && rest.length > 1 ? ['when', rest.slice(1).join('.')] : rest;
      const field = fieldOf(inside);
      const message = yamlFields.includes(field)
        ? `In the YAML, at ${pathWords(inside[0] === 'when' && inside.length > 1 ? inside.slice(1) : rest)}: ${plainMessage(problem.message)}`
        : capitalise(plainMessage(problem.message));
      errors[field] ??= message;
    } else {
      elsewhere.push({ ...placeOf(document, problem.path), message: plainMessage(problem.message) });
    }
  }
  return { errors, elsewhere };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Saves the changed draft; on problems, nothing is saved and they are given back. */
export async function saveDraft(
  services: Services,
  viewer: Viewer,
  version: PolicyVersion,
  document: Policy,
): Promise<{ ok: true } | { ok: false; problems: DraftProblem[] }> {
  const saved = await services.schoolPolicy.saveDraft(viewer, version.id, document);
  return saved.ok ? { ok: true } : saved;
}
