// Each school's own wording of its letters to parents, one per kind of letter. A kind without a
// row uses the standard wording, which lives in the code and so improves for every school.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('letter_template')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('request_removal', 'complaints_procedure', 'meeting_invitation')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_template_pk', ['school_id', 'kind'])
    .execute();
  await scopeToSchool(db, 'letter_template');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('letter_template').execute();
}
