// Knowing what is said about the school: public sources polled in the background (with back-off
// and each source's health), posts a member of staff captures by hand from places no scanner sees,
// every post classified against the school's watch list, mentions not about the school dropped at
// once, the rest kept for a while in a triage inbox, most serious first; the DSL told at once of
// a serious one; a reply recorded, a correction kept, or the mention made an incident in one step.
import { can, type Capability } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { displayName } from '../domain/community/people.ts';
import {
  classify,
  compileWatch,
  labels as allLabels,
  precisionRecall,
  type CompiledWatch,
  type LabelScore,
  type Watch,
} from '../domain/monitoring/index.ts';
import {
  defaultMentionMonths,
  incidentFromMention,
  isSerious,
  labelNames,
  severity,
  suggestedReply,
  type MentionStatus,
} from '../domain/monitoring/inbox.ts';
import { afterPoll, newPosts, newSourceHealth } from '../domain/monitoring/source-health.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import type { IncidentService } from './incidents.ts';
import type { Adapters, EvidenceUpload, FeedSource, MonitoringSettings, StoredMention, StoredSource } from './ports.ts';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (at: Date) => at.toISOString().slice(0, 10);
const listLimit = 5000;
const maxText = 5000;

function allow(viewer: Viewer, capability: Capability): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}

export const sourceKinds = ['rss', 'mastodon_tag', 'mastodon_account', 'bluesky_search'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const sourceKindNames: Readonly<Record<SourceKind, string>> = {
  rss: 'A news or Google Alerts feed (RSS or Atom)',
  mastodon_tag: 'A Mastodon hashtag',
  mastodon_account: 'A Mastodon account',
  bluesky_search: 'A Bluesky search',
};

const mentionKindOf: Readonly<Record<FeedSource['kind'], StoredMention['sourceKind']>> = {
  rss: 'rss',
  mastodon_tag: 'mastodon',
  mastodon_account: 'mastodon',
  bluesky_search: 'bluesky',
};

export type SourceFormValues = Partial<Record<'kind' | 'url' | 'instance' | 'tag' | 'account' | 'query', string>>;

/**
 * Whether an address names a machine inside a network rather than a public site: the school's
 * own server, its neighbours, or a cloud's metadata service. A source must be a public place.
 */
function inside(address: string): boolean {
  // An IPv6 literal is written in brackets; none is a public feed's usual address.
  if (address.includes('[')) return true;
  const name = address
    .replace(/^https?:\/\//i, '')
    .replace(/[/:].*$/, '')
    .toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal')) {
    return true;
  }
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(name);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** A source from the form, or what to correct. Only public places, and only over the web. */
export function readSourceForm(
  values: SourceFormValues,
): { ok: true; source: FeedSource } | { ok: false; errors: Record<string, string> } {
  const get = (name: keyof SourceFormValues) => (values[name] ?? '').trim();
  const web = (text: string) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !inside(url.hostname);
    } catch {
      return false;
    }
  };
  const host = (text: string) => /^(https:\/\/)?[a-z0-9.-]+\.[a-z]{2,}\/?$/i.test(text) && !inside(text);
  switch (get('kind')) {
    case 'rss':
      return web(get('url'))
        ? { ok: true, source: { kind: 'rss', url: get('url') } }
        : { ok: false, errors: { url: 'Enter the feed’s web address, starting https://' } };
    case 'mastodon_tag': {
      const errors: Record<string, string> = {};
      if (!host(get('instance'))) errors.instance = 'Enter the Mastodon server, such as mastodon.social';
      const tag = get('tag').replace(/^#/, '');
      if (!/^\w{1,100}$/.test(tag)) errors.tag = 'Enter the hashtag, letters and digits only, such as OakfieldPrimary';
      return Object.keys(errors).length > 0
        ? { ok: false, errors }
        : { ok: true, source: { kind: 'mastodon_tag', instance: get('instance'), tag } };
    }
    case 'mastodon_account': {
      const errors: Record<string, string> = {};
      if (!host(get('instance'))) errors.instance = 'Enter the Mastodon server, such as mastodon.social';
      const account = get('account').replace(/^@/, '');
      if (!/^[\w.@-]{1,200}$/.test(account)) errors.account = 'Enter the account, such as oakfieldpta';
      return Object.keys(errors).length > 0
        ? { ok: false, errors }
        : { ok: true, source: { kind: 'mastodon_account', instance: get('instance'), account } };
    }
    case 'bluesky_search':
      return get('query').length > 0 && get('query').length <= 200
        ? { ok: true, source: { kind: 'bluesky_search', query: get('query') } }
        : { ok: false, errors: { query: 'Enter what to search for, such as "Oakfield Primary"' } };
    default:
      return { ok: false, errors: { kind: 'Choose the kind of source' } };
  }
}

/** A source in words, for the page. */
export function describeSource(source: FeedSource): string {
  switch (source.kind) {
    case 'rss':
      return `Feed: ${source.url}`;
    case 'mastodon_tag':
      return `Mastodon #${source.tag} on ${source.instance}`;
    case 'mastodon_account':
      return `Mastodon @${source.account} on ${source.instance}`;
    case 'bluesky_search':
      return `Bluesky search for “${source.query}”`;
  }
}

export interface QualityView {
  scores: LabelScore[];
  corrections: number;
}

export function createMonitoringService(
  {
    store,
    inTransaction,
    clock,
    mailer,
    baseUrl,
    feeds,
    evidence: files,
  }: Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'mailer' | 'baseUrl' | 'feeds' | 'evidence'>,
  incidents: Pick<IncidentService, 'reportFromMonitoring'>,
  random: () => number = Math.random,
) {
  async function settingsOf(schoolId: string): Promise<MonitoringSettings> {
    const saved = await store.monitoring.settings(schoolId);
    if (saved) return saved;
    const school = await store.schools.findById(schoolId);
    return { names: school ? [school.name] : [], handles: [], retentionMonths: defaultMentionMonths };
  }

  /** The school's watch list: its names and handles, approved official accounts, staff who opted in, pupils on roll. */
  async function watchOf(schoolId: string): Promise<CompiledWatch> {
    const settings = await settingsOf(schoolId);
    const accounts = await store.officialAccounts.list(schoolId);
    const handles = [
      ...settings.handles,
      ...accounts
        .filter((account) => account.status === 'approved' && /^@?[A-Za-z0-9_.]+$/.test(account.address))
        .map((account) => account.address),
    ];
    const staffIds = new Set(await store.monitoring.watchedStaff(schoolId));
    const staff = [];
    for (const id of staffIds) {
      const person = await store.people.find(schoolId, id);
      if (person) staff.push({ first: person.preferredName ?? person.givenName, last: person.familyName });
    }
    const pupils = await store.pupils.list(schoolId, { onRollOn: day(clock.now()), limit: listLimit, offset: 0 });
    const watch: Watch = {
      school: { names: settings.names, handles: [...new Set(handles)] },
      pupils: pupils.items.flatMap((pupil) => [
        { first: pupil.legalGivenName, last: pupil.legalFamilyName },
        ...(pupil.preferredName ? [{ first: pupil.preferredName, last: pupil.legalFamilyName }] : []),
      ]),
      staff,
    };
    return compileWatch(watch);
  }

  async function dslsOf(schoolId: string): Promise<{ email: string; name: string }[]> {
    return (await store.accounts.holders(schoolId))
      .filter(
        ({ account, person }) =>
          !account.disabledAt && accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }).includes('dsl'),
      )
      .map(({ account, person }) => ({ email: account.email, name: displayName(person) }));
  }

  /** Tells the DSL at once of a serious mention; the email names no child and quotes nothing. */
  async function tellDsl(schoolId: string, mention: StoredMention): Promise<void> {
    const school = await store.schools.findById(schoolId);
    for (const dsl of await dslsOf(schoolId)) {
      await mailer.send({
        to: dsl.email,
        subject: `${school?.name ?? 'Your school'}: a serious mention online`,
        text: [
          `Hello ${dsl.name},`,
          '',
          `Something posted online about ${school?.name ?? 'the school'} looks serious (${mention.labels.map((label) => labelNames[label].toLowerCase()).join(', ')}). This email does not quote it.`,
          '',
          `Sign in to read it: ${baseUrl}/monitoring/mentions/${mention.id}`,
        ].join('\n'),
      });
    }
  }

  /** Classifies a post and keeps it if it is about the school; a post that is not is dropped here. */
  async function keep(
    schoolId: string,
    watch: CompiledWatch,
    post: Omit<Parameters<typeof store.monitoring.addMention>[1], 'labels' | 'evidence' | 'severity' | 'foundAt'>,
  ): Promise<StoredMention | undefined> {
    const result = classify(
      {
        id: post.externalId,
        text: post.text,
        hasImage: post.hasImage,
        source: post.sourceKind,
        ...(post.url && { url: post.url }),
        ...(post.author && { author: post.author }),
      },
      watch,
    );
    // A manual capture was judged to be about the school by the person who captured it.
    if (!result.aboutSchool && post.sourceKind !== 'manual') return undefined;
    const stored = await store.monitoring.addMention(schoolId, {
      ...post,
      labels: result.labels,
      evidence: result.evidence,
      severity: severity(result.labels),
      foundAt: clock.now(),
    });
    if (stored && isSerious(stored.labels)) {
      try {
        await tellDsl(schoolId, stored);
      } catch {
        // The mention is kept and heads the inbox; the email is a courtesy on top.
      }
    }
    return stored;
  }

  async function poll(
    due: readonly StoredSource[],
    now: Date,
  ): Promise<{ polled: number; kept: number; failed: number }> {
    const watches = new Map<string, CompiledWatch>();
    let kept = 0;
    let failed = 0;
    for (const source of due) {
      let watch = watches.get(source.schoolId);
      if (!watch) {
        watch = await watchOf(source.schoolId);
        watches.set(source.schoolId, watch);
      }
      const read = await feeds.read(source.source, source.health.cursor, { timeoutMs: 15_000, now });
      if (!read.ok) {
        failed += 1;
        await store.monitoring.savePoll(
          source.schoolId,
          source.id,
          afterPoll(source.health, read, now, random()),
          source.seen,
        );
        continue;
      }
      const fresh = newPosts(new Set(source.seen), read.posts);
      for (const post of fresh) {
        const stored = await keep(source.schoolId, watch, {
          sourceId: source.id,
          sourceKind: mentionKindOf[source.source.kind],
          externalId: post.externalId,
          url: post.url,
          ...(post.author && { author: post.author }),
          text: post.text,
          hasImage: post.hasImage,
          publishedAt: post.publishedAt,
        });
        if (stored) kept += 1;
      }
      await store.monitoring.savePoll(
        source.schoolId,
        source.id,
        afterPoll(
          source.health,
          { ok: true, ...(read.cursor !== undefined && { cursor: read.cursor }) },
          now,
          random(),
        ),
        [...source.seen, ...fresh.map((post) => post.externalId)],
      );
    }
    return { polled: due.length, kept, failed };
  }

  async function mentionFor(viewer: Viewer, id: string): Promise<StoredMention> {
    allow(viewer, 'monitor_mentions');
    const found = uuidShape.test(id) ? await store.monitoring.findMention(viewer.school.id, id) : undefined;
    if (!found) throw new AppError('not_found');
    return found;
  }

  return {
    /** The inbox: new mentions, most serious first, then those dealt with. */
    async inbox(viewer: Viewer, show: 'new' | 'done' = 'new'): Promise<StoredMention[]> {
      allow(viewer, 'monitor_mentions');
      const statuses: MentionStatus[] = show === 'new' ? ['new'] : ['reviewed', 'responded', 'escalated'];
      return store.monitoring.mentions(viewer.school.id, statuses);
    },

    /** One mention, with a reply to start from; reading it is audited, as it may name a child. */
    async mention(viewer: Viewer, id: string): Promise<{ mention: StoredMention; suggestion?: string }> {
      const found = await mentionFor(viewer, id);
      await recordAudit(
        store,
        {
          schoolId: viewer.school.id,
          actorPersonId: viewer.person.id,
          action: 'record_read',
          subject: { kind: 'mention', id },
        },
        clock.now(),
      );
      const suggestion = suggestedReply(found.correctedLabels ?? found.labels, viewer.school.name);
      return { mention: found, ...(suggestion && { suggestion }) };
    },

    async markReviewed(viewer: Viewer, id: string): Promise<void> {
      await mentionFor(viewer, id);
      await store.monitoring.changeMention(viewer.school.id, id, {
        status: 'reviewed',
        reviewedBy: viewer.person.id,
        reviewedAt: clock.now(),
      });
    },

    /** Records the reply the school gave, as given. */
    async respond(viewer: Viewer, id: string, reply: string): Promise<{ ok: true } | { ok: false; error: string }> {
      await mentionFor(viewer, id);
      const text = reply.trim();
      if (text === '') return { ok: false, error: 'Write the reply the school gave' };
      if (text.length > maxText) return { ok: false, error: `Write the reply in ${maxText} characters or fewer` };
      await store.monitoring.changeMention(viewer.school.id, id, {
        status: 'responded',
        response: text,
        reviewedBy: viewer.person.id,
        reviewedAt: clock.now(),
      });
      return { ok: true };
    },

    /** A reviewer's correction of the labels, kept to measure the classifier. */
    async correct(viewer: Viewer, id: string, given: readonly string[]): Promise<void> {
      const found = await mentionFor(viewer, id);
      const corrected = allLabels.filter((label) => given.includes(label));
      await store.monitoring.changeMention(viewer.school.id, id, {
        correctedLabels: corrected,
        ...(found.status === 'new' && { status: 'reviewed' as const }),
        reviewedBy: viewer.person.id,
        reviewedAt: clock.now(),
      });
    },

    /** Makes the mention an incident: routed by the school's procedures, with its screenshot. */
    async escalate(viewer: Viewer, id: string): Promise<{ caseId: string; reference: string }> {
      const found = await mentionFor(viewer, id);
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
      await store.monitoring.changeMention(viewer.school.id, id, {
        status: 'escalated',
        incidentId: made.caseId,
        reviewedBy: viewer.person.id,
        reviewedAt: clock.now(),
      });
      return made;
    },

    /** A post from a closed group or a chat, pasted by a member of staff, with a screenshot. */
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
      let kept;
      if (screenshot) {
        const stored = await files.store(viewer.school.id, screenshot);
        if (!stored.ok) return { ok: false, errors: { screenshot: stored.problem } };
        kept = stored.file;
      }
      const watch = await watchOf(viewer.school.id);
      const where = values.where.trim().slice(0, 200);
      const stored = await keep(viewer.school.id, watch, {
        sourceKind: 'manual',
        externalId: `manual-${clock.now().getTime()}-${viewer.person.id}`,
        ...(url && { url }),
        ...(where && { author: where }),
        text,
        hasImage: Boolean(kept?.mediaType.startsWith('image/')),
        capturedBy: viewer.person.id,
        ...(kept && { screenshot: kept }),
      });
      if (!stored) throw new Error('A captured mention was not kept');
      return { ok: true, mentionId: stored.id };
    },

    /** The evidence file of a captured mention, for those who triage; the read is audited. */
    async screenshot(viewer: Viewer, id: string): Promise<{ bytes: Uint8Array; mediaType: string; name: string }> {
      const found = await mentionFor(viewer, id);
      const bytes = found.screenshot && (await files.open(viewer.school.id, found.screenshot.key));
      if (!found.screenshot || !bytes) throw new AppError('not_found');
      await recordAudit(
        store,
        {
          schoolId: viewer.school.id,
          actorPersonId: viewer.person.id,
          action: 'record_read',
          subject: { kind: 'mention', id },
        },
        clock.now(),
      );
      return { bytes, mediaType: found.screenshot.mediaType, name: found.screenshot.originalName };
    },

    async sources(viewer: Viewer): Promise<StoredSource[]> {
      allow(viewer, 'monitor_mentions');
      return store.monitoring.sources(viewer.school.id);
    },

    async addSource(
      viewer: Viewer,
      values: SourceFormValues,
    ): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
      allow(viewer, 'manage_monitoring');
      const read = readSourceForm(values);
      if (!read.ok) return read;
      const now = clock.now();
      await store.monitoring.addSource(viewer.school.id, read.source, newSourceHealth(now), viewer.person.id, now);
      return { ok: true };
    },

    async removeSource(viewer: Viewer, id: string): Promise<void> {
      allow(viewer, 'manage_monitoring');
      if (!uuidShape.test(id) || !(await store.monitoring.removeSource(viewer.school.id, id))) {
        throw new AppError('not_found');
      }
    },

    async settings(
      viewer: Viewer,
    ): Promise<{ settings: MonitoringSettings; staff: { id: string; name: string; watched: boolean }[] }> {
      allow(viewer, 'manage_monitoring');
      const settings = await settingsOf(viewer.school.id);
      const watched = new Set(await store.monitoring.watchedStaff(viewer.school.id));
      const staff = await store.people.list(viewer.school.id, { role: 'staff', limit: listLimit, offset: 0 });
      return {
        settings,
        staff: staff.items.map((person) => ({
          id: person.id,
          name: displayName(person),
          watched: watched.has(person.id),
        })),
      };
    },

    async saveSettings(
      viewer: Viewer,
      values: { names: string; handles: string; retentionMonths: string },
    ): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
      allow(viewer, 'manage_monitoring');
      const lines = (text: string) =>
        [
          ...new Set(
            text
              .split(/\r?\n|,/)
              .map((line) => line.trim())
              .filter((line) => line !== ''),
          ),
        ].slice(0, 50);
      const names = lines(values.names);
      const handles = lines(values.handles).map((handle) => (handle.startsWith('@') ? handle : `@${handle}`));
      const months = Number(values.retentionMonths.trim());
      const errors: Record<string, string> = {};
      if (names.length === 0) errors.names = 'Give at least one name the school is known by';
      if (names.some((name) => name.length > 100)) errors.names = 'Keep each name to 100 characters or fewer';
      if (handles.some((handle) => !/^@[A-Za-z0-9_.]{1,100}$/.test(handle)))
        errors.handles = 'Write each handle as letters, digits, dots and _, such as @oakfieldprimary';
      if (!Number.isInteger(months) || months < 1 || months > 120)
        errors.retentionMonths = 'Enter how many months to keep mentions, a whole number from 1 to 120';
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      await inTransaction(async (trx) => {
        const now = clock.now();
        await trx.monitoring.saveSettings(
          viewer.school.id,
          { names, handles, retentionMonths: months },
          viewer.person.id,
          now,
        );
        await recordAudit(
          trx,
          {
            schoolId: viewer.school.id,
            actorPersonId: viewer.person.id,
            action: 'setting_changed',
            details: { setting: 'monitoring' },
          },
          now,
        );
      });
      return { ok: true };
    },

    /** A member of staff asks to be watched for, or to stop: their name is looked for only if they opt in. */
    async setWatched(viewer: Viewer, personId: string, watched: boolean): Promise<void> {
      allow(viewer, 'manage_monitoring');
      const person = uuidShape.test(personId) ? await store.people.find(viewer.school.id, personId) : undefined;
      if (!person) throw new AppError('not_found');
      await store.monitoring.setWatched(viewer.school.id, personId, watched, clock.now());
    },

    /** How the classifier does against reviewers' corrections, label by label. */
    async quality(viewer: Viewer): Promise<QualityView> {
      allow(viewer, 'monitor_mentions');
      const corrected = await store.monitoring.corrected(viewer.school.id);
      return {
        scores: precisionRecall(
          corrected.map((c) => ({ id: c.id, labels: c.labels })),
          corrected.map((c) => ({ id: c.id, labels: c.corrected })),
        ),
        corrections: corrected.length,
      };
    },

    /** The polling job: each due source read, new posts classified and kept, its health updated. */
    async pollDue(now: Date = clock.now()): Promise<{ polled: number; kept: number; failed: number }> {
      return poll(await store.monitoring.dueSources(now), now);
    },

    /**
     * "Check the sources now", from the sources page: the school's sources are read at once,
     * except one that is failing or was asked to wait, which keeps to its back-off.
     */
    async checkNow(viewer: Viewer): Promise<{ polled: number; kept: number; failed: number }> {
      allow(viewer, 'manage_monitoring');
      const now = clock.now();
      const sources = (await store.monitoring.sources(viewer.school.id)).filter(
        (source) => source.health.consecutiveFailures === 0 || source.health.nextPollAt.getTime() <= now.getTime(),
      );
      return poll(sources, now);
    },

    /** The retention job: mentions older than each school's chosen months (12 by default) are deleted. */
    async purgeOld(now: Date = clock.now()): Promise<number> {
      const chosen = new Map((await store.monitoring.retentionOfAll()).map((r) => [r.schoolId, r.months]));
      let purged = 0;
      for (const schoolId of await store.monitoring.schoolsWithMentions()) {
        const months = chosen.get(schoolId) ?? defaultMentionMonths;
        const before = new Date(now);
        before.setUTCMonth(before.getUTCMonth() - months);
        purged += await store.monitoring.purge(schoolId, before);
      }
      return purged;
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
