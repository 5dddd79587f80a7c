// Handling cases: the list of cases the viewer may open and the tasks waiting for them; a case
// with its people, evidence, assessment, tasks and chronology; and the forms that move it on.
// Which case each person may open is the incidents service's decision, case by case.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  assessmentValues,
  actWords,
  channelWords,
  contextWords,
  imageWords,
  labelWords,
  readAssessmentForm,
  relationshipWords,
  roleChoices,
  subjectWords,
  visibilityWords,
  type AssessmentValues,
} from '../../../domain/incidents/assessment-form.ts';
import {
  letterKindNames,
  letterKinds,
  placeholderMeanings,
  type Placeholder,
} from '../../../domain/incidents/letters.ts';
import { caseOutcomeNames, caseOutcomes, caseStatusNames } from '../../../domain/incidents/case.ts';
import { eventKindNames } from '../../../domain/incidents/chronology.ts';
import { concernKindNames, type ConcernKind } from '../../../domain/incidents/report.ts';
import { isOverdue, taskStateNames } from '../../../domain/incidents/tasks.ts';
import { maxEventText } from '../../../domain/incidents/chronology.ts';
import { roleSingular } from '../../../domain/policy/render/vocabulary-words.ts';
import type { Viewer } from '../../../services/access.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import type { Verdict } from '../../../domain/policy/outcome.ts';
import { dateAndTime as dateTime, longDate as longDay } from '../../format.ts';
import { limits, page, readForm, text, type Errors } from '../../forms.ts';
import { uuidParams } from '../../params.ts';

/** The form field that gives each value a letter may need from the person sending it. */
const letterFields: Partial<Record<Placeholder, string>> = {
  recipientName: 'recipientName',
  meetingWhen: 'meetingWhen',
  complaintsPolicyUrl: 'complaintsPolicyUrl',
  whereSeen: 'whereSeen',
};

const handle = { config: { access: 'handle_incidents' as const } };
const byCase = uuidParams('caseId');

/** The forms of a case: each field bounded, then checked by the incidents service. */
const oneAnswer = z.string({ error: 'An answer must be text' }).max(limits.short, {
  abort: true,
  error: `An answer must be ${limits.short.toLocaleString('en-GB')} characters or fewer`,
});
const assessmentForm = z
  .object({ rationale: text('The reason', limits.text) })
  .catchall(z.union([oneAnswer, z.array(oneAnswer).max(200)], { error: 'An answer must be text' }));
const taskForm = z.object({
  state: text('What happened', limits.choice),
  note: text('The note', limits.text),
  platformReport: text('The report to the platform', limits.short),
  platformAnswer: text('The platform’s answer', limits.text),
});
const entryForm = z.object({
  kind: text('The kind of entry', limits.choice),
  text: text('The entry', limits.text),
  entryRationale: text('The reason', limits.text),
});
const closeForm = z.object({
  outcome: text('The outcome', limits.choice),
  closeRationale: text('The reason', limits.text),
});
const reopenForm = z.object({ reopenReason: text('The reason', limits.text) });
const letterForm = z.object({
  letterKind: text('The letter', limits.choice),
  recipientName: text('The recipient’s name', limits.name),
  meetingWhen: text('When the meeting is', limits.name),
  complaintsPolicyUrl: text('The complaints policy’s address', limits.short),
  whereSeen: text('Where it was seen', limits.short),
});

/** The assessment's verdict as a sentence, and each task's tag: words and colours the page shows, chosen here. */
const verdictWords: Record<Verdict, string> = {
  breach: 'The policy was broken.',
  advised_against: 'The policy advises against this.',
  permitted: 'The policy allows this.',
  not_covered: 'The policy does not cover this.',
};
const taskTagClasses = { open: 'govuk-tag--grey', done: 'govuk-tag--green', not_needed: 'govuk-tag--grey' } as const;

/** A refused form: the first field's message, shown where the page shows that form's errors. */
const refusedAt = (errors: Errors, at: string): Errors => ({ [at]: Object.values(errors)[0] ?? '' });

const kindName = (kind: string) => concernKindNames[kind as ConcernKind] ?? kind;

function options<T extends string>(
  words: Readonly<Record<T, string>>,
  chosen: string | string[] | undefined,
  kind: 'radio' | 'check',
) {
  const picked = Array.isArray(chosen) ? chosen : chosen ? [chosen] : [];
  return (Object.keys(words) as T[]).map((value) => ({
    value,
    text: words[value],
    ...(kind === 'radio' ? { checked: picked.includes(value) } : { checked: picked.includes(value) }),
  }));
}

function selectOf(items: { value: string; text: string }[], chosen: string | string[] | undefined, empty?: string) {
  const value = Array.isArray(chosen) ? chosen[0] : chosen;
  return [
    ...(empty === undefined ? [] : [{ value: '', text: empty, selected: !value }]),
    ...items.map((item) => ({ ...item, selected: item.value === value })),
  ];
}

function assessmentFields(values: AssessmentValues) {
  return {
    values,
    actorRoles: selectOf(roleChoices, values.actorRole),
    acts: selectOf(
      (Object.keys(actWords) as (keyof typeof actWords)[]).map((value) => ({ value, text: actWords[value] })),
      values.act,
    ),
    counterpartRoles: selectOf(roleChoices, values.counterpartRole, 'Nobody in particular'),
    relationships: selectOf(
      (Object.keys(relationshipWords) as (keyof typeof relationshipWords)[]).map((value) => ({
        value,
        text: relationshipWords[value],
      })),
      values.relationship,
      'Not known',
    ),
    about: options(subjectWords, values.about, 'check'),
    images: options(imageWords, values.images, 'check'),
    labels: options(labelWords, values.labels, 'check'),
    channels: selectOf(
      (Object.keys(channelWords) as (keyof typeof channelWords)[]).map((value) => ({
        value,
        text: channelWords[value],
      })),
      values.channel,
      'Not known',
    ),
    visibilities: selectOf(
      (Object.keys(visibilityWords) as (keyof typeof visibilityWords)[]).map((value) => ({
        value,
        text: visibilityWords[value],
      })),
      values.visibility,
      'Not known',
    ),
    contexts: options(contextWords, values.context, 'check'),
    tones: options({ negative: 'Critical or hostile', neutral: 'Neutral', positive: 'Positive' }, values.tone, 'radio'),
  };
}

function assessmentValuesFrom(body: unknown): AssessmentValues {
  const source = (body ?? {}) as Record<string, unknown>;
  const values: AssessmentValues = {};
  for (const [name, value] of Object.entries(source)) {
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}

export const caseRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/incidents', handle, async (request, reply) => {
    const viewer = request.viewer!;
    const { cases, myTasks, byOwner } = await services.incidents.dashboard(viewer);
    const now = services.clock.now();
    return page(reply, 'incidents/index.njk', {
      pageTitle: 'Incidents',
      openCases: cases
        .filter((entry) => entry.case.status !== 'closed')
        .map((entry) => ({
          href: `/incidents/${entry.case.id}`,
          reference: entry.case.reference,
          kind: kindName(entry.case.kind),
          reported: longDay(entry.case.reportedAt),
          status: caseStatusNames[entry.case.status],
          handler: entry.handlerName,
          openTasks: entry.openTasks,
          overdueTasks: entry.overdueTasks,
        })),
      closedCases: cases
        .filter((entry) => entry.case.status === 'closed')
        .map((entry) => ({
          href: `/incidents/${entry.case.id}`,
          reference: entry.case.reference,
          kind: kindName(entry.case.kind),
          closed: longDay(entry.case.closedAt),
          outcome: entry.case.outcome ? caseOutcomeNames[entry.case.outcome] : '',
        })),
      byOwner,
      myTasks: myTasks.map((task) => ({
        reference: task.reference,
        href: `/incidents/${task.caseId}#task-${task.id}`,
        what: task.what,
        due: dateTime(task.dueAt),
        overdue: isOverdue(task, now),
      })),
    });
  });

  async function renderCase(
    reply: FastifyReply,
    viewer: Viewer,
    id: string,
    form: { errors?: Errors; assessment?: AssessmentValues; kept?: Record<string, string> } = {},
  ) {
    const view = await services.incidents.open(viewer, id);
    const now = services.clock.now();
    const errors = form.errors ?? {};
    const found = view.case;
    return page(
      reply,
      'incidents/case.njk',
      {
        pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}Case ${found.reference}`,
        reference: found.reference,
        base: `/incidents/${found.id}`,
        canHandle: view.canHandle,
        closed: found.status === 'closed',
        summary: [
          { key: { text: 'Status' }, value: { text: caseStatusNames[found.status] } },
          { key: { text: 'Handled by' }, value: { text: `The ${view.handlerName.toLowerCase()}` } },
          { key: { text: 'What it is about' }, value: { text: kindName(found.kind) } },
          {
            key: { text: 'Reported' },
            value: {
              text: `${dateTime(found.reportedAt)}${found.channel === 'public' ? ', on the school’s public page' : ''}`,
            },
          },
          {
            key: { text: 'Reported by' },
            value: {
              text: [roleSingular[found.reporter.role], found.reporter.name, found.reporter.contact]
                .filter(Boolean)
                .join(', '),
            },
          },
          ...(found.happenedOn
            ? [{ key: { text: 'When it happened' }, value: { text: longDay(found.happenedOn) } }]
            : []),
          ...(found.platform ? [{ key: { text: 'Where' }, value: { text: found.platform } }] : []),
          ...(found.outcome ? [{ key: { text: 'Outcome' }, value: { text: caseOutcomeNames[found.outcome] } }] : []),
          ...(found.reviewDue
            ? [{ key: { text: 'Kept until at least' }, value: { text: `${longDay(found.reviewDue)}, then reviewed` } }]
            : []),
        ],
        what: found.what,
        links: found.links,
        parties: view.parties.map((party) => ({
          role: roleSingular[party.role],
          name: party.name,
          subject: party.subject,
        })),
        evidence: view.evidence.map((item) => ({
          href: `/incidents/${found.id}/evidence/${item.id}`,
          name: item.originalName,
          size: `${Math.max(1, Math.round(item.size / 1024))} KB`,
          sha256: item.sha256,
        })),
        outcome: view.outcome && {
          verdict: view.outcome.verdict,
          verdictWords: verdictWords[view.outcome.verdict],
          breaches: view.outcome.findings.filter((f) => f.status === 'violated'),
        },
        tasks: view.tasks.map((task) => ({
          id: task.id,
          what: task.what,
          toPlatform: task.action === 'report_to_platform',
          because: task.because,
          optional: task.optional,
          condition: task.condition,
          owner: task.ownerName ?? 'Nobody holds this role in Footprint yet',
          due: dateTime(task.dueAt),
          overdue: isOverdue(task, now),
          open: task.state === 'open',
          state: taskStateNames[task.state],
          tagClass: taskTagClasses[task.state],
        })),
        chronology: view.chronology.map((event) => ({
          seq: event.seq,
          when: dateTime(event.at),
          kind: eventKindNames[event.kind],
          who: event.actorName ?? (event.actorPersonId ? '' : 'Footprint'),
          text: event.text,
        })),
        letterKinds: letterKinds.map((value) => ({
          value,
          text: letterKindNames[value],
          checked: form.kept?.letterKind === value,
        })),
        outcomes: caseOutcomes.map((value) => ({
          value,
          text: caseOutcomeNames[value],
          checked: form.kept?.outcome === value,
        })),
        kept: form.kept ?? {},
        maxText: maxEventText,
        ...assessmentFields(form.assessment ?? assessmentValues(view.situation)),
        errors,
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  app.get('/incidents/:caseId', { ...handle, schema: { params: byCase } }, async (request, reply) =>
    renderCase(reply, request.viewer!, request.params.caseId),
  );

  app.post(
    '/incidents/:caseId/assess',
    { ...handle, schema: { params: byCase, body: assessmentForm }, attachValidation: true },
    async (request, reply) => {
      const viewer = request.viewer!;
      const form = readForm(assessmentForm, request);
      const { rationale, ...answers } = form.values;
      const values = assessmentValuesFrom(answers);
      if (!form.ok)
        return renderCase(reply, viewer, request.params.caseId, {
          errors: form.errors,
          assessment: values,
          kept: { rationale },
        });
      const read = readAssessmentForm(values);
      if (!read.ok)
        return renderCase(reply, viewer, request.params.caseId, {
          errors: read.errors,
          assessment: values,
          kept: { rationale },
        });
      const result = await services.incidents.assess(viewer, request.params.caseId, read.situation, rationale);
      if (!result.ok)
        return renderCase(reply, viewer, request.params.caseId, {
          errors: { rationale: result.error },
          assessment: values,
          kept: { rationale },
        });
      return reply.redirect(`/incidents/${request.params.caseId}#tasks`, 303);
    },
  );

  app.post(
    '/incidents/:caseId/tasks/:taskId',
    { ...handle, schema: { params: uuidParams('caseId', 'taskId'), body: taskForm }, attachValidation: true },
    async (request, reply) => {
      const { caseId, taskId } = request.params;
      const form = readForm(taskForm, request);
      const { note } = form.values;
      if (!form.ok)
        return renderCase(reply, request.viewer!, caseId, {
          errors: refusedAt(form.errors, `note-${taskId}`),
          kept: { [`note-${taskId}`]: note },
        });
      const state = form.values.state === 'not_needed' ? 'not_needed' : 'done';
      const result = await services.incidents.finishTask(request.viewer!, caseId, taskId, state, note, {
        report: form.values.platformReport,
        answer: form.values.platformAnswer,
      });
      if (!result.ok)
        return renderCase(reply, request.viewer!, caseId, {
          errors: { [`note-${taskId}`]: result.error },
          kept: { [`note-${taskId}`]: note },
        });
      return reply.redirect(`/incidents/${caseId}#tasks`, 303);
    },
  );

  app.post(
    '/incidents/:caseId/entries',
    { ...handle, schema: { params: byCase, body: entryForm }, attachValidation: true },
    async (request, reply) => {
      const { caseId } = request.params;
      const form = readForm(entryForm, request);
      const kind = form.values.kind === 'decision' ? 'decision' : 'note';
      const { text, entryRationale: rationale } = form.values;
      if (!form.ok)
        return renderCase(reply, request.viewer!, caseId, {
          errors: form.errors,
          kept: { text, entryRationale: rationale, kind },
        });
      const result = await services.incidents.addEntry(request.viewer!, caseId, kind, text, rationale);
      if (!result.ok)
        return renderCase(reply, request.viewer!, caseId, {
          errors: { [text.trim() === '' ? 'text' : 'entryRationale']: result.error },
          kept: { text, entryRationale: rationale, kind },
        });
      return reply.redirect(`/incidents/${caseId}#chronology`, 303);
    },
  );

  app.post(
    '/incidents/:caseId/close',
    { ...handle, schema: { params: byCase, body: closeForm }, attachValidation: true },
    async (request, reply) => {
      const { caseId } = request.params;
      const form = readForm(closeForm, request);
      const { outcome, closeRationale: rationale } = form.values;
      if (!form.ok)
        return renderCase(reply, request.viewer!, caseId, {
          errors: form.errors,
          kept: { outcome, closeRationale: rationale },
        });
      const result = await services.incidents.close(request.viewer!, caseId, outcome, rationale);
      if (!result.ok)
        return renderCase(reply, request.viewer!, caseId, {
          errors: { [outcome === '' ? 'outcome' : 'closeRationale']: result.error },
          kept: { outcome, closeRationale: rationale },
        });
      return reply.redirect(`/incidents/${caseId}`, 303);
    },
  );

  app.post(
    '/incidents/:caseId/reopen',
    { ...handle, schema: { params: byCase, body: reopenForm }, attachValidation: true },
    async (request, reply) => {
      const { caseId } = request.params;
      const form = readForm(reopenForm, request);
      const reason = form.values.reopenReason;
      if (!form.ok)
        return renderCase(reply, request.viewer!, caseId, { errors: form.errors, kept: { reopenReason: reason } });
      const result = await services.incidents.reopen(request.viewer!, caseId, reason);
      if (!result.ok)
        return renderCase(reply, request.viewer!, caseId, {
          errors: { reopenReason: result.error },
          kept: { reopenReason: reason },
        });
      return reply.redirect(`/incidents/${caseId}`, 303);
    },
  );

  app.post(
    '/incidents/:caseId/letters',
    { ...handle, schema: { params: byCase, body: letterForm }, attachValidation: true },
    async (request, reply) => {
      const { caseId } = request.params;
      const form = readForm(letterForm, request);
      const kept = form.values;
      if (!form.ok) return renderCase(reply, request.viewer!, caseId, { errors: form.errors, kept });
      const result = await services.incidents.produceLetter(request.viewer!, caseId, kept.letterKind, kept);
      if (!result.ok) {
        const errors: Errors =
          'missing' in result
            ? Object.fromEntries(
                result.missing.map((name) => [
                  letterFields[name] ?? 'recipientName',
                  `Give ${placeholderMeanings[name].charAt(0).toLowerCase()}${placeholderMeanings[name].slice(1)}`,
                ]),
              )
            : { letterKind: result.error };
        return renderCase(reply, request.viewer!, caseId, { errors, kept });
      }
      return reply.redirect(`/incidents/${caseId}#evidence`, 303);
    },
  );

  app.get(
    '/incidents/:caseId/evidence/:evidenceId',
    { ...handle, schema: { params: uuidParams('caseId', 'evidenceId') } },
    async (request, reply) => {
      const file = await services.incidents.evidenceFile(
        request.viewer!,
        request.params.caseId,
        request.params.evidenceId,
      );
      return reply
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .type(file.mediaType)
        .send(Buffer.from(file.bytes));
    },
  );
};
