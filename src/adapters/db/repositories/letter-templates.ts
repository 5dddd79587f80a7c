// Each school's own wording of its letters to parents: at most one per kind, replaced on save.
import type { Kysely, Selectable } from 'kysely';
import type { LetterKind, SavedLetterTemplate } from '../../../domain/incidents/letters.ts';
import type { LetterTemplateTable, Tables } from '../tables.ts';

function toTemplate(row: Selectable<LetterTemplateTable>): SavedLetterTemplate {
  return {
    kind: row.kind as LetterKind,
    title: row.title,
    body: row.body,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** One school's letterTemplates, in the unit of work's transaction. */
export function letterTemplatesInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async list(): Promise<SavedLetterTemplate[]> {
      const rows = await db
        .selectFrom('letter_template')
        .selectAll()
        .where('school_id', '=', schoolId)
        .orderBy('kind')
        .execute();
      return rows.map(toTemplate);
    },

    async find(kind: LetterKind): Promise<SavedLetterTemplate | undefined> {
      const row = await db
        .selectFrom('letter_template')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return row && toTemplate(row);
    },

    async save(template: SavedLetterTemplate): Promise<void> {
      const values = {
        title: template.title,
        body: template.body,
        updated_by: template.updatedBy,
        updated_at: template.updatedAt,
      };
      await db
        .insertInto('letter_template')
        .values({ school_id: schoolId, kind: template.kind, ...values })
        .onConflict((conflict) => conflict.columns(['school_id', 'kind']).doUpdateSet(values))
        .execute();
    },

    async remove(kind: LetterKind): Promise<boolean> {
      const result = await db
        .deleteFrom('letter_template')
        .where('school_id', '=', schoolId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
