import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './directory.repo.ts';
import type { DirectoryEntry, DirectoryQuery, OrganisationChart } from './directory.schema.ts';

export function toEntry(r: repo.EntryRow): DirectoryEntry {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    jobTitle: r.job_title,
    department: { code: r.department_code, name: r.department_name },
    service: r.service_id && r.service_name ? { id: r.service_id, name: r.service_name } : null,
    unit: r.unit_id && r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
    site:
      r.site_name && r.site_address && r.site_postal_code && r.site_city
        ? { name: r.site_name, address: r.site_address, postalCode: r.site_postal_code, city: r.site_city }
        : null,
    professionalPhone: r.professional_phone,
    email: r.email,
    manager:
      r.manager_id && r.manager_first_name && r.manager_last_name
        ? { id: r.manager_id, firstName: r.manager_first_name, lastName: r.manager_last_name, jobTitle: r.manager_job_title ?? '' }
        : null,
  };
}

export async function searchDirectory(ctx: AppContext, q: DirectoryQuery) {
  const words = (q.q ?? '').split(/[\s,;]+/).filter(Boolean).slice(0, 5);
  const rows = await repo.searchEntries(ctx.db, {
    words,
    departmentCode: q.department,
    serviceId: q.service,
    limit: q.limit + 1,
    offset: q.offset,
  });
  return { items: rows.slice(0, q.limit).map(toEntry), hasMore: rows.length > q.limit };
}

export async function directoryEntry(ctx: AppContext, agentId: string) {
  const row = await repo.findEntry(ctx.db, agentId);
  if (!row) throw new AppError('not_found', 'Aucun agent correspondant dans l’annuaire.');
  const reports = await repo.directReports(ctx.db, agentId);
  return {
    ...toEntry(row),
    directReports: reports.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, jobTitle: r.job_title })),
  };
}

// The department as agents picture it: the director, each service with its head and units with their
// managers, and how many people work in each.
export async function organisationChart(ctx: AppContext, departmentCode: string): Promise<OrganisationChart> {
  const department = await repo.departmentByCode(ctx.db, departmentCode);
  if (!department) throw new AppError('not_found', `Aucune direction ${departmentCode}.`);
  const { services, units, people, managers } = await repo.organisationOf(ctx.db, department.id);
  const byId = new Map(people.map((p) => [p.id, p]));
  const person = (id: string | undefined) => {
    const p = id ? byId.get(id) : undefined;
    return p ? { id: p.id, firstName: p.first_name, lastName: p.last_name, jobTitle: p.job_title } : null;
  };
  const count = (predicate: (p: (typeof people)[number]) => boolean) => people.filter(predicate).length;
  return {
    department: { code: department.code, name: department.name },
    director: person(managers.find((m) => m.department_id === department.id)?.agent_id),
    headcount: people.length,
    services: services.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      head: person(managers.find((m) => m.service_id === s.id)?.agent_id),
      headcount: count((p) => p.service_id === s.id),
      units: units
        .filter((u) => u.service_id === s.id)
        .map((u) => ({
          id: u.id,
          name: u.name,
          manager: person(managers.find((m) => m.unit_id === u.id)?.agent_id),
          headcount: count((p) => p.unit_id === u.id),
        })),
    })),
  };
}

export async function myContacts(ctx: AppContext, agentId: string) {
  const me = await ctx.db.selectFrom('agents').select(['manager_id', 'department_id']).where('id', '=', agentId).executeTakeFirst();
  if (!me) throw new AppError('unauthenticated');
  const manager = me.manager_id ? await repo.findEntry(ctx.db, me.manager_id) : undefined;
  const hr = await repo.hrOfficersOfDepartment(ctx.db, me.department_id);
  const hrRows = await repo.findEntries(ctx.db, hr.map((h) => h.agent_id).filter((id) => id !== agentId));
  return { manager: manager ? toEntry(manager) : null, hrContacts: hrRows.map(toEntry) };
}
