// For staff: "Can we post this?" (/consent/check) for a class (as the MIS names it) or a whole year
// group, and a purpose, with a version to print; the figures class by class or year group by year
// group (/consent/coverage); and one pupil's record, to show or print for them
// (/pupils/:pupilId/consent), from which a pupil of 12 or over can be given a link to it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { yearGroups, type YearGroup } from '../../../domain/community/pupils.ts';
import { AppError } from '../../../errors.ts';
import type { ClassCheck, PupilStanding } from '../../../services/consent.ts';
import type { Services } from '../../../services/index.ts';
import type { PupilGroup } from '../../../services/ports.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { pupilName } from '../people/words.ts';
import { z } from 'zod';
import { hint, limits, page, readQuery, text, type Errors } from '../../forms.ts';
import { uuidParams } from '../../params.ts';
import {
  answerTagClass,
  answerWords,
  classLabel,
  longMoment,
  refusalWords,
  yearGroupName,
  yearGroupsName,
} from './words.ts';

// The check is a form sent by GET: its choices, bounded, each refusal shown on the page.
const checkQuery = z.object({
  className: text('Class', limits.name),
  yearGroup: text('Year group', limits.choice),
  purpose: text('What it is for', limits.choice),
});
const coverageQuery = z.object({ by: hint(limits.choice) });

const isYearGroup = (value: string): value is YearGroup => (yearGroups as readonly string[]).includes(value);

const names = (list: readonly PupilStanding[]) =>
  list.map(({ pupil, answer }) => ({ name: pupilName(pupil), toBeConfirmed: answer.toBeConfirmed }));

const groupName = (group: PupilGroup) =>
  'className' in group ? classLabel(group.className) : yearGroupName(group.yearGroup);

/** What the class check was asked, as typed: a class or a whole year group, and a purpose. */
interface Asked {
  className: string;
  yearGroup: string;
  purpose: string;
}

/** The group asked for, or what to fix, field by field. Nothing typed is lost: the form shows it again. */
function readGroup(asked: Asked, classes: readonly string[]): { group?: PupilGroup; errors: Errors } {
  const errors: Errors = {};
  if (asked.className !== '' && asked.yearGroup !== '') {
    errors.className =
      'Choose a class or a whole year group, not both: set the one you do not want back to its first choice';
  } else if (asked.className !== '') {
    if (classes.includes(asked.className)) return { group: { className: asked.className }, errors };
    errors.className = 'Choose a class from the list';
  } else if (asked.yearGroup !== '') {
    if (isYearGroup(asked.yearGroup)) return { group: { yearGroup: asked.yearGroup }, errors };
    errors.yearGroup = 'Choose a year group from the list';
  } else if (classes.length > 0) {
    errors.className = 'Choose a class, or a whole year group';
  } else {
    errors.yearGroup = 'Choose a year group';
  }
  return { errors };
}

function resultModel(services: Services, result: ClassCheck, asked: Asked) {
  const printQuery: Record<string, string> =
    'className' in result.group
      ? { className: result.group.className, purpose: asked.purpose }
      : { yearGroup: result.group.yearGroup, purpose: asked.purpose };
  return {
    group: groupName(result.group),
    purpose: result.purpose.title,
    mayAppear: names(result.mayAppear),
    mayNotAppear: names(result.mayNotAppear),
    noAnswer: names(result.noAnswer),
    nobody: 'className' in result.group ? 'Nobody in this class.' : 'Nobody in this year group.',
    total: result.mayAppear.length + result.mayNotAppear.length + result.noAnswer.length,
    printHref: `/consent/check/print?${new URLSearchParams(printQuery).toString()}`,
    checkedAt: longMoment(services.clock.now()),
  };
}

async function checkPage(services: Services, request: FastifyRequest, reply: FastifyReply, print: boolean) {
  const viewer = request.viewer!;
  const [purposes, classes] = await Promise.all([
    services.consent.activePurposes(viewer),
    services.consent.classes(viewer),
  ]);
  const form = readQuery(checkQuery, request);
  const asked: Asked = form.values;
  const submitted = asked.className !== '' || asked.yearGroup !== '' || asked.purpose !== '';
  let errors: Errors = form.ok ? {} : form.errors;
  let result;
  if (submitted && form.ok) {
    const read = readGroup(
      asked,
      classes.map((c) => c.className),
    );
    errors = read.errors;
    if (!purposes.some((p) => p.id === asked.purpose)) errors.purpose = 'Choose what the photo or work is for';
    if (read.group && Object.keys(errors).length === 0) {
      result = await services.consent.check(viewer, read.group, asked.purpose);
      if (!result) errors.purpose = 'Choose what the photo or work is for';
    }
  }
  if (print && !result) throw new AppError('not_found');
  const failed = Object.keys(errors).length > 0;
  const heading = result ? `${groupName(result.group)}: ${result.purpose.title}` : 'Can we post this?';
  return page(
    reply,
    print ? 'consent/check-print.njk' : 'consent/check.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}${print ? heading : 'Can we post this?'}`,
      heading,
      hasClasses: classes.length > 0,
      // A year group asked for (or wrongly chosen alongside a class) keeps its part of the form open.
      yearGroupOpen: asked.yearGroup !== '' || classes.length === 0,
      classItems: [
        { value: '', text: 'Choose a class' },
        ...classes.map((c) => ({
          value: c.className,
          text: `${c.className} (${yearGroupsName(c.yearGroups)})`,
          selected: c.className === asked.className,
        })),
      ],
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
      result: result && resultModel(services, result, asked),
      errors,
    },
    failed ? 400 : 200,
  );
}

export const checkRoutes: RoutePlugin = async (app, { services }) => {
  const checkOptions = {
    config: { access: 'check_consent' as const },
    schema: { querystring: checkQuery },
    attachValidation: true,
  };
  app.get('/consent/check', checkOptions, (request, reply) => checkPage(services, request, reply, false));

  app.get('/consent/check/print', checkOptions, (request, reply) => checkPage(services, request, reply, true));

  app.get(
    '/consent/coverage',
    { config: { access: 'check_consent' }, schema: { querystring: coverageQuery } },
    async (request, reply) => {
      const { purposes, rows, classRows } = await services.consent.coverage(request.viewer!);
      const hasClasses = classRows.some((row) => row.className !== undefined);
      const byYear = request.query.by === 'year' || !hasClasses;
      const cells = (byPurpose: (typeof rows)[number]['byPurpose']) =>
        byPurpose.map(({ purposeId, tally }) => ({
          title: purposes.find((p) => p.id === purposeId)?.title ?? '',
          ...tally,
        }));
      const title = byYear ? 'Consent by year group' : 'Consent by class';
      return page(reply, 'consent/coverage.njk', {
        pageTitle: title,
        title,
        byYear,
        hasClasses,
        purposes: purposes.map((purpose) => ({ id: purpose.id, title: purpose.title })),
        rows: byYear
          ? rows.map((row) => ({
              name: yearGroupName(row.yearGroup),
              yearGroup: yearGroupName(row.yearGroup),
              pupils: row.pupils,
              byPurpose: cells(row.byPurpose),
            }))
          : classRows.map((row) => ({
              name:
                row.className === undefined
                  ? `No class recorded (${yearGroupsName(row.yearGroups)})`
                  : `${classLabel(row.className)} (${yearGroupsName(row.yearGroups)})`,
              className: row.className ?? '',
              pupils: row.pupils,
              byPurpose: cells(row.byPurpose),
            })),
      });
    },
  );

  app.get(
    '/pupils/:pupilId/consent',
    { config: { access: 'check_consent' }, schema: { params: uuidParams('pupilId') } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const found = await services.consent.pupilRecord(viewer, request.params.pupilId);
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
        ownLink: viewer.capabilities.includes('manage_consent') && {
          formAction: `/pupils/${found.pupil.id}/consent/link`,
          refusal: found.ownLinkRefusal && refusalWords(name, found.ownLinkRefusal),
        },
      });
    },
  );
};
