// Sign-off campaigns, the people each asks, the links they answer by, and the answers. Every
// query names the school, except finding a recipient by the token in their link, and claiming or
// finding the emails due across every school for the scheduled job. Tokens are kept only as their
// SHA-256.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { displayName } from '../../../domain/community/people.ts';
import type {
  Acknowledgement,
  Answer,
  Campaign,
  Chaser,
  Recipient,
  SignOffAudience,
} from '../../../domain/sign-off/campaigns.ts';
import type {
  AudienceMember,
  ClaimedFirstEmail,
  NewAcknowledgement,
  NewCampaign,
  RecipientAnswer,
  RecipientWithCampaign,
} from '../../../services/ports.ts';
import { sha256Hex } from '../../crypto/hash.ts';
import type { PolicyAcknowledgementTable, SignOffCampaignTable, SignOffRecipientTable, Tables } from '../tables.ts';

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

function toCampaign(row: Selectable<SignOffCampaignTable>): Campaign {
  const campaign: Campaign = {
    id: row.id,
    schoolId: row.school_id,
    versionId: row.version_id,
    audience: row.audience as SignOffAudience,
    startedBy: row.started_by,
    startedAt: row.started_at,
    withoutEmail: row.without_email,
  };
  if (row.closed_at) campaign.closedAt = row.closed_at;
  return campaign;
}

function toRecipient(row: Selectable<SignOffRecipientTable>): Recipient {
  const recipient: Recipient = {
    id: row.id,
    schoolId: row.school_id,
    campaignId: row.campaign_id,
    personId: row.person_id,
    email: row.email,
  };
  if (row.invited_at) recipient.invitedAt = row.invited_at;
  if (row.first_chaser_at) recipient.firstChaserAt = row.first_chaser_at;
  if (row.second_chaser_at) recipient.secondChaserAt = row.second_chaser_at;
  return recipient;
}

function toAcknowledgement(row: Selectable<PolicyAcknowledgementTable>): Acknowledgement {
  const answer: Acknowledgement = {
    id: row.id,
    schoolId: row.school_id,
    personId: row.person_id,
    versionId: row.version_id,
    contentHash: row.content_hash,
    answer: row.answer as Answer,
    answeredAt: row.answered_at,
  };
  if (row.reason !== null) answer.reason = row.reason;
  if (row.recipient_id !== null) answer.recipientId = row.recipient_id;
  return answer;
}

const recipientColumns = [
  'r.id',
  'r.school_id',
  'r.campaign_id',
  'r.person_id',
  'r.email',
  'r.invited_at',
  'r.first_chaser_at',
  'r.second_chaser_at',
] as const;

const campaignColumns = [
  'c.id as c_id',
  'c.school_id as c_school_id',
  'c.version_id as c_version_id',
  'c.audience as c_audience',
  'c.started_by as c_started_by',
  'c.started_at as c_started_at',
  'c.without_email as c_without_email',
  'c.closed_at as c_closed_at',
] as const;

type JoinedRow = Selectable<SignOffRecipientTable> & {
  c_id: string;
  c_school_id: string;
  c_version_id: string;
  c_audience: string;
  c_started_by: string;
  c_started_at: Date;
  c_without_email: number;
  c_closed_at: Date | null;
};

function toJoined(row: JoinedRow): RecipientWithCampaign {
  return {
    recipient: toRecipient(row),
    campaign: toCampaign({
      id: row.c_id,
      school_id: row.c_school_id,
      version_id: row.c_version_id,
      audience: row.c_audience,
      started_by: row.c_started_by,
      started_at: row.c_started_at,
      without_email: row.c_without_email,
      closed_at: row.c_closed_at,
    }),
  };
}

function joined(db: Kysely<Tables>) {
  return db
    .selectFrom('sign_off_recipient as r')
    .innerJoin('sign_off_campaign as c', (join) =>
      join.onRef('c.id', '=', 'r.campaign_id').onRef('c.school_id', '=', 'r.school_id'),
    )
    .select([...recipientColumns, ...campaignColumns]);
}

const notAnswered = sql<boolean>`not exists (select 1 from policy_acknowledgement a where a.recipient_id = r.id)`;

/** A new link for each recipient, in one statement; the tokens, in the same order, are returned once and never kept. */
async function addLinks(
  db: Kysely<Tables>,
  recipients: readonly { schoolId: string; recipientId: string }[],
  at: Date,
): Promise<string[]> {
  if (recipients.length === 0) return [];
  const tokens = recipients.map(() => randomBytes(32).toString('base64url'));
  await db
    .insertInto('sign_off_link')
    .values(
      recipients.map(({ schoolId, recipientId }, i) => ({
        token_hash: sha256Hex(tokens[i]!),
        school_id: schoolId,
        recipient_id: recipientId,
        created_at: at,
      })),
    )
    .execute();
  return tokens;
}

const stampColumn = {
  invitation: 'invited_at',
  first: 'first_chaser_at',
  second: 'second_chaser_at',
} as const;

/** One school's signOff, in the unit of work's transaction. */
export function signOffInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    /** The school's people holding the audience's role, each once. */
    async audience(audience: SignOffAudience): Promise<AudienceMember[]> {
      const rows = await db
        .selectFrom('person as p')
        .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.email'])
        .where('p.school_id', '=', schoolId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('person_role as pr')
              .select('pr.person_id')
              .whereRef('pr.person_id', '=', 'p.id')
              .where('pr.school_id', '=', schoolId)
              .where('pr.role', '=', audience),
          ),
        )
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .execute();
      return rows.map((row) => ({
        personId: row.id,
        name: displayName({
          givenName: row.given_name,
          familyName: row.family_name,
          ...(row.preferred_name === null ? {} : { preferredName: row.preferred_name }),
        }),
        ...(row.email ? { email: row.email.trim().toLowerCase() } : {}),
      }));
    },

    /** Opens a campaign, closing any open one for the same audience, and adds everyone it asks. */
    async start(campaign: NewCampaign): Promise<Campaign> {
      await db
        .updateTable('sign_off_campaign')
        .set({ closed_at: campaign.at })
        .where('school_id', '=', schoolId)
        .where('audience', '=', campaign.audience)
        .where('closed_at', 'is', null)
        .execute();
      const row = await db
        .insertInto('sign_off_campaign')
        .values({
          school_id: schoolId,
          version_id: campaign.versionId,
          audience: campaign.audience,
          started_by: campaign.startedBy,
          started_at: campaign.at,
          without_email: campaign.withoutEmail,
          closed_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (campaign.recipients.length > 0) {
        await db
          .insertInto('sign_off_recipient')
          .values(
            campaign.recipients.map((recipient) => ({
              school_id: schoolId,
              campaign_id: row.id,
              person_id: recipient.personId,
              email: recipient.email,
            })),
          )
          .execute();
      }
      return toCampaign(row);
    },

    async close(id: string, at: Date): Promise<boolean> {
      const result = await db
        .updateTable('sign_off_campaign')
        .set({ closed_at: at })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Newest first. */
    async campaigns(): Promise<Campaign[]> {
      const rows = await db
        .selectFrom('sign_off_campaign')
        .selectAll()
        .where('school_id', '=', schoolId)
        .orderBy('started_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toCampaign);
    },

    async campaign(id: string): Promise<Campaign | undefined> {
      const row = await db
        .selectFrom('sign_off_campaign')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toCampaign(row);
    },

    /** Everyone a campaign asked, by name, with their answer if they gave one. */
    async recipients(campaignId: string): Promise<RecipientAnswer[]> {
      const rows = await db
        .selectFrom('sign_off_recipient as r')
        .innerJoin('person as p', (join) =>
          join.onRef('p.id', '=', 'r.person_id').onRef('p.school_id', '=', 'r.school_id'),
        )
        .leftJoin('policy_acknowledgement as a', 'a.recipient_id', 'r.id')
        .selectAll('r')
        .select(['p.given_name', 'p.family_name', 'p.preferred_name', 'a.answer', 'a.reason'])
        .where('r.school_id', '=', schoolId)
        .where('r.campaign_id', '=', campaignId)
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .execute();
      return rows.map((row) => ({
        recipient: toRecipient(row),
        name: displayName({
          givenName: row.given_name,
          familyName: row.family_name,
          ...(row.preferred_name === null ? {} : { preferredName: row.preferred_name }),
        }),
        ...(row.answer ? { answer: row.answer as Answer } : {}),
        ...(row.reason ? { reason: row.reason } : {}),
      }));
    },

    /** A new link for a recipient; earlier ones keep working. The token is returned once, never kept. */
    async addLink(recipientId: string, at: Date): Promise<string> {
      const [token] = await addLinks(db, [{ schoolId, recipientId }], at);
      return token!;
    },

    /**
     * Records that an email is going out, if it has not already: one conditional statement, so of two
     * jobs running at once only one sends it. False when it was already recorded.
     */
    async markSent(recipientId: string, which: 'invitation' | Chaser, at: Date): Promise<boolean> {
      const column = stampColumn[which];
      const result = await db
        .updateTable('sign_off_recipient')
        .set({ [column]: at })
        .where('school_id', '=', schoolId)
        .where('id', '=', recipientId)
        .where(column, 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Takes back a record of an email the mail server did not take, so that the next run tries again. */
    async unmarkSent(recipientId: string, which: 'invitation' | Chaser): Promise<void> {
      await db
        .updateTable('sign_off_recipient')
        .set({ [stampColumn[which]]: null })
        .where('school_id', '=', schoolId)
        .where('id', '=', recipientId)
        .execute();
    },

    /** The campaign recipients of a person that are still open and unanswered. */
    async openFor(personId: string): Promise<RecipientWithCampaign[]> {
      const rows = await joined(db)
        .where('r.school_id', '=', schoolId)
        .where('r.person_id', '=', personId)
        .where('c.closed_at', 'is', null)
        .where(notAnswered)
        .orderBy('c.started_at')
        .execute();
      return rows.map(toJoined);
    },

    /** Records an answer; undefined when the recipient has already answered. */
    async answer(answer: NewAcknowledgement): Promise<Acknowledgement | undefined> {
      const row = await db
        .insertInto('policy_acknowledgement')
        .values({
          school_id: schoolId,
          person_id: answer.personId,
          version_id: answer.versionId,
          content_hash: answer.contentHash,
          answer: answer.answer,
          reason: answer.reason ?? null,
          recipient_id: answer.recipientId ?? null,
          answered_at: answer.at,
        })
        .onConflict((oc) => oc.column('recipient_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row && toAcknowledgement(row);
    },

    async answerTo(recipientId: string): Promise<Acknowledgement | undefined> {
      const row = await db
        .selectFrom('policy_acknowledgement')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('recipient_id', '=', recipientId)
        .executeTakeFirst();
      return row && toAcknowledgement(row);
    },

    /** Every answer a person has given, newest first. */
    async answersOf(personId: string): Promise<Acknowledgement[]> {
      const rows = await db
        .selectFrom('policy_acknowledgement')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('person_id', '=', personId)
        .orderBy('answered_at', 'desc')
        .execute();
      return rows.map(toAcknowledgement);
    },
  };
}

/** Across every school: signOff, in the unit of work's transaction. */
export function signOffAcrossSchools(db: Kysely<Tables>) {
  return {
    /** The recipient a link was sent to, and their campaign, in whichever school. */
    async findByToken(token: string): Promise<RecipientWithCampaign | undefined> {
      if (!tokenShape.test(token)) return undefined;
      const row = await joined(db)
        .innerJoin('sign_off_link as l', 'l.recipient_id', 'r.id')
        .where('l.token_hash', '=', sha256Hex(token))
        .executeTakeFirst();
      return row && toJoined(row);
    },

    /**
     * Across every school: claims up to `limit` first emails still to go, for people in open campaigns
     * who have not answered, by recording them as sent at `at`. One statement, skipping rows another
     * run holds, so that two runs at once never claim the same person. `skip` names recipients this run
     * has already tried and failed. Oldest campaigns first, each with a new link for its email.
     */
    async claimFirstEmails(at: Date, limit: number, skip: readonly string[]): Promise<ClaimedFirstEmail[]> {
      const claimed = await db
        .updateTable('sign_off_recipient')
        .set({ invited_at: at })
        .where('invited_at', 'is', null)
        .where('id', 'in', (eb) => {
          let pending = eb
            .selectFrom('sign_off_recipient as r')
            .innerJoin('sign_off_campaign as c', (join) =>
              join.onRef('c.id', '=', 'r.campaign_id').onRef('c.school_id', '=', 'r.school_id'),
            )
            .select('r.id')
            .where('r.invited_at', 'is', null)
            .where('c.closed_at', 'is', null)
            .where(notAnswered)
            .orderBy('c.started_at')
            .orderBy('r.id')
            .limit(limit)
            .forUpdate('r')
            .skipLocked();
          if (skip.length > 0) pending = pending.where('r.id', 'not in', skip);
          return pending;
        })
        .returning('id')
        .execute();
      if (claimed.length === 0) return [];
      const rows = await joined(db)
        .where(
          'r.id',
          'in',
          claimed.map((row) => row.id),
        )
        .orderBy('c.started_at')
        .orderBy('r.id')
        .execute();
      const tokens = await addLinks(
        db,
        rows.map((row) => ({ schoolId: row.school_id, recipientId: row.id })),
        at,
      );
      return rows.map((row, i) => ({ ...toJoined(row), token: tokens[i]! }));
    },

    /**
     * Across every school: those in open campaigns who had their first email `firstAfterDays` or more
     * ago, have not answered, and have not had the last reminder.
     */
    async dueForReminder(now: Date, firstAfterDays: number): Promise<RecipientWithCampaign[]> {
      const cutOff = new Date(now.getTime() - firstAfterDays * 24 * 60 * 60 * 1000);
      const rows = await joined(db)
        .where('c.closed_at', 'is', null)
        .where(notAnswered)
        .where('r.invited_at', '<=', cutOff)
        .where('r.second_chaser_at', 'is', null)
        .orderBy('r.school_id')
        .orderBy('r.id')
        .execute();
      return rows.map(toJoined);
    },
  };
}
