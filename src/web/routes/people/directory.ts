// The school's people: everyone in one list to search and filter, a page of 50 at a time; each
// adult's profile with their roles and the children they care for; each pupil's with their carers.
// Every read is of the viewer's own school: another school's id is not found, like a made-up one.
import { communityRoles, displayName, type CommunityRole } from '../../../domain/community/people.ts';
import { ageOn } from '../../../domain/community/pupils.ts';
import { AppError } from '../../../errors.ts';
import type { CommunityMember } from '../../../services/ports.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { page, type Errors } from '../../forms.ts';
import { pagination } from './pagination.ts';
import { count, describeRole, groupNames, longDate, pupilName, relationshipNames, yearGroupName } from './words.ts';

export const perPage = 50;
const groups = [...communityRoles, 'pupil'] as const;
type Group = CommunityRole | 'pupil';

interface ListQuery {
  q?: string;
  role?: string;
  leavers?: string;
  page?: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const isGroup = (value: string): value is Group => (groups as readonly string[]).includes(value);

function listRow(member: CommunityMember, today: string) {
  if (member.kind === 'person') {
    const { person } = member;
    return {
      href: `/people/${person.id}`,
      name: displayName(person),
      email: person.email,
      roles: person.roles.length > 0 ? person.roles.map(describeRole) : ['No role yet'],
    };
  }
  const { pupil } = member;
  const left = pupil.leftOn !== undefined && pupil.leftOn <= today;
  return {
    href: `/pupils/${pupil.id}`,
    name: pupilName(pupil),
    roles: [
      ['Pupil', yearGroupName(pupil.yearGroup), pupil.className].filter(Boolean).join(', '),
      ...(left ? [`Left on ${longDate(pupil.leftOn!)}`] : []),
    ],
  };
}

export const directoryRoutes: RoutePlugin = async (app, { services }) => {
  const today = () => services.clock.now().toISOString().slice(0, 10);

  app.get<{ Querystring: ListQuery }>('/people', { config: { access: 'view_people' } }, async (request, reply) => {
    const viewer = request.viewer!;
    const values = {
      q: text(request.query.q).slice(0, 100),
      role: text(request.query.role),
      leavers: text(request.query.leavers) === 'yes' ? 'yes' : '',
    };
    const errors: Errors = {};
    const role = isGroup(values.role) ? values.role : undefined;
    if (values.role && !role) errors.role = 'Choose who to show from the list';
    const pageNumber = Math.max(1, Math.min(100_000, Number.parseInt(text(request.query.page), 10) || 1));
    const day = today();
    const found = await services.community.directory(viewer, {
      ...(values.q && { search: values.q }),
      ...(role && { role }),
      includeLeavers: values.leavers === 'yes',
      today: day,
      limit: perPage,
      offset: (pageNumber - 1) * perPage,
    });
    const pages = Math.max(1, Math.ceil(found.total / perPage));
    const link = (n: number) => {
      const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ''));
      if (n > 1) query.set('page', String(n));
      const search = query.toString();
      return search ? `/people?${search}` : '/people';
    };
    const first = (pageNumber - 1) * perPage + 1;
    return page(
      reply,
      'people/index.njk',
      {
        pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}People and pupils`,
        values,
        errors,
        groups: [
          { value: '', text: 'Everyone' },
          ...groups.map((group) => ({ value: group, text: groupNames[group], selected: group === values.role })),
        ],
        rows: found.items.map((member) => listRow(member, day)),
        total: found.total,
        totalText: count(found.total, 'result', 'results'),
        range:
          found.items.length > 0 && pages > 1
            ? `${first.toLocaleString('en-GB')} to ${(first + found.items.length - 1).toLocaleString('en-GB')}`
            : undefined,
        filtered: values.q !== '' || role !== undefined || values.leavers !== '',
        pagination: pagination(pageNumber, pages, link),
        canManage: viewer.capabilities.includes('manage_people'),
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  });

  app.get<{ Params: { personId: string }; Querystring: { saved?: string } }>(
    '/people/:personId',
    { config: { access: 'view_people' } },
    async (request, reply) => {
      const viewer = request.viewer!;
      const found = await services.community.personFor(viewer, request.params.personId);
      if (!found) throw new AppError('not_found');
      const { person, children } = found;
      const notices: Record<string, string> = { added: 'Person added', changed: 'Changes saved' };
      return page(reply, 'people/person.njk', {
        pageTitle: displayName(person),
        person,
        fullName: `${person.givenName} ${person.familyName}`,
        roles: person.roles.map(describeRole),
        children: children.map(({ pupil, link }) => ({
          href: `/pupils/${pupil.id}`,
          name: pupilName(pupil),
          yearGroup: yearGroupName(pupil.yearGroup),
          relationship: relationshipNames[link.relationship],
          parentalResponsibility: link.parentalResponsibility,
        })),
        notice: notices[request.query.saved ?? ''],
        canManage: viewer.capabilities.includes('manage_people'),
      });
    },
  );

  app.get<{ Params: { pupilId: string } }>(
    '/pupils/:pupilId',
    { config: { access: 'view_people' } },
    async (request, reply) => {
      const found = await services.community.pupilFor(request.viewer!, request.params.pupilId);
      if (!found) throw new AppError('not_found');
      const { pupil, carers } = found;
      const day = today();
      return page(reply, 'people/pupil.njk', {
        pageTitle: pupilName(pupil),
        pupil,
        legalName: `${pupil.legalGivenName} ${pupil.legalFamilyName}`,
        dateOfBirth: `${longDate(pupil.dateOfBirth)} (age ${String(ageOn(pupil.dateOfBirth, day))})`,
        yearGroup: yearGroupName(pupil.yearGroup),
        leftOn: pupil.leftOn && longDate(pupil.leftOn),
        hasLeft: pupil.leftOn !== undefined && pupil.leftOn <= day,
        carers: carers.map(({ carer, link }) => ({
          href: `/people/${carer.id}`,
          name: displayName(carer),
          relationship: relationshipNames[link.relationship],
          parentalResponsibility: link.parentalResponsibility,
          contactPriority: link.contactPriority,
        })),
      });
    },
  );
};
