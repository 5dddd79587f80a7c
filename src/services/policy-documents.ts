// The school's published policy as readers get it: laid out as a readable document for the web
// page, and printed to PDF. For anyone, without signing in; like the published view it comes
// from, it names nobody.
import type { School } from '../domain/community/school.ts';
import { documentModel, type PolicyDocument } from '../domain/policy/render/index.ts';
import { keptCopies } from './kept-copies.ts';
import type { Adapters } from './ports.ts';
import type { PublicVersionView, SchoolPolicyService } from './school-policy.ts';

export interface PublishedDocument extends PublicVersionView {
  /** The policy as headings, paragraphs, lists and tables. */
  readable: PolicyDocument;
  /** The version in force now, which may be this one. */
  current?: { number: number; label: string };
}

/** Enough printed copies to serve a few schools' current and recent versions without printing again. */
const printedCopiesKept = 32;

/** Built on the wired school policy service, so that both read the same published versions. */
export function createPolicyDocumentService(
  { units, policyPrinter, publications }: Pick<Adapters, 'units' | 'policyPrinter' | 'publications'>,
  schoolPolicy: Pick<SchoolPolicyService, 'published'>,
) {
  const readable = new WeakMap<PublicVersionView, PublishedDocument>();
  const schools = keptCopies<School>(publications);
  // A version's text never changes once published; only its status does, when it is superseded.
  const printed = new Map<string, Promise<Buffer>>();

  return {
    /** The current published version, or the one with this number; undefined if not published. */
    async published(slug: string, number?: number): Promise<PublishedDocument | undefined> {
      const view = await schoolPolicy.published(slug, number);
      if (!view) return undefined;
      // Laid out once for each kept copy of the version, so that its page can be kept beside it.
      let laidOut = readable.get(view);
      if (!laidOut) {
        const current = view.versions.find((v) => v.status === 'published');
        laidOut = {
          ...view,
          readable: documentModel(view.document),
          ...(current && { current: { number: current.number, label: current.label } }),
        };
        readable.set(view, laidOut);
      }
      return laidOut;
    },

    /** The school with this web address, so that a page can say it has not published its policy yet. */
    school(slug: string): Promise<School | undefined> {
      return schools.get(slug, () =>
        units.acrossSchools(async (store) => {
          const school = await store.schools.findBySlug(slug);
          return school && { schoolId: school.id, value: school };
        }),
      );
    },

    /** The version printed to PDF, with the school's name on every page. */
    pdf(found: PublishedDocument): Promise<Buffer> {
      const key = `${found.version.id}:${found.version.status}`;
      let copy = printed.get(key);
      if (!copy) {
        copy = policyPrinter.print(found.readable, {
          schoolName: found.school.name,
          ...(found.version.publishedAt && { createdAt: found.version.publishedAt }),
        });
        copy.catch(() => printed.delete(key));
        printed.set(key, copy);
        if (printed.size > printedCopiesKept) printed.delete(printed.keys().next().value!);
      }
      return copy;
    },

    /** What the downloaded file is called: "rowan-social-media-policy-v1.0.pdf". */
    fileName(found: PublishedDocument): string {
      const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-');
      return `${safe(found.school.slug)}-social-media-policy-v${safe(found.version.label)}.pdf`;
    },
  };
}
