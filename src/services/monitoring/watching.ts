// What the school watches for, and what becomes of a post: its settings (or the defaults), its
// watch list, each post classified against it and kept only if it is about the school, and the
// DSL told of a serious one once it is saved. Every helper works in the caller's unit of work,
// except the email, which goes only after that unit has committed.
import { accessRolesOf } from '../../domain/access/roles.ts';
import { displayName } from '../../domain/community/people.ts';
import type { School } from '../../domain/community/school.ts';
import { classify, compileWatch, type CompiledWatch, type Watch } from '../../domain/monitoring/index.ts';
import { defaultMentionMonths, isSerious, labelNames, severity } from '../../domain/monitoring/inbox.ts';
import type { Adapters, MonitoringSettings, NewMention, SchoolStore, StoredMention } from '../ports.ts';

/** As many people or pupils as a watch list or a page takes at once. */
export const listLimit = 5000;

/** The school's settings, or, until it saves its own, its name alone and the usual retention. */
export async function settingsOf(
  store: SchoolStore,
  school: Pick<School, 'name'> | undefined,
): Promise<MonitoringSettings> {
  const saved = await store.monitoring.settings();
  if (saved) return saved;
  return { names: school ? [school.name] : [], handles: [], retentionMonths: defaultMentionMonths };
}

/**
 * The school's watch list: its names and handles, approved official accounts, staff who opted in,
 * pupils on the roll on `day`.
 */
export async function watchOf(
  store: SchoolStore,
  school: Pick<School, 'name'> | undefined,
  day: string,
): Promise<CompiledWatch> {
  const settings = await settingsOf(store, school);
  const accounts = await store.officialAccounts.list();
  const handles = [
    ...settings.handles,
    ...accounts
      .filter((account) => account.status === 'approved' && /^@?[A-Za-z0-9_.]+$/.test(account.address))
      .map((account) => account.address),
  ];
  const watched = await store.people.findMany([...new Set(await store.monitoring.watchedStaff())]);
  const pupils = await store.pupils.list({ onRollOn: day, limit: listLimit, offset: 0 });
  const watch: Watch = {
    school: { names: settings.names, handles: [...new Set(handles)] },
    pupils: pupils.items.flatMap((pupil) => [
      { first: pupil.legalGivenName, last: pupil.legalFamilyName },
      ...(pupil.preferredName ? [{ first: pupil.preferredName, last: pupil.legalFamilyName }] : []),
    ]),
    staff: watched.map((person) => ({ first: person.preferredName ?? person.givenName, last: person.familyName })),
  };
  return compileWatch(watch);
}

export type Post = Omit<NewMention, 'labels' | 'evidence' | 'severity' | 'foundAt'>;

/** A post classified against the watch list, as a mention to keep; undefined when it is not about the school. */
export function classified(watch: CompiledWatch, post: Post, foundAt: Date): NewMention | undefined {
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
  return { ...post, labels: result.labels, evidence: result.evidence, severity: severity(result.labels), foundAt };
}

export interface Dsl {
  email: string;
  name: string;
}

/** Serious mentions just kept, with the DSLs to tell of them once the unit that kept them commits. */
export interface SeriousNews {
  mentions: StoredMention[];
  dsls: Dsl[];
}

/** In the unit that kept `kept`: those that are serious, and (only if there are any) whom to tell. */
export async function seriousNews(store: SchoolStore, kept: readonly StoredMention[]): Promise<SeriousNews> {
  const mentions = kept.filter((mention) => isSerious(mention.labels));
  if (mentions.length === 0) return { mentions, dsls: [] };
  const dsls = (await store.accounts.holders())
    .filter(
      ({ account, person }) =>
        !account.disabledAt && accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }).includes('dsl'),
    )
    .map(({ account, person }) => ({ email: account.email, name: displayName(person) }));
  return { mentions, dsls };
}

/**
 * After the unit has committed: tells the DSLs at once of each serious mention. The email names no
 * child and quotes nothing; one that fails is let go, as the mention heads the inbox anyway.
 */
export async function tellDsls(
  { mailer, baseUrl }: Pick<Adapters, 'mailer' | 'baseUrl'>,
  school: Pick<School, 'name'> | undefined,
  news: SeriousNews,
): Promise<void> {
  for (const mention of news.mentions) {
    try {
      for (const dsl of news.dsls) {
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
    } catch {
      // The mention is kept and heads the inbox; the email is a courtesy on top.
    }
  }
}
