// For staff: "Can we post this?" (/consent/check) for a year group and a purpose, with a version to
// print; the figures for every year group (/consent/coverage); and one pupil's record, to show or
// print for them (/pupils/:pupilId/consent). Footprint has no class table, so a class here is a
// year group.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { yearGroups, type YearGroup } from '../../../domain/community/pupils.ts';
import { AppError } from '../../../errors.ts';
import type { PupilStanding } from '../../../services/consent.ts';
import type { Services } from '../../../services/index.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { pupilName } from '../people/words.ts';
import { page, type Errors } from '../sign-in/form.ts';
import { answerTagClass, answerWords, longMoment, yearGroupName } from './words.ts';

interface PupilParams {
  Params: { pupilId: string };
}

const isYearGroup = (value: string): value is YearGroup => (yearGroups as readonly string[]).includes(value);

const query = (request: FastifyRequest, name: string) => {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
};

const names = (list: readonly PupilStanding[]) =>
  list.map(({ pupil, answer }) => ({ name: pupilName(pupil), toBeConfirmed: answer.toBeConfirmed }));

async function checkPage(services: Services, request: FastifyRequest, reply: FastifyReply, print: boolean) {
  const viewer = request.viewer!;
  const purposes = await services.consent.activePurposes(viewer);
  const asked = { yearGroup: query(request, 'yearGroup'), purpose: query(request, 'purpose') };
  const errors: Errors = {};
  const submitted = asked.yearGroup !== '' || asked.purpose !== '';
  let result;
  if (submitted) {
    if (!isYearGroup(asked.yearGroup)) errors.yearGroup = 'Choose a year group';
    if (!purposes.some((p) => p.id === asked.purpose)) errors.purpose = 'Choose what the photo or work is for';
    if (Object.keys(errors).length === 0) {
      result = await services.consent.check(viewer, asked.yearGroup as YearGroup, asked.purpose);
      if (!result) errors.purpose = 'Choose what the photo or work is for';
    }
  }
  if (print && !result) throw new AppError('not_found');
  const failed = Object.keys(errors).length > 0;
  const heading = result ? `${yearGroupName(result.yearGroup)}: ${result.purpose.title}` : 'Can we post this?';
  return page(
    reply,
    print ? 'consent/check-print.njk' : 'consent/check.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}${print ? heading : 'Can we post this?'}`,
      heading,
      yearGroupItems: [
        { value: '', text: 'Choose a year group' },
        ...yearGroups.map((group) => ({
          value: group,
          text: yearGroupName(group),
          selected: group === asked.yearGroup,
        })),
      ],
      purposeItems: purposes.map((purpose) => ({
        value: purpose.id,
        text: purpose.title,
        hint: { text: purpose.explanation },
        checked: purpose.id === asked.purpose,
      })),
      result: result && {
        yearGroup: yearGroupName(result.yearGroup),
        purpose: result.purpose.title,
        mayAppear: names(result.mayAppear),
        mayNotAppear: names(result.mayNotAppear),
        noAnswer: names(result.noAnswer),
        total: result.mayAppear.length + result.mayNotAppear.length + result.noAnswer.length,
        printHref: `/consent/check/print?${new URLSearchParams({ yearGroup: asked.yearGroup, purpose: asked.purpose }).toString()}`,
        checkedAt: longMoment(services.clock.now()),
      },
      errors,
    },
    failed ? 400 : 200,
  );
}

export const checkRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/consent/check', { config: { access: 'check_consent' } }, (request, reply) =>
    checkPage(services, request, reply, false),
  );

  app.get('/consent/check/print', { config: { access: 'check_consent' } }, (request, reply) =>
    checkPage(services, request, reply, true),
  );

  app.get('/consent/coverage', { config: { access: 'check_consent' } }, async (request, reply) => {
    const { purposes, rows } = await services.consent.coverage(request.viewer!);
    return page(reply, 'consent/coverage.njk', {
      pageTitle: 'Consent by year group',
      purposes: purposes.map((purpose) => ({ id: purpose.id, title: purpose.title })),
      rows: rows.map((row) => ({
        yearGroup: yearGroupName(row.yearGroup),
        pupils: row.pupils,
        byPurpose: row.byPurpose.map(({ purposeId, tally }) => ({
          title: purposes.find((p) => p.id === purposeId)?.title ?? '',
          ...tally,
        })),
      })),
    });
  });

  app.get<PupilParams>('/pupils/:pupilId/consent', { config: { access: 'check_consent' } }, async (request, reply) => {
    const found = await services.consent.pupilRecord(request.viewer!, request.params.pupilId);
    if (!found) throw new AppError('not_found');
    const name = pupilName(found.pupil);
    return page(reply, 'consent/pupil.njk', {
      pageTitle: `What we have recorded for ${name}`,
      name,
      age: found.age,
      yearGroup: yearGroupName(found.pupil.yearGroup),
      answers: found.answers.map(({ purpose, answer }) => ({
        title: purpose.title,
        explanation: purpose.explanation,
        words: answerWords(answer),
        tagClass: answerTagClass(answer),
      })),
      history: [...found.history].reverse().map((entry) => ({
        when: longMoment(entry.record.answeredAt),
        purpose: entry.purposeTitle,
        answer: entry.record.answer === 'given' ? 'Yes' : 'No',
        by: entry.answeredByName,
      })),
    });
  });
};
