// The public places a school watches, and polling them: each source read (with back-off and its
// health kept), its new posts classified, those about the school kept, and the DSL told of a
// serious one. A read is a web request, so it is never made inside a unit of work: the watch list
// is read in one unit, the source fetched with none open, and what it gave saved in another.
import type { School } from '../../domain/community/school.ts';
import { isRecordId } from '../../domain/ids.ts';
import type { CompiledWatch } from '../../domain/monitoring/index.ts';
import { afterPoll, newPosts, newSourceHealth } from '../../domain/monitoring/source-health.ts';
import { AppError } from '../../errors.ts';
import { today } from '../today.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { Adapters, FeedRead, FeedSource, StoredMention, StoredSource } from '../ports.ts';
import { readSourceForm, type SourceFormValues } from './source-form.ts';
import { classified, seriousNews, tellDsls, watchOf, type SeriousNews } from './watching.ts';

const mentionKindOf: Readonly<Record<FeedSource['kind'], StoredMention['sourceKind']>> = {
  rss: 'rss',
  mastodon_tag: 'mastodon',
  mastodon_account: 'mastodon',
  bluesky_search: 'bluesky',
};

export interface PollResult {
  polled: number;
  kept: number;
  failed: number;
}

export function sourceMethods(
  deps: Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl' | 'feeds'>,
  random: () => number,
) {
  const { units, clock, feeds } = deps;

  /** The school itself and its watch list, read together in one unit. */
  function watchingOf(schoolId: string): Promise<{ school: School | undefined; watch: CompiledWatch }> {
    return units.acrossSchools(async (across) => {
      const school = await across.schools.findById(schoolId);
      const store = await across.enterSchool(schoolId);
      return { school, watch: await watchOf(store, school, today(clock)) };
    });
  }

  /** What one read of a source gave, saved in one unit: its new posts about the school, and its health. */
  function savePoll(
    source: StoredSource,
    watch: CompiledWatch,
    read: FeedRead,
    now: Date,
  ): Promise<{ kept: number; news: SeriousNews }> {
    return units.inSchool(source.schoolId, async (store) => {
      if (!read.ok) {
        await store.monitoring.savePoll(source.id, afterPoll(source.health, read, now, random()), source.seen);
        return { kept: 0, news: { mentions: [], dsls: [] } };
      }
      const fresh = newPosts(new Set(source.seen), read.posts);
      const kept: StoredMention[] = [];
      for (const post of fresh) {
        const mention = classified(
          watch,
          {
            sourceId: source.id,
            sourceKind: mentionKindOf[source.source.kind],
            externalId: post.externalId,
            url: post.url,
            ...(post.author && { author: post.author }),
            text: post.text,
            hasImage: post.hasImage,
            publishedAt: post.publishedAt,
          },
          clock.now(),
        );
        const stored = mention && (await store.monitoring.addMention(mention));
        if (stored) kept.push(stored);
      }
      await store.monitoring.savePoll(
        source.id,
        afterPoll(
          source.health,
          { ok: true, ...(read.cursor !== undefined && { cursor: read.cursor }) },
          now,
          random(),
        ),
        [...source.seen, ...fresh.map((post) => post.externalId)],
      );
      return { kept: kept.length, news: await seriousNews(store, kept) };
    });
  }

  async function poll(due: readonly StoredSource[], now: Date): Promise<PollResult> {
    const watching = new Map<string, { school: School | undefined; watch: CompiledWatch }>();
    let kept = 0;
    let failed = 0;
    for (const source of due) {
      let school = watching.get(source.schoolId);
      if (!school) {
        school = await watchingOf(source.schoolId);
        watching.set(source.schoolId, school);
      }
      const read = await feeds.read(source.source, source.health.cursor, { timeoutMs: 15_000, now });
      if (!read.ok) failed += 1;
      const saved = await savePoll(source, school.watch, read, now);
      kept += saved.kept;
      await tellDsls(deps, school.school, saved.news);
    }
    return { polled: due.length, kept, failed };
  }

  return {
    async sources(viewer: Viewer): Promise<StoredSource[]> {
      allow(viewer, 'monitor_mentions');
      return units.inSchool(viewer.school.id, (store) => store.monitoring.sources());
    },

    async addSource(
      viewer: Viewer,
      values: SourceFormValues,
    ): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
      allow(viewer, 'manage_monitoring');
      const read = readSourceForm(values);
      if (!read.ok) return read;
      const now = clock.now();
      await units.inSchool(viewer.school.id, (store) =>
        store.monitoring.addSource(read.source, newSourceHealth(now), viewer.person.id, now),
      );
      return { ok: true };
    },

    async removeSource(viewer: Viewer, id: string): Promise<void> {
      allow(viewer, 'manage_monitoring');
      const removed =
        isRecordId(id) && (await units.inSchool(viewer.school.id, (store) => store.monitoring.removeSource(id)));
      if (!removed) throw new AppError('not_found');
    },

    /** The polling job: each due source read, new posts classified and kept, its health updated. */
    async pollDue(now: Date = clock.now()): Promise<PollResult> {
      return poll(await units.acrossSchools((store) => store.monitoring.dueSources(now)), now);
    },

    /**
     * "Check the sources now", from the sources page: the school's sources are read at once,
     * except one that is failing or was asked to wait, which keeps to its back-off.
     */
    async checkNow(viewer: Viewer): Promise<PollResult> {
      allow(viewer, 'manage_monitoring');
      const now = clock.now();
      const sources = (await units.inSchool(viewer.school.id, (store) => store.monitoring.sources())).filter(
        (source) => source.health.consecutiveFailures === 0 || source.health.nextPollAt.getTime() <= now.getTime(),
      );
      return poll(sources, now);
    },
  };
}
