// Writing a generated demo trust into the database: every school, its people with all their
// roles, its pupils, and the links between carers and pupils, in one transaction.
import { everyone, type DemoTrust } from '../domain/demo/index.ts';
import type { Adapters } from './ports.ts';
import { addSchoolTo } from './community.ts';

export interface DemoWritten {
  slug: string;
  name: string;
  people: number;
  pupils: number;
  links: number;
}

export function createDemoService({ inTransaction }: Pick<Adapters, 'inTransaction'>) {
  return {
    write(trust: DemoTrust): Promise<DemoWritten[]> {
      return inTransaction(async (store) => {
        const organisation = await store.schools.addOrganisation(trust.organisation);
        const written: DemoWritten[] = [];
        for (const demo of trust.schools) {
          const school = await addSchoolTo(store, organisation.id, demo.school);
          const pupils = await store.pupils.add(school.id, demo.pupils);
          const pupilIds = new Map(pupils.map((p) => [p.misId, p.id]));
          const people = everyone(demo);
          const saved = await store.people.add(school.id, people);
          const links = people.flatMap((entry, i) =>
            entry.links.map((link) => ({
              pupilId: pupilIds.get(link.pupilMisId) ?? '',
              carerId: saved[i]?.id ?? '',
              relationship: link.relationship,
              parentalResponsibility: link.parentalResponsibility,
              contactPriority: link.contactPriority,
            })),
          );
          await store.pupils.linkCarers(school.id, links);
          written.push({
            slug: school.slug,
            name: school.name,
            people: saved.length,
            pupils: pupils.length,
            links: links.length,
          });
        }
        return written;
      });
    },
  };
}
