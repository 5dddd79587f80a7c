// Handling cases: the list of cases the viewer may open and the tasks waiting for them; a case
// with its people, evidence, assessment, tasks and chronology; and the forms that move it on.
// Which case each person may open is the incidents service's decision, case by case.
import type { FastifyReply } from 'fastify';
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
import { longDay } from '../policy/dates.ts';
import { field, page, type Errors } from '../sign-in/form.ts';

/** The form field that gives each value a letter may need from the person sending it. */
const letterFields: Partial<Record<Placeholder, string>> = {
  recipientName: 'recipientName',
  meetingWhen: 'meetingWhen',
  complaintsPolicyUrl: 'complaintsPolicyUrl',
  whereSeen: 'whereSeen',
};

interface CaseParams {
  Params: { caseId: string };
}

const handle = { config: { access: 'handle_incidents' as const } };

const dateTime = (at: Date) =>
  `${longDay(at)} at ${at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}`;

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

  app.get<CaseParams>('/incidents/:caseId', handle, async (request, reply) =>
    renderCase(reply, request.viewer!, request.params.caseId),
  );

  app.post<CaseParams>('/incidents/:caseId/assess', handle, async (request, reply) => {
    const viewer = request.viewer!;
    const values = assessmentValuesFrom(request.body);
    const read = readAssessmentForm(values);
    const rationale = field(request.body, 'rationale');
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
  });

  app.post<{ Params: { caseId: string; taskId: string } }>(
    '/incidents/:caseId/tasks/:taskId',
    handle,
    async (request, reply) => {
      const { caseId, taskId } = request.params;
      const state = field(request.body, 'state') === 'not_needed' ? 'not_needed' : 'done';
      const note = field(request.body, 'note');
      const result = await services.incidents.finishTask(request.viewer!, caseId, taskId, state, note, {
        report: field(request.body, 'platformReport'),
        answer: field(request.body, 'platformAnswer'),
      });
      if (!result.ok)
        return renderCase(reply, request.viewer!, caseId, {
          errors: { [`note-${taskId}`]: result.error },
          kept: { [`note-${taskId}`]: note },
        });
      return reply.redirect(`/incidents/${caseId}#tasks`, 303);
    },
  );

  app.post<CaseParams>('/incidents/:caseId/entries', handle, async (request, reply) => {
    const { caseId } = request.params;
    const kind = field(request.body, 'kind') === 'decision' ? 'decision' : 'note';
    const text = field(request.body, 'text');
    const rationale = field(request.body, 'entryRationale');
    const result = await services.incidents.addEntry(request.viewer!, caseId, kind, text, rationale);
    if (!result.ok)
      return renderCase(reply, request.viewer!, caseId, {
        errors: { [text.trim() === '' ? 'text' : 'entryRationale']: result.error },
        kept: { text, entryRationale: rationale, kind },
      });
    return reply.redirect(`/incidents/${caseId}#chronology`, 303);
  });

  app.post<CaseParams>('/incidents/:caseId/close', handle, async (request, reply) => {
    const { caseId } = request.params;
    const outcome = field(request.body, 'outcome');
    const rationale = field(request.body, 'closeRationale');
    const result = await services.incidents.close(request.viewer!, caseId, outcome, rationale);
    if (!result.ok)
      return renderCase(reply, request.viewer!, caseId, {
        errors: { [outcome === '' ? 'outcome' : 'closeRationale']: result.error },
        kept: { outcome, closeRationale: rationale },
      });
    return reply.redirect(`/incidents/${caseId}`, 303);
  });

  app.post<CaseParams>('/incidents/:caseId/reopen', handle, async (request, reply) => {
    const { caseId } = request.params;
    const reason = field(request.body, 'reopenReason');
    const result = await services.incidents.reopen(request.viewer!, caseId, reason);
    if (!result.ok)
      return renderCase(reply, request.viewer!, caseId, {
        errors: { reopenReason: result.error },
        kept: { reopenReason: reason },
      });
    return reply.redirect(`/incidents/${caseId}`, 303);
  });

  app.post<CaseParams>('/incidents/:caseId/letters', handle, async (request, reply) => {
    const { caseId } = request.params;
    const kept = {
      letterKind: field(request.body, 'letterKind'),
      recipientName: field(request.body, 'recipientName'),
      meetingWhen: field(request.body, 'meetingWhen'),
      complaintsPolicyUrl: field(request.body, 'complaintsPolicyUrl'),
      whereSeen: field(request.body, 'whereSeen'),
    };
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
  });

  app.get<{ Params: { caseId: string; evidenceId: string } }>(
    '/incidents/:caseId/evidence/:evidenceId',
    handle,
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
