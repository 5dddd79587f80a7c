// The declarations register's pages: declaring a relationship and seeing one's own declarations;
// the register for the Headteacher and the DSL, and the Headteacher's decision on each. The chair
// of governors sees, and decides on, the Headteacher's own declarations there, and no others.
import type { FastifyReply } from 'fastify';
import {
  declarationFieldOrder,
  declarationKindNames,
  declarationKinds,
  deciderFor,
  deciderNames,
  emptyDeclarationForm,
  familyRelationshipNames,
  familyRelationships,
  nameOn,
  oneYearOn,
  statusName,
  type Decider,
  type DeclarationFormValues,
} from '../../../domain/registers/declarations.ts';
import { capitalise } from '../../../domain/policy/render/words.ts';
import { AppError } from '../../../errors.ts';
import type { Viewer } from '../../../services/access.ts';
import type { Choice, ReviewEntry } from '../../../services/declarations.ts';
import type { RegisterEntry } from '../../../services/ports.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { dayFields, longDay, readDay, type DayFields } from '../policy/dates.ts';
import { field, page, type Errors } from '../../forms.ts';

interface Params {
  Params: { declarationId: string };
}

const day = (at: Date) => at.toISOString().slice(0, 10);

function valuesFrom(body: unknown): DeclarationFormValues {
  const values = { ...emptyDeclarationForm };
  for (const key of Object.keys(values) as (keyof DeclarationFormValues)[]) values[key] = field(body, key);
  return values;
}

/** The other person as the register shows them: chosen by name, or as the declarer described them. */
const otherPerson = (entry: RegisterEntry): string => nameOn(entry);

/** The rows that describe one declaration, for the person who made it or for the register. */
function rowsOf(entry: RegisterEntry, withDeclarer: boolean, decider: Decider) {
  const { declaration } = entry;
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
  const rows = [
    ...(withDeclarer ? [row('Declared by', entry.declarerName)] : []),
    row('What', declarationKindNames[declaration.kind]),
    row(declaration.kind === 'family_link' ? 'Pupil' : 'Who', otherPerson(entry)),
    ...(declaration.kind === 'family_link'
      ? [row('Relationship', familyRelationshipNames[declaration.relationship])]
      : []),
    row('Explanation', declaration.explanation),
    row('Declared on', longDay(declaration.declaredAt)),
    row('Status', statusName(declaration.status, decider)),
  ];
  const decision = declaration.decision;
  if (decision) {
    rows.push(row('Decided on', `${longDay(decision.at)}${entry.decidedByName ? ` by ${entry.decidedByName}` : ''}`));
    if (decision.reviewDue) rows.push(row('To be reviewed by', longDay(decision.reviewDue)));
    if (decision.reason) rows.push(row('Reason', decision.reason));
  }
  return rows;
}

function cardOf(entry: RegisterEntry, withDeclarer: boolean, decider: Decider, href?: string) {
  const title = `${declarationKindNames[entry.declaration.kind]}: ${otherPerson(entry)}`;
  return {
    id: entry.declaration.id,
    status: entry.declaration.status,
    statusText: statusName(entry.declaration.status, decider),
    card: {
      title: { text: withDeclarer ? `${entry.declarerName}: ${title}` : title },
      ...(href && {
        actions: {
          items: [{ href, text: 'Open', visuallyHiddenText: ` the declaration by ${entry.declarerName}` }],
        },
      }),
      attributes: { 'data-qa': `declaration-${entry.declaration.id}` },
    },
    rows: rowsOf(entry, withDeclarer, decider),
  };
}

function choiceItems(list: readonly Choice[], chosen: string, prompt: string) {
  return [
    { value: '', text: prompt, selected: chosen === '' },
    ...list.map((choice) => ({ value: choice.id, text: choice.name, selected: choice.id === chosen })),
  ];
}

/** The three boxes of a GOV.UK date input, marked in error together. */
function dateItems(prefix: string, value: DayFields, failed: boolean) {
  const error = failed ? ' govuk-input--error' : '';
  return [
    { id: `${prefix}-day`, name: 'day', classes: `govuk-input--width-2${error}`, value: value.day },
    { name: 'month', classes: `govuk-input--width-2${error}`, value: value.month },
    { name: 'year', classes: `govuk-input--width-4${error}`, value: value.year },
  ];
}

export const declarationRoutes: RoutePlugin = async (app, { services }) => {
  const declare = { config: { access: 'declare_relationship' as const } };
  const review = { config: { access: 'review_declarations' as const } };
  const decide = { config: { access: 'approve_declarations' as const } };

  async function renderForm(reply: FastifyReply, viewer: Viewer, values: DeclarationFormValues, found: Errors = {}) {
    const { parents, pupils } = await services.declarations.choices(viewer);
    const errors = Object.fromEntries(
      declarationFieldOrder.flatMap((name) => (found[name] ? [[name, found[name]]] : [])),
    );
    const failed = Object.keys(errors).length > 0;
    return page(
      reply,
      'declarations/new.njk',
      {
        pageTitle: `${failed ? 'Error: ' : ''}Declare a relationship`,
        values,
        errors,
        kinds: declarationKinds.map((kind) => ({
          value: kind,
          text: declarationKindNames[kind],
          checked: values.kind === kind,
        })),
        relationships: familyRelationships.map((value) => ({
          value,
          text: familyRelationshipNames[value],
          checked: values.relationship === value,
        })),
        parents: choiceItems(parents, values.parentId, 'Choose a parent or carer'),
        pupils: choiceItems(pupils, values.pupilId, 'Choose a pupil'),
        deciderName: deciderNames[deciderFor(viewer.roles.includes('headteacher'))],
        deciderTitle: capitalise(deciderNames[deciderFor(viewer.roles.includes('headteacher'))]),
      },
      failed ? 400 : 200,
    );
  }

  app.get('/declarations', declare, async (request, reply) => {
    const viewer = request.viewer!;
    const mine = await services.declarations.mine(viewer);
    const query = request.query as Record<string, unknown>;
    return page(reply, 'declarations/index.njk', {
      pageTitle: 'Your declarations',
      declared: query.declared === '1',
      declarations: mine.entries.map((entry) => cardOf(entry, false, mine.decider)),
      deciderName: deciderNames[mine.decider],
      decidedByChair: mine.decider === 'chair_of_governors',
      deciderMissing: mine.deciderMissing,
      canReview: viewer.capabilities.includes('review_declarations'),
    });
  });

  app.get('/declarations/new', declare, async (request, reply) =>
    renderForm(reply, request.viewer!, emptyDeclarationForm),
  );

  app.post('/declarations/new', declare, async (request, reply) => {
    const viewer = request.viewer!;
    const values = valuesFrom(request.body);
    const result = await services.declarations.declare(viewer, values);
    if (!result.ok) return renderForm(reply, viewer, values, result.errors);
    return reply.redirect('/declarations?declared=1', 303);
  });

  app.get('/declarations/review', review, async (request, reply) => {
    const viewer = request.viewer!;
    const { entries, chairMissing } = await services.declarations.register(viewer);
    const query = request.query as Record<string, unknown>;
    const decided = query.decided === 'approved' || query.decided === 'declined' ? query.decided : undefined;
    const cards = entries.map((entry) =>
      cardOf(entry, true, entry.decider, `/declarations/review/${entry.declaration.id}`),
    );
    const onlyHeadteachers = !viewer.roles.includes('headteacher') && !viewer.roles.includes('dsl');
    return page(reply, 'declarations/review.njk', {
      pageTitle: 'Declarations to review',
      decided,
      onlyHeadteachers,
      // The Headteacher's declarations wait, for want of a chair of governors to decide on them.
      chairMissing:
        chairMissing &&
        entries.some((entry) => entry.decider === 'chair_of_governors' && entry.declaration.status === 'pending'),
      waiting: cards.filter((card) => card.status === 'pending'),
      decidedCards: cards.filter((card) => card.status !== 'pending'),
    });
  });

  interface DecisionForm {
    reviewDue?: DayFields;
    reason?: string;
    errors?: Errors;
    /** The service refused the decision: this person may not decide on this declaration. */
    refusal?: string;
  }

  async function renderDeclaration(reply: FastifyReply, viewer: Viewer, id: string, form: DecisionForm = {}) {
    const entry: ReviewEntry | undefined = await services.declarations.read(viewer, id);
    if (!entry) throw new AppError('not_found');
    const waitsForChair =
      entry.decider === 'chair_of_governors' &&
      entry.declaration.status === 'pending' &&
      (await services.declarations.chairMissing(viewer));
    const [year, month, date] = oneYearOn(day(services.clock.now())).split('-');
    const reviewDue = form.reviewDue ?? { day: String(Number(date)), month: String(Number(month)), year: year! };
    const errors = form.errors ?? {};
    const status = entry.declaration.status;
    return page(
      reply,
      'declarations/declaration.njk',
      {
        pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}Declaration by ${entry.declarerName}`,
        entry: cardOf(entry, true, entry.decider),
        declarerName: entry.declarerName,
        canDecide: viewer.capabilities.includes('approve_declarations') && !entry.refusal && status !== 'declined',
        // Why someone who decides on others' declarations cannot decide on this one: their own.
        refusal: viewer.capabilities.includes('approve_declarations') ? (form.refusal ?? entry.refusal) : undefined,
        waitsForChair,
        reapproval: status === 'approved',
        formBase: `/declarations/review/${entry.declaration.id}`,
        reviewDueItems: dateItems('reviewDue', reviewDue, Boolean(errors['reviewDue-day'])),
        reason: form.reason ?? '',
        errors,
      },
      form.refusal ? 403 : Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  app.get<Params>('/declarations/review/:declarationId', review, async (request, reply) =>
    renderDeclaration(reply, request.viewer!, request.params.declarationId),
  );

  app.post<Params>('/declarations/review/:declarationId/approve', decide, async (request, reply) => {
    const fields = dayFields(request.body, 'reviewDue');
    const read = readDay(fields, 'the review date');
    const result =
      'day' in read
        ? await services.declarations.approve(request.viewer!, request.params.declarationId, read.day)
        : { ok: false as const, error: read.problem };
    if (result === undefined) throw new AppError('not_found');
    if (!result.ok && result.refused)
      return renderDeclaration(reply, request.viewer!, request.params.declarationId, {
        refusal: result.error,
        errors: { decision: result.error },
      });
    if (!result.ok)
      return renderDeclaration(reply, request.viewer!, request.params.declarationId, {
        reviewDue: fields,
        errors: { 'reviewDue-day': result.error },
      });
    return reply.redirect('/declarations/review?decided=approved', 303);
  });

  app.post<Params>('/declarations/review/:declarationId/decline', decide, async (request, reply) => {
    const reason = field(request.body, 'reason');
    const result = await services.declarations.decline(request.viewer!, request.params.declarationId, reason);
    if (result === undefined) throw new AppError('not_found');
    if (!result.ok && result.refused)
      return renderDeclaration(reply, request.viewer!, request.params.declarationId, {
        refusal: result.error,
        errors: { decision: result.error },
      });
    if (!result.ok)
      return renderDeclaration(reply, request.viewer!, request.params.declarationId, {
        reason,
        errors: { reason: result.error },
      });
    return reply.redirect('/declarations/review?decided=declined', 303);
  });
};
