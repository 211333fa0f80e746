import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { scimInvalid } from './scim-errors.ts';
import { type Filter, matches, normaliseAttribute, parseFilter } from './scim-filter.ts';
import { CORE_GROUP, type ScimResource, UUID_PATTERN } from './scim-protocol.ts';
import * as repo from './scim-groups.repo.ts';
import { scimLinks } from './scim-users.service.ts';
import { userLocation } from './scim-user.representation.ts';

// Groups are the departments, read-only (docs/decisions/0005-scim.md): a connector that probes Groups
// finds the organisation; an agent's membership follows their department attribute, nothing else.

type Department = Awaited<ReturnType<typeof repo.listDepartments>>[number];

export async function listGroups(ctx: AppContext, query: { filter?: string; startIndex: number; count: number; withMembers: boolean }) {
  const filter = query.filter ? parseFilter(query.filter) : undefined;
  if (filter) checkGroupFilter(filter);
  const all = await repo.listDepartments(ctx.db);
  // Displayed by code; the full name matches too, for directories that only know "Direction des …".
  const found = filter ? all.filter((d) => matches(filter, { id: d.id, displayName: d.code }) || matches(filter, { id: d.id, displayName: d.name })) : all;
  const page = found.slice(query.startIndex - 1, query.startIndex - 1 + query.count);
  return { total: found.length, resources: await represent(ctx, page, query.withMembers) };
}

export async function getGroup(ctx: AppContext, id: string, withMembers: boolean): Promise<ScimResource> {
  const department = UUID_PATTERN.test(id) ? (await repo.listDepartments(ctx.db)).find((d) => d.id === id.toLowerCase()) : undefined;
  if (!department) throw new AppError('not_found', `Aucun groupe SCIM avec l’id « ${id.slice(0, 64)} ».`);
  const [group] = await represent(ctx, [department], withMembers);
  return group!;
}

async function represent(ctx: AppContext, departments: Department[], withMembers: boolean): Promise<ScimResource[]> {
  const links = scimLinks(ctx);
  const members = withMembers ? await repo.listMembers(ctx.db, departments.map((d) => d.id)) : [];
  return departments.map((d) => ({
    schemas: [CORE_GROUP],
    id: d.id,
    displayName: d.code,
    ...(withMembers
      ? {
          members: members
            .filter((m) => m.department_id === d.id)
            .map((m) => ({ value: m.id, display: `${m.first_name} ${m.last_name}`, $ref: userLocation(links, m.id), type: 'User' })),
        }
      : {}),
    meta: { resourceType: 'Group', created: d.created_at.toISOString(), lastModified: d.created_at.toISOString(), location: `${links.baseUrl}/Groups/${d.id}` },
  }));
}

function checkGroupFilter(filter: Filter): void {
  switch (filter.kind) {
    case 'and':
    case 'or':
      filter.items.forEach(checkGroupFilter);
      return;
    case 'not':
      checkGroupFilter(filter.item);
      return;
    default:
      if (!['displayname', 'id'].includes(normaliseAttribute(filter.attribute))) {
        throw scimInvalid('invalidFilter', 'filter', `filtre sur « ${filter.attribute} » non pris en charge pour les groupes (possibles : displayName, id)`);
      }
  }
}
