// Assessing a case: the handler describes the situation, the registers fill in what they know
// (whether a relationship was declared and approved, whether the families of the pupils in a
// picture consented), the school's published policy answers, and the tasks its procedures name
// are raised, each with an owner, who is told by email once the assessment is saved.
import type { Case, Party } from '../../domain/incidents/case.ts';
import { ownerAmong, subjectsOf } from '../../domain/incidents/people.ts';
import { tasksFor, type Task } from '../../domain/incidents/tasks.ts';
import { situationSchema, type Outcome, type Situation } from '../../domain/policy/index.ts';
import { actionWords } from '../../domain/policy/render/vocabulary-words.ts';
import { declaredAnswerOf } from '../../domain/registers/declarations.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../access.ts';
import { consentFor } from '../consent/register.ts';
import type { Adapters, SchoolStore } from '../ports.ts';
import { publishedAnswer } from '../published-policy.ts';
import { today } from '../today.ts';
import { auditAs, capitalise, caseFor, readText, record, roleHolders, type Recipient } from './case-records.ts';
import type { Notify } from './notifications.ts';

export type Assessed = { ok: true; raised: number } | { ok: false; error: string };
export type Assess = (viewer: Viewer, id: string, situation: unknown, rationale: string) => Promise<Assessed>;

/**
 * What assessment asks of other services. Until each gives a function over the unit's store,
 * they are called as they are, outside this service's units (on PGlite a unit holds the one
 * connection, so they cannot be called inside one).
 */

/**
 * What the declarations register says, put into the situation the handler described: whether
 * the person the concern is about declared their relationship with the other person, and had it
 * approved. Said in words too, for the chronology.
 */
async function declarationFact(
  store: SchoolStore,
  day: string,
  parties: readonly Party[],
  situation: Situation,
): Promise<string | undefined> {
  const subject = parties.find((party) => party.subject);
  const other = parties.find((party) => !party.subject);
  if (!situation.counterpart || !subject?.personId || !(other?.pupilId ?? other?.personId)) return undefined;
  const answers = (await store.declarations.of(subject.personId))
    .map((entry) => entry.declaration)
    .filter(
      (declaration) =>
        (declaration.kind === 'family_link' && declaration.pupilId === other.pupilId) ||
        (declaration.kind === 'parent_friendship' &&
          declaration.parentId !== undefined &&
          declaration.parentId === other.personId),
    )
    .map((declaration) => declaredAnswerOf(declaration, day));
  const answer = answers.includes('approved') ? 'approved' : answers.includes('declared') ? 'declared' : 'no';
  situation.counterpart.declared = answer !== 'no';
  situation.counterpart.approved = answer === 'approved';
  return answer === 'approved'
    ? 'The declarations register holds an approved declaration of this relationship.'
    : answer === 'declared'
      ? 'The relationship is declared, waiting for a decision.'
      : 'The declarations register holds no declaration of this relationship in force.';
}

/** Raises the tasks an outcome asks for, gives each an owner, and says whom to tell. */
async function raiseTasks(
  store: SchoolStore,
  caseRecord: Case,
  parties: readonly Party[],
  existing: readonly Task[],
  outcome: Outcome,
  actorPersonId: string,
  now: Date,
): Promise<{ raised: Task[]; toTell: Recipient[] }> {
  const holders = await roleHolders(store);
  const subjects = subjectsOf(parties);
  const ownerFor = (role: Task['ownerRole']) => ownerAmong(holders.get(role) ?? [], subjects);
  const fresh = tasksFor(outcome.actions, caseRecord.handler, now, existing);
  const owned = fresh.map((task) => {
    const owner = ownerFor(task.ownerRole);
    return { ...task, ...(owner && { ownerPersonId: owner.personId }) };
  });
  const raised = await store.incidents.addTasks(caseRecord.id, owned, now);
  for (const task of raised) {
    await record(
      store,
      caseRecord,
      {
        actorPersonId,
        kind: 'task_raised',
        text: `${capitalise(actionWords[task.action])} (${task.optional ? 'if judged right' : 'required'}, because of ${task.because}).`,
        facts: { taskId: task.id, action: task.action, because: task.because, ownerRole: task.ownerRole },
      },
      now,
    );
  }
  const toTell = new Map<string, Recipient>();
  for (const task of raised) {
    const owner = ownerFor(task.ownerRole);
    if (owner && owner.personId !== actorPersonId) toTell.set(owner.personId, owner);
  }
  return { raised, toTell: [...toTell.values()] };
}

export function createAssessment({ units, clock }: Pick<Adapters, 'units' | 'clock'>, notify: Notify): Assess {
  /**
   * For pictures on the school's own accounts: whether the families of the pupils involved gave
   * consent, put into the situation and said in words, read in the assessing unit.
   */
  async function consentFact(store: SchoolStore, parties: readonly Party[], situation: Situation) {
    const pupilIds = parties.flatMap((party) => (party.pupilId ? [party.pupilId] : []));
    const images = situation.content?.images ?? [];
    if (situation.content?.channel !== 'official' || pupilIds.length === 0 || images.length === 0) return undefined;
    const found = await consentFor(store, pupilIds, 'social_media_photos', clock.now());
    if (!found) return undefined;
    for (const image of images) if (image.of !== 'staff') image.consent = found.consent;
    return found.consent
      ? `The consent register has a yes from the family of every pupil involved for “${found.purpose.title}”.`
      : `The consent register does not have a yes from the family of every pupil involved for “${found.purpose.title}”.`;
  }

  /**
   * Records the handler's description of the situation, asks the school's published policy, and
   * raises the tasks its procedures name. A second assessment raises only what is new.
   */
  return async function assess(viewer, id, given, rationale) {
    const parsed = situationSchema.safeParse(given);
    if (!parsed.success) return { ok: false, error: 'Describe the situation with the choices given' };
    const why = readText(rationale, 'why you describe it this way', false);
    if (typeof why !== 'string') return { ok: false, error: why.error };
    const schoolId = viewer.school.id;
    const situation: Situation = structuredClone(parsed.data);
    // One unit: the registers' facts, the policy's answer and what the assessment writes.
    const assessed = await units.inSchool(schoolId, async (store) => {
      const { found, parties, tasks, canHandle } = await caseFor(store, viewer, id);
      const declared = await declarationFact(store, today(clock), parties, situation);
      const consented = await consentFact(store, parties, situation);
      const facts = [declared, consented].filter((fact) => fact !== undefined);
      const answer = await publishedAnswer(store, situation);
      if (!answer) return 'not_published' as const;
      if (!canHandle) throw new AppError('forbidden');
      if (found.status === 'closed') return undefined;
      const now = clock.now();
      await store.incidents.change(id, {
        situation,
        ...(found.status === 'reported' && { status: 'open' as const }),
        ...(!found.firstActionAt && { firstActionAt: now }),
      });
      const breached = answer.outcome.findings.filter((f) => f.status === 'violated').map((f) => f.rule);
      await record(
        store,
        found,
        {
          actorPersonId: viewer.person.id,
          kind: 'assessed',
          text: [why || 'Assessed against the policy.', ...facts].join(' '),
          facts: {
            verdict: answer.outcome.verdict,
            rulesBroken: breached.join(' '),
            policyVersion: answer.version.label,
            situation: JSON.stringify(situation),
          },
        },
        now,
      );
      const { raised, toTell } = await raiseTasks(store, found, parties, tasks, answer.outcome, viewer.person.id, now);
      await auditAs(store, viewer, 'incident_assessed', { kind: 'incident', id }, now, {
        verdict: answer.outcome.verdict,
        tasksRaised: raised.length,
      });
      return { toTell, found, raised };
    });
    if (assessed === 'not_published')
      return {
        ok: false,
        error: 'The school has not published its policy yet, so there is nothing to assess against',
      };
    if (!assessed) return { ok: false, error: 'Reopen the case before assessing it again' };
    await notify(schoolId, [
      {
        caseRecord: assessed.found,
        schoolName: viewer.school.name,
        people: assessed.toTell,
        why: 'A task on a concern has been given to you',
      },
    ]);
    return { ok: true, raised: assessed.raised.length };
  };
}
