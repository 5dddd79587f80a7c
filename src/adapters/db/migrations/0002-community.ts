// Organisations, schools and the people of each school's community. Every row that belongs to a
// school carries school_id, and links between rows repeat it in their foreign keys, so a pupil
// can never be linked to a carer of another school, whatever the code above does.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('trust', 'local_authority', 'standalone')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('school')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('urn', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`urn ~ '^[0-9]{6}$'`),
    )
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('address_line1', 'text', (c) => c.notNull())
    .addColumn('address_line2', 'text')
    .addColumn('town', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('day_starts', 'text', (c) => c.notNull())
    .addColumn('day_ends', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('school_organisation').on('school').column('organisation_id').execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('mis_id', 'text')
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('person_school_id_id', ['school_id', 'id'])
    .addUniqueConstraint('person_school_mis_id', ['school_id', 'mis_id'])
    .execute();
  await db.schema
    .createIndex('person_school_name')
    .on('person')
    .columns(['school_id', 'family_name', 'given_name'])
    .execute();

  await db.schema
    .createTable('person_role')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(sql`role in ('staff', 'governor', 'parent', 'volunteer', 'pta_member', 'visitor', 'contractor')`),
    )
    .addColumn('job_title', 'text')
    .addColumn('duties', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addPrimaryKeyConstraint('person_role_pkey', ['person_id', 'role'])
    .addForeignKeyConstraint('person_role_person', ['school_id', 'person_id'], 'person', ['school_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('person_role_school_role').on('person_role').columns(['school_id', 'role']).execute();

  await db.schema
    .createTable('pupil')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('mis_id', 'text', (c) => c.notNull())
    .addColumn('legal_given_name', 'text', (c) => c.notNull())
    .addColumn('legal_family_name', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text')
    .addColumn('date_of_birth', 'date', (c) => c.notNull())
    .addColumn('year_group', 'text', (c) => c.notNull())
    .addColumn('class_name', 'text')
    .addColumn('left_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('pupil_school_id_id', ['school_id', 'id'])
    .addUniqueConstraint('pupil_school_mis_id', ['school_id', 'mis_id'])
    .execute();
  await db.schema
    .createIndex('pupil_school_name')
    .on('pupil')
    .columns(['school_id', 'legal_family_name', 'legal_given_name'])
    .execute();

  await db.schema
    .createTable('carer_link')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('pupil_id', 'uuid', (c) => c.notNull())
    .addColumn('carer_id', 'uuid', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('parental_responsibility', 'boolean', (c) => c.notNull())
    .addColumn('contact_priority', 'integer')
    .addPrimaryKeyConstraint('carer_link_pkey', ['pupil_id', 'carer_id'])
    .addForeignKeyConstraint('carer_link_pupil', ['school_id', 'pupil_id'], 'pupil', ['school_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('carer_link_carer', ['school_id', 'carer_id'], 'person', ['school_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('carer_link_carer').on('carer_link').columns(['school_id', 'carer_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['carer_link', 'pupil', 'person_role', 'person', 'school', 'organisation']) {
    await db.schema.dropTable(table).execute();
  }
}
