// A pupil of 12 or over can be given a one-time link to read what the consent register holds for
// them. Pupils have no account, and every link so far belonged to one (`account_id not null`, a
// foreign key to account, three purposes allowed), so the same table now lets a link belong to a
// pupil instead: exactly one of the two, as its purpose says. Only the token's hash is kept, as before.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table one_time_link alter column account_id drop not null`.execute(db);
  await sql`alter table one_time_link add column pupil_id uuid`.execute(db);
  await sql`
    alter table one_time_link add constraint one_time_link_pupil
      foreign key (school_id, pupil_id) references pupil (school_id, id) on delete cascade
  `.execute(db);
  await sql`alter table one_time_link drop constraint one_time_link_purpose_check`.execute(db);
  await sql`
    alter table one_time_link add constraint one_time_link_purpose_check
      check (purpose in ('invitation', 'password_reset', 'sign_in', 'pupil_consent'))
  `.execute(db);
  await sql`
    alter table one_time_link add constraint one_time_link_holder check (
      case when purpose = 'pupil_consent'
        then pupil_id is not null and account_id is null
        else account_id is not null and pupil_id is null
      end)
  `.execute(db);
  await sql`create index one_time_link_pupil_purpose on one_time_link (school_id, pupil_id, purpose)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from one_time_link where purpose = 'pupil_consent'`.execute(db);
  await sql`drop index one_time_link_pupil_purpose`.execute(db);
  await sql`alter table one_time_link drop constraint one_time_link_holder`.execute(db);
  await sql`alter table one_time_link drop constraint one_time_link_purpose_check`.execute(db);
  await sql`
    alter table one_time_link add constraint one_time_link_purpose_check
      check (purpose in ('invitation', 'password_reset', 'sign_in'))
  `.execute(db);
  await sql`alter table one_time_link drop constraint one_time_link_pupil`.execute(db);
  await sql`alter table one_time_link drop column pupil_id`.execute(db);
  await sql`alter table one_time_link alter column account_id set not null`.execute(db);
}
