// A pupil's own link to their consent record. On a pupil's record, the Headteacher or a school
// administrator makes a link for a pupil of 12 or over; the page that answers shows it once, to
// print or copy for the pupil (pupils have no email address here). Opening the link shows only a
// button, since mail scanners and chat previews open links but press nothing; pressing it uses the
// link and shows the record in that same answer, kept by no cache, with no session begun.
import { momentInWords } from '../../../domain/links/index.ts';
import { AppError } from '../../../errors.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { longDate } from '../../format.ts';
import { page } from '../../forms.ts';
import { uuidParams } from '../../params.ts';
import { limited, tokenParams, unusablePage } from '../links/shared.ts';
import { pupilName } from '../people/words.ts';
import { refusalWords } from './words.ts';

const stateWords = { given: 'Yes', withdrawn: 'No: withdrawn', not_given: 'No', nothing: 'Nothing recorded' } as const;
const stateTags = {
  given: 'govuk-tag--green',
  withdrawn: 'govuk-tag--red',
  not_given: 'govuk-tag--red',
  nothing: 'govuk-tag--grey',
} as const;

export const pupilLinkRoutes: RoutePlugin = async (app, { services }) => {
  app.post(
    '/pupils/:pupilId/consent/link',
    {
      config: {
        access: 'manage_consent',
        rateLimit: limited(20, (request) => (request.params as { pupilId: string }).pupilId),
      },
      schema: { params: uuidParams('pupilId') },
    },
    async (request, reply) => {
      const issued = await services.consent.issuePupilLink(request.viewer!, request.params.pupilId);
      if (!issued) throw new AppError('not_found');
      const name = pupilName(issued.pupil);
      const backHref = `/pupils/${issued.pupil.id}/consent`;
      if (issued.outcome === 'refused') {
        return page(
          reply,
          'consent/own-link-refused.njk',
          { pageTitle: `${name} cannot be given a link`, message: refusalWords(name, issued.refusal), backHref },
          409,
        );
      }
      return page(reply, 'consent/own-link-made.njk', {
        pageTitle: `A link for ${name} to see their record`,
        name,
        url: issued.url,
        expiresAt: momentInWords(issued.expiresAt),
        backHref,
      });
    },
  );

  app.get(
    '/links/consent/:token',
    { config: { access: 'anyone' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const checked = await services.consent.checkPupilLink(token);
      if (!checked.usable) return unusablePage(reply, 'pupil_consent', checked.reason);
      reply.header('x-robots-tag', 'noindex');
      return page(reply, 'consent/own-link-confirm.njk', {
        qa: 'own-link-confirm',
        pageTitle: 'See what your school has recorded for you',
        formAction: `/links/consent/${token}`,
        buttonText: 'Show my record',
        schoolName: checked.schoolName,
      });
    },
  );

  app.post(
    '/links/consent/:token',
    {
      config: { access: 'anyone', rateLimit: limited(10, (request) => (request.params as { token: string }).token) },
      schema: { params: tokenParams },
    },
    async (request, reply) => {
      const opened = await services.consent.openPupilLink(request.params.token);
      if (opened.outcome === 'unusable') return unusablePage(reply, 'pupil_consent', opened.reason);
      reply.header('x-robots-tag', 'noindex');
      return page(reply, 'consent/own-record.njk', {
        pageTitle: 'What your school has recorded for you',
        schoolName: opened.schoolName,
        firstName: opened.firstName,
        readOn: longDate(opened.readAt),
        lines: opened.lines.map((line) => ({
          title: line.purpose.title,
          explanation: line.purpose.explanation,
          words: stateWords[line.state],
          tagClass: line.toBeConfirmed ? 'govuk-tag--yellow' : stateTags[line.state],
          since: line.since && longDate(line.since),
          state: line.state,
          toBeConfirmed: line.toBeConfirmed,
        })),
      });
    },
  );
};
