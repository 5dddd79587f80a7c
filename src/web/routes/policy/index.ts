// The school's policy for those who look after it: adopt it, see where the version in hand has got
// to, send it to the governors, record their ratification, publish it, start the next version, and
// read what changed between any two versions. Editing the draft's text has its own pages (/policy/draft).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access/capabilities.ts';
import { versionStatusNames, type VersionSummary } from '../../../domain/school-policy/versions.ts';
import { AppError, isAppError } from '../../../errors.ts';
import type { Services } from '../../../services/index.ts';
import { documentModel } from '../../../domain/policy/render/index.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { readableText } from '../policy-text.ts';
import { field, page, type Errors } from '../../forms.ts';
import { dayFields, longDay, readDay, type DayFields } from './dates.ts';

interface NumberParams {
  Params: { number: string };
}

interface OverviewForms {
  errors?: Errors;
  summary?: string;
  ratification?: { ratifiedOn: DayFields; meeting: string; reviewDue: DayFields };
  source?: string;
}

/** The three boxes of a GOV.UK date input, marked in error together. */
function dateItems(prefix: string, value: DayFields, errors: Errors) {
  const error = errors[`${prefix}-day`] ? ' govuk-input--error' : '';
  return [
    { id: `${prefix}-day`, name: 'day', classes: `govuk-input--width-2${error}`, value: value.day },
    { name: 'month', classes: `govuk-input--width-2${error}`, value: value.month },
    { name: 'year', classes: `govuk-input--width-4${error}`, value: value.year },
  ];
}

function versionRow(version: VersionSummary) {
  return {
    number: version.number,
    label: version.label,
    status: versionStatusNames[version.status],
    statusCode: version.status,
    published: longDay(version.publishedAt),
    reviewDue: longDay(version.reviewDue),
    changeSummary: version.changeSummary ?? '',
  };
}

async function overviewPage(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  forms: OverviewForms = {},
  status = 200,
) {
  const viewer = request.viewer!;
  const { versions, inHand, published } = await services.schoolPolicy.overview(viewer);
  const canEdit = can(viewer.roles, 'edit_policy');
  const sources = versions.length === 0 && canEdit ? await services.schoolPolicy.adoptionSources(viewer) : [];
  const errors = forms.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  const ratification = forms.ratification ?? {
    ratifiedOn: { day: '', month: '', year: '' },
    meeting: '',
    reviewDue: { day: '', month: '', year: '' },
  };
  return page(
    reply,
    'policy/index.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}Your school’s policy`,
      canEdit,
      canRatify: can(viewer.roles, 'ratify_policy'),
      inHand: inHand && versionRow(inHand),
      published: published && versionRow(published),
      versions: versions.map(versionRow),
      sources: sources.map((source) => ({
        value: source.id,
        text: source.title,
        hint: { text: source.description },
        checked: source.id === (forms.source ?? 'model'),
      })),
      summary: forms.summary ?? inHand?.changeSummary ?? '',
      ratification,
      ratifiedOnItems: dateItems('ratifiedOn', ratification.ratifiedOn, errors),
      reviewDueItems: dateItems('reviewDue', ratification.reviewDue, errors),
      publicLink: `/s/${viewer.school.slug}/policy`,
      errors,
    },
    status,
  );
}

async function versionOrNotFound(services: Services, request: FastifyRequest<NumberParams>) {
  const number = Number.parseInt(request.params.number, 10);
  if (!/^\d{1,6}$/.test(request.params.number)) throw new AppError('not_found');
  const found = await services.schoolPolicy.version(request.viewer!, number);
  if (!found) throw new AppError('not_found');
  return found;
}

/** A refusal the page can explain (not ready, or already adopted), shown on the overview. */
async function orExplain(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  field: string,
  work: () => Promise<unknown>,
  forms: OverviewForms = {},
) {
  try {
    await work();
    return reply.redirect('/policy', 303);
  } catch (error) {
    if (isAppError(error) && ['policy_not_ready', 'policy_exists', 'validation_failed'].includes(error.code)) {
      return overviewPage(services, request, reply, { ...forms, errors: { [field]: error.message } }, error.status);
    }
    throw error;
  }
}

export const policyRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/policy', { config: { access: 'view_policy_drafts' } }, (request, reply) =>
    overviewPage(services, request, reply),
  );

  app.post('/policy/adopt', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const source = field(request.body, 'source');
    if (!source) {
      return overviewPage(services, request, reply, { errors: { source: 'Choose the policy to start from' } }, 400);
    }
    return orExplain(services, request, reply, 'source', () => services.schoolPolicy.adopt(request.viewer!, source), {
      source,
    });
  });

  app.post('/policy/revise', { config: { access: 'edit_policy' } }, (request, reply) =>
    orExplain(services, request, reply, 'revise', () => services.schoolPolicy.startRevision(request.viewer!)),
  );

  app.post<NumberParams>(
    '/policy/versions/:number/send',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const { version } = await versionOrNotFound(services, request);
      const summary = field(request.body, 'summary');
      if (!summary.trim()) {
        return overviewPage(
          services,
          request,
          reply,
          { summary, errors: { summary: 'Say what changed in this version and why' } },
          400,
        );
      }
      return orExplain(
        services,
        request,
        reply,
        'summary',
        () => services.schoolPolicy.sendForRatification(request.viewer!, version.id, summary),
        { summary },
      );
    },
  );

  app.post<NumberParams>(
    '/policy/versions/:number/withdraw',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const { version } = await versionOrNotFound(services, request);
      return orExplain(services, request, reply, 'withdraw', () =>
        services.schoolPolicy.withdraw(request.viewer!, version.id),
      );
    },
  );

  app.post<NumberParams>(
    '/policy/versions/:number/ratify',
    { config: { access: 'ratify_policy' } },
    async (request, reply) => {
      const { version } = await versionOrNotFound(services, request);
      const ratification = {
        ratifiedOn: dayFields(request.body, 'ratifiedOn'),
        meeting: field(request.body, 'meeting').trim(),
        reviewDue: dayFields(request.body, 'reviewDue'),
      };
      const errors: Errors = {};
      const ratifiedOn = readDay(ratification.ratifiedOn, 'the date of the meeting');
      if ('problem' in ratifiedOn) errors['ratifiedOn-day'] = ratifiedOn.problem;
      if (!ratification.meeting)
        errors.meeting = 'Enter the meeting the governors ratified it at, as the minutes name it';
      const reviewGiven = Object.values(ratification.reviewDue).some((part) => part !== '');
      const reviewDue = reviewGiven ? readDay(ratification.reviewDue, 'the review date') : undefined;
      if (reviewDue && 'problem' in reviewDue) errors['reviewDue-day'] = reviewDue.problem;
      if ('day' in ratifiedOn && reviewDue && 'day' in reviewDue && reviewDue.day <= ratifiedOn.day) {
        errors['reviewDue-day'] = 'The review date must be after the date of the meeting';
      }
      if ('day' in ratifiedOn && ratifiedOn.day > services.clock.now().toISOString().slice(0, 10)) {
        errors['ratifiedOn-day'] = 'The date of the meeting must be today or in the past';
      }
      if (Object.keys(errors).length > 0 || !('day' in ratifiedOn)) {
        return overviewPage(services, request, reply, { ratification, errors }, 400);
      }
      return orExplain(
        services,
        request,
        reply,
        'ratifiedOn-day',
        () =>
          services.schoolPolicy.ratify(request.viewer!, version.id, {
            ratifiedOn: ratifiedOn.day,
            meeting: ratification.meeting,
            ...(reviewDue && 'day' in reviewDue ? { reviewDue: reviewDue.day } : {}),
          }),
        { ratification },
      );
    },
  );

  app.post<NumberParams>(
    '/policy/versions/:number/publish',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const { version } = await versionOrNotFound(services, request);
      return orExplain(services, request, reply, 'publish', () =>
        services.schoolPolicy.publish(request.viewer!, version.id),
      );
    },
  );

  app.get<NumberParams>(
    '/policy/versions/:number',
    { config: { access: 'view_policy_drafts' } },
    async (request, reply) => {
      const found = await versionOrNotFound(services, request);
      const { version, document, ratifications } = found;
      const previous =
        version.number > 1
          ? await services.schoolPolicy.compare(request.viewer!, version.number - 1, version.number)
          : undefined;
      return page(reply, 'policy/version.njk', {
        pageTitle: `Version ${version.label} of the policy`,
        version: versionRow(version),
        isPublic: version.status === 'published' || version.status === 'superseded',
        publicLink: `/s/${request.viewer!.school.slug}/policy/v/${version.number}`,
        document,
        ratifications: ratifications.map((r) => ({
          ratifiedOn: longDay(r.ratifiedOn),
          meeting: r.meeting,
          recordedBy: r.recordedByName,
        })),
        createdBy: version.createdByName,
        previous: previous && { number: previous.from.number, label: previous.from.label, diff: previous.diff },
      });
    },
  );

  // The whole text of any version, drafts and versions with the governors included: what governors
  // read before they ratify. Laid out as the public page lays out a published one.
  app.get<NumberParams>(
    '/policy/versions/:number/document',
    { config: { access: 'view_policy_drafts' } },
    async (request, reply) => {
      const { version, document } = await versionOrNotFound(services, request);
      return page(reply, 'policy/document.njk', {
        pageTitle: `${document.title}, version ${version.label}`,
        version: versionRow(version),
        ratifications: [],
        ...readableText(documentModel(document)),
      });
    },
  );

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/policy/compare',
    { config: { access: 'view_policy_drafts' } },
    async (request, reply) => {
      const { versions } = await services.schoolPolicy.overview(request.viewer!);
      const numbers = versions.map((v) => v.number);
      const from = Number.parseInt(request.query.from ?? '', 10);
      const to = Number.parseInt(request.query.to ?? '', 10);
      const chosen = numbers.includes(from) && numbers.includes(to) && from !== to;
      const compared = chosen ? await services.schoolPolicy.compare(request.viewer!, from, to) : undefined;
      const asked = request.query.from !== undefined || request.query.to !== undefined;
      const errors: Errors = asked && !compared ? { from: 'Choose two different versions to compare' } : {};
      const options = (selected: number) =>
        versions.map((v) => ({
          value: String(v.number),
          text: `Version ${v.label} (${versionStatusNames[v.status].toLowerCase()})`,
          selected: v.number === selected,
        }));
      return page(
        reply,
        'policy/compare.njk',
        {
          pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}Compare versions of the policy`,
          fromOptions: options(compared ? from : (numbers[1] ?? numbers[0] ?? 0)),
          toOptions: options(compared ? to : (numbers[0] ?? 0)),
          compared: compared && {
            from: compared.from.label,
            to: compared.to.label,
            rules: compared.diff.rules.map((change) => ({
              id: change.id,
              kind: change.kind,
              text: change.description,
            })),
            procedures: compared.diff.procedures.map((change) => change.description),
            document: compared.diff.document,
          },
          errors,
        },
        Object.keys(errors).length > 0 ? 400 : 200,
      );
    },
  );
};
