// The triage inbox: mentions most serious first; one read (and the read audited, as it may name
// a child); marked reviewed, a reply recorded, the labels corrected, or the mention made an
// incident; a post captured by hand with its screenshot; and how the labels match reviewers' views.
import { isRecordId } from '../../domain/ids.ts';
import { labels as allLabels, precisionRecall, type LabelScore } from '../../domain/monitoring/index.ts';
import { incidentFromMention, labelNames, suggestedReply, type MentionStatus } from '../../domain/monitoring/inbox.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { IncidentService } from '../incidents.ts';
import { today } from '../today.ts';
import type { Adapters, EvidenceUpload, SchoolStore, StoredEvidence, StoredMention } from '../ports.ts';
import { classified, seriousNews, tellDsls, watchOf } from './watching.ts';

const maxText = 5000;

export interface QualityView {
  scores: LabelScore[];
  corrections: number;
}

/** The mention of the unit's school; not found for any other id. */
async function mentionIn(store: SchoolStore, id: string): Promise<StoredMention> {
  const found = isRecordId(id) ? await store.monitoring.findMention(id) : undefined;
  if (!found) throw new AppError('not_found');
  return found;
}

/** In the unit that read it: the viewer's reading of a mention, on the audit log. */
function auditRead(store: SchoolStore, viewer: Viewer, id: string, at: Date) {
  return store.audit.append({
    schoolId: viewer.school.id,
    actorPersonId: viewer.person.id,
    action: 'record_read',
    subject: { kind: 'mention', id },
    at,
  });
}

export function inboxMethods(
  deps: Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl' | 'evidence'>,
  incidents: Pick<IncidentService, 'reportFromMonitoring'>,
) {
  const { units, clock, evidence: files } = deps;

  return {
    /** The inbox: new mentions, most serious first, then those dealt with. */
    async inbox(viewer: Viewer, show: 'new' | 'done' = 'new'): Promise<StoredMention[]> {
      allow(viewer, 'monitor_mentions');
      const statuses: MentionStatus[] = show === 'new' ? ['new'] : ['reviewed', 'responded', 'escalated'];
      return units.inSchool(viewer.school.id, (store) => store.monitoring.mentions(statuses));
    },

    /** One mention, with a reply to start from; reading it is audited, as it may name a child. */
    async mention(viewer: Viewer, id: string): Promise<{ mention: StoredMention; suggestion?: string }> {
      allow(viewer, 'monitor_mentions');
      const found = await units.inSchool(viewer.school.id, async (store) => {
        const mention = await mentionIn(store, id);
        await auditRead(store, viewer, id, clock.now());
        return mention;
      });
      const suggestion = suggestedReply(found.correctedLabels ?? found.labels, viewer.school.name);
      return { mention: found, ...(suggestion && { suggestion }) };
    },

    async markReviewed(viewer: Viewer, id: string): Promise<void> {
      allow(viewer, 'monitor_mentions');
      await units.inSchool(viewer.school.id, async (store) => {
        await mentionIn(store, id);
        await store.monitoring.changeMention(id, {
          status: 'reviewed',
          reviewedBy: viewer.person.id,
          reviewedAt: clock.now(),
        });
      });
    },

    /** Records the reply the school gave, as given. */
    async respond(viewer: Viewer, id: string, reply: string): Promise<{ ok: true } | { ok: false; error: string }> {
      allow(viewer, 'monitor_mentions');
      return units.inSchool(viewer.school.id, async (store) => {
        await mentionIn(store, id);
        const text = reply.trim();
        if (text === '') return { ok: false, error: 'Write the reply the school gave' };
        if (text.length > maxText) return { ok: false, error: `Write the reply in ${maxText} characters or fewer` };
        await store.monitoring.changeMention(id, {
          status: 'responded',
          response: text,
          reviewedBy: viewer.person.id,
          reviewedAt: clock.now(),
        });
        return { ok: true };
      });
    },

    /** A reviewer's correction of the labels, kept to measure the classifier. */
    async correct(viewer: Viewer, id: string, given: readonly string[]): Promise<void> {
      allow(viewer, 'monitor_mentions');
      await units.inSchool(viewer.school.id, async (store) => {
        const found = await mentionIn(store, id);
        const corrected = allLabels.filter((label) => given.includes(label));
        await store.monitoring.changeMention(id, {
          correctedLabels: corrected,
          ...(found.status === 'new' && { status: 'reviewed' as const }),
          reviewedBy: viewer.person.id,
          reviewedAt: clock.now(),
        });
      });
    },

    /**
     * Makes the mention an incident: routed by the school's procedures, with its screenshot. The
     * incident is the incidents service's own work, in its own units; the mention is read before
     * it and marked escalated after it.
     */
    async escalate(viewer: Viewer, id: string): Promise<{ caseId: string; reference: string }> {
      allow(viewer, 'monitor_mentions');
      const found = await units.inSchool(viewer.school.id, (store) => mentionIn(store, id));
      if (found.incidentId) {
        return { caseId: found.incidentId, reference: '' };
      }
      const labels = found.correctedLabels ?? found.labels;
      const proposal = incidentFromMention(labels);
      const made = await incidents.reportFromMonitoring(viewer, {
        report: {
          kind: proposal.kind,
          what: [found.text, found.url && `Link: ${found.url}`, found.author && `Posted by: ${found.author}`]
            .filter(Boolean)
            .join('\n'),
          ...(found.sourceKind !== 'manual' && { platform: found.sourceKind }),
          links: found.url ? [found.url] : [],
          parties: [
            { role: 'third_party', subject: true, ...(found.author && { description: found.author }) },
            ...(proposal.childInvolved ? [{ role: 'pupil' as const, subject: false }] : []),
          ],
          childInvolved: proposal.childInvolved,
        },
        situation: proposal.situation,
        ...(found.screenshot && { evidence: found.screenshot }),
        note: `Escalated from a mention found online (${labels.map((label) => labelNames[label].toLowerCase()).join(', ') || 'no labels'}).`,
      });
      await units.inSchool(viewer.school.id, (store) =>
        store.monitoring.changeMention(id, {
          status: 'escalated',
          incidentId: made.caseId,
          reviewedBy: viewer.person.id,
          reviewedAt: clock.now(),
        }),
      );
      return made;
    },

    /**
     * A post from a closed group or a chat, pasted by a member of staff, with a screenshot. The
     * screenshot is checked and kept before the unit begins; the DSL is told after it commits.
     */
    async capture(
      viewer: Viewer,
      values: { text: string; url: string; where: string },
      screenshot?: EvidenceUpload,
    ): Promise<{ ok: true; mentionId: string } | { ok: false; errors: Record<string, string> }> {
      allow(viewer, 'capture_mention');
      const errors: Record<string, string> = {};
      const text = values.text.trim();
      if (text === '') errors.text = 'Paste or type what the post said';
      else if (text.length > maxText) errors.text = `Keep it to ${maxText} characters or fewer`;
      const url = values.url.trim();
      if (url !== '' && !/^https?:\/\/\S+$/.test(url))
        errors.url = 'Enter the link starting https://, or leave it empty';
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      let kept: StoredEvidence | undefined;
      if (screenshot) {
        const stored = await files.store(viewer.school.id, screenshot);
        if (!stored.ok) return { ok: false, errors: { screenshot: stored.problem } };
        kept = stored.file;
      }
      const where = values.where.trim().slice(0, 200);
      const { stored, news } = await units.inSchool(viewer.school.id, async (store) => {
        const watch = await watchOf(store, viewer.school, today(clock));
        const mention = classified(
          watch,
          {
            sourceKind: 'manual',
            externalId: `manual-${clock.now().getTime()}-${viewer.person.id}`,
            ...(url && { url }),
            ...(where && { author: where }),
            text,
            hasImage: Boolean(kept?.mediaType.startsWith('image/')),
            capturedBy: viewer.person.id,
            ...(kept && { screenshot: kept }),
          },
          clock.now(),
        );
        const added = mention && (await store.monitoring.addMention(mention));
        if (!added) throw new Error('A captured mention was not kept');
        return { stored: added, news: await seriousNews(store, [added]) };
      });
      await tellDsls(deps, viewer.school, news);
      return { ok: true, mentionId: stored.id };
    },

    /**
     * The evidence file of a captured mention, for those who triage; the read is audited. The file
     * is read from the evidence store inside the unit, so that the audit entry records a read that
     * happened.
     */
    async screenshot(viewer: Viewer, id: string): Promise<{ bytes: Uint8Array; mediaType: string; name: string }> {
      allow(viewer, 'monitor_mentions');
      return units.inSchool(viewer.school.id, async (store) => {
        const found = await mentionIn(store, id);
        const bytes = found.screenshot && (await files.open(viewer.school.id, found.screenshot.key));
        if (!found.screenshot || !bytes) throw new AppError('not_found');
        await auditRead(store, viewer, id, clock.now());
        return { bytes, mediaType: found.screenshot.mediaType, name: found.screenshot.originalName };
      });
    },

    /** How the classifier does against reviewers' corrections, label by label. */
    async quality(viewer: Viewer): Promise<QualityView> {
      allow(viewer, 'monitor_mentions');
      const corrected = await units.inSchool(viewer.school.id, (store) => store.monitoring.corrected());
      return {
        scores: precisionRecall(
          corrected.map((c) => ({ id: c.id, labels: c.labels })),
          corrected.map((c) => ({ id: c.id, labels: c.corrected })),
        ),
        corrections: corrected.length,
      };
    },
  };
}
