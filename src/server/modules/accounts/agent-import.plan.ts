import type { Db } from '../../db/connection.ts';
import type { FieldError } from '../../http/errors.ts';
import type { Actor } from '../access/index.ts';
import { BadgeNumber, PersonName, ProfessionalEmail } from '../identity/index.ts';
import type { AgentChanges } from './accounts.repo.ts';
import * as repo from './accounts.repo.ts';
import { type CsvRow, type ImportColumn, importDate } from './agent-import.csv.ts';
import type { ImportLineReport } from './agent-import.schema.ts';
import { inPerimeter, perimeterOf } from './hr-context.ts';
import * as lookup from './organisation-lookup.repo.ts';

// What each line of an HR file would do, decided against the database as it is: create, update (with the
// fields that change), unchanged, or refused with every reason. An empty optional cell (service, grade,
// intitule_poste, matricule_manager, date_depart) leaves an existing agent's value as it is.

export type PlannedCreate = {
  badge_number: string;
  email: string;
  first_name: string;
  last_name: string;
  department_id: string;
  service_id: string | null;
  job_profile_id: string;
  grade_id: string | null;
  job_title: string;
  status: 'pending' | 'active';
  start_date: string;
  departure_date: string | null;
};

export type PlannedLine = ImportLineReport & {
  create?: PlannedCreate;
  update?: { agentId: string; values: AgentChanges; fromDepartmentId: string; departNow: string | null };
  /** Set after every line is written, so a manager may be a newcomer of the same file. */
  managerBadge?: string;
};

type Catalogue = Awaited<ReturnType<typeof lookup.loadCatalogue>>;
type Existing = Awaited<ReturnType<typeof repo.findAgentsByBadgesOrEmails>>[number];
type Cells = Record<ImportColumn, string>;

const field = (column: ImportColumn, message: string, rule?: string): FieldError => ({ field: column, ...(rule ? { rule } : {}), message });
const person = (a: { first_name: string; last_name: string; badge_number: string }) => `${a.first_name} ${a.last_name} (${a.badge_number})`;

export async function planImport(db: Db, actor: Actor, rows: CsvRow[], today: string): Promise<PlannedLine[]> {
  const catalogue = await lookup.loadCatalogue(db);
  const createPerimeter = perimeterOf(actor, 'account.create');
  const updatePerimeter = perimeterOf(actor, 'account.update');

  const cellsOf = rows.flatMap((r) => (r.cells ? [r.cells] : []));
  const badges = cellsOf.map((c) => c.matricule).filter((b) => /^\d{7}$/.test(b));
  const managers = cellsOf.map((c) => c.matricule_manager).filter((b) => /^\d{7}$/.test(b));
  const emails = cellsOf.map((c) => c.email.toLowerCase()).filter(Boolean);
  const existing = await repo.findAgentsByBadgesOrEmails(db, [...new Set([...badges, ...managers])], [...new Set(emails)]);
  const byBadge = new Map(existing.map((a) => [a.badge_number, a]));
  const byEmail = new Map(existing.map((a) => [a.email.toLowerCase(), a]));
  const currentManagers = new Map(
    (await repo.findAgentsByIds(db, [...new Set(existing.flatMap((a) => (a.manager_id ? [a.manager_id] : [])))])).map((m) => [m.id, m]),
  );
  const fileByBadge = new Map<string, Cells>();
  const seenBadge = new Map<string, number[]>();
  const seenEmail = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.cells) continue;
    fileByBadge.set(row.cells.matricule, row.cells);
    seenBadge.set(row.cells.matricule, [...(seenBadge.get(row.cells.matricule) ?? []), row.line]);
    const email = row.cells.email.toLowerCase();
    seenEmail.set(email, [...(seenEmail.get(email) ?? []), row.line]);
  }

  return rows.map((row): PlannedLine => {
    if (!row.cells) {
      return { line: row.line, badgeNumber: null, name: null, action: 'refused', changes: [], errors: [{ message: row.error, rule: 'malformed' }], notes: [] };
    }
    const c = row.cells;
    const errors: FieldError[] = [];
    const report: PlannedLine = {
      line: row.line,
      badgeNumber: c.matricule || null,
      name: [c.prenom, c.nom].filter(Boolean).join(' ') || null,
      action: 'refused',
      changes: [],
      errors,
      notes: [],
    };

    // Formats.
    const badge = BadgeNumber.safeParse(c.matricule);
    if (!badge.success) errors.push(field('matricule', `matricule « ${c.matricule} » invalide : 7 chiffres attendus`, 'format'));
    const lastName = PersonName.safeParse(c.nom);
    if (!lastName.success) errors.push(field('nom', 'nom obligatoire (100 caractères au plus)', 'required'));
    const firstName = PersonName.safeParse(c.prenom);
    if (!firstName.success) errors.push(field('prenom', 'prénom obligatoire (100 caractères au plus)', 'required'));
    const email = ProfessionalEmail.safeParse(c.email);
    if (!email.success) errors.push(field('email', `adresse e-mail « ${c.email} » invalide`, 'format'));
    const managerBadge = c.matricule_manager ? BadgeNumber.safeParse(c.matricule_manager) : undefined;
    if (managerBadge && !managerBadge.success) errors.push(field('matricule_manager', `matricule du manager « ${c.matricule_manager} » invalide`, 'format'));
    const startDate = importDate(c.date_arrivee);
    if (!startDate) errors.push(field('date_arrivee', c.date_arrivee ? `date d’arrivée « ${c.date_arrivee} » invalide (AAAA-MM-JJ ou JJ/MM/AAAA)` : 'date d’arrivée obligatoire', 'format'));
    const departureDate = c.date_depart ? importDate(c.date_depart) : null;
    if (departureDate === undefined) errors.push(field('date_depart', `date de départ « ${c.date_depart} » invalide (AAAA-MM-JJ ou JJ/MM/AAAA)`, 'format'));
    if (startDate && departureDate && departureDate <= startDate) errors.push(field('date_depart', 'la date de départ doit suivre la date d’arrivée', 'order'));
    const jobTitle = c.intitule_poste.slice(0, 200) || null;

    // Duplicates within the file.
    const sameBadge = (seenBadge.get(c.matricule) ?? []).filter((l) => l !== row.line);
    if (badge.success && sameBadge.length) errors.push(field('matricule', `matricule ${c.matricule} présent aussi ligne ${sameBadge.join(', ')}`, 'duplicate'));
    const sameEmail = (seenEmail.get(c.email.toLowerCase()) ?? []).filter((l) => l !== row.line);
    if (email.success && sameEmail.length) errors.push(field('email', `adresse ${email.data} présente aussi ligne ${sameEmail.join(', ')}`, 'duplicate'));

    // The organisation.
    const department = catalogue.departments.find((d) => d.code === c.direction.toUpperCase());
    if (!department) errors.push(field('direction', c.direction ? `direction inconnue : ${c.direction}` : 'direction obligatoire', 'unknown'));
    else if (!inPerimeter(createPerimeter, department.id)) errors.push(field('direction', `direction ${department.code} hors de votre périmètre`, 'outside_perimeter'));
    const service = c.service && department
      ? catalogue.services.find((s) => s.department_id === department.id && s.code.toUpperCase() === c.service.toUpperCase())
      : undefined;
    if (c.service && department && !service) errors.push(field('service', `service inconnu à la ${department.code} : ${c.service}`, 'unknown'));
    const profile = catalogue.jobProfiles.find((p) => p.code === c.profil.toLowerCase());
    if (!profile) errors.push(field('profil', c.profil ? `profil métier inconnu : ${c.profil}` : 'profil métier obligatoire', 'unknown'));
    const grade = c.grade ? catalogue.grades.find((g) => g.code === c.grade.toLowerCase()) : undefined;
    if (c.grade && !grade) errors.push(field('grade', `grade inconnu : ${c.grade}`, 'unknown'));

    // Who the line is about, and the e-mail's holder.
    const current = badge.success ? byBadge.get(badge.data) : undefined;
    if (current && !inPerimeter(updatePerimeter, current.department_id)) {
      errors.push(field('matricule', `le matricule ${current.badge_number} est déjà attribué à un agent que vous ne gérez pas`, 'taken'));
    }
    const holder = email.success ? byEmail.get(email.data) : undefined;
    if (holder && holder.badge_number !== c.matricule) errors.push(field('email', `l’adresse ${holder.email} est déjà utilisée par un autre agent`, 'taken'));

    // The manager: an agent of the database or a line of the file, in the same department.
    let managerLabel: string | null = null;
    if (managerBadge?.success) {
      const m = managerBadge.data;
      const inFile = fileByBadge.get(m);
      const inDb = byBadge.get(m);
      const managerDepartment = inFile ? catalogue.departments.find((d) => d.code === inFile.direction.toUpperCase())?.id : inDb?.department_id;
      if (m === c.matricule) errors.push(field('matricule_manager', 'un agent ne peut pas être son propre manager', 'manager'));
      else if (!inFile && !inDb) errors.push(field('matricule_manager', `manager inconnu : aucun agent n’a le matricule ${m}`, 'unknown'));
      else if (!inFile && inDb?.status === 'departed') errors.push(field('matricule_manager', `le manager ${m} a quitté la collectivité`, 'manager'));
      else if (department && managerDepartment !== department.id && !updatePerimeter.all) {
        errors.push(field('matricule_manager', `le manager ${m} n’appartient pas à la ${department.code}`, 'manager'));
      }
      managerLabel = inFile ? `${inFile.prenom} ${inFile.nom} (${m})` : inDb ? person(inDb) : null;
    }

    if (current?.status === 'departed' && inPerimeter(updatePerimeter, current.department_id)) {
      report.action = 'unchanged';
      report.errors = [];
      report.notes.push(`l’agent ${current.badge_number} a quitté la collectivité : ligne ignorée`);
      return report;
    }
    if (errors.length > 0 || !badge.success || !email.success || !firstName.success || !lastName.success || !startDate || !department || !profile) {
      return report;
    }
    if (managerBadge?.success) report.managerBadge = managerBadge.data;

    if (!current) {
      if (departureDate && departureDate <= today) {
        errors.push(field('date_depart', 'un nouvel agent ne peut pas avoir déjà quitté la collectivité', 'past'));
        return report;
      }
      report.action = 'create';
      const create: PlannedCreate = {
        badge_number: badge.data,
        email: email.data,
        first_name: firstName.data,
        last_name: lastName.data,
        department_id: department.id,
        service_id: service?.id ?? null,
        job_profile_id: profile.id,
        grade_id: grade?.id ?? null,
        job_title: jobTitle ?? profile.name,
        status: startDate > today ? 'pending' : 'active',
        start_date: startDate,
        departure_date: departureDate ?? null,
      };
      report.create = create;
      if (create.status === 'pending') report.notes.push(`compte ouvert le jour de l’arrivée (${startDate})`);
      return report;
    }

    const update = updateOf(current, { firstName: firstName.data, lastName: lastName.data, email: email.data, startDate, departureDate: departureDate ?? null, jobTitle }, {
      department,
      service,
      profile,
      grade,
      catalogue,
      today,
      managerId: managerBadge?.success ? (byBadge.get(managerBadge.data)?.id ?? `file:${managerBadge.data}`) : undefined,
      managerLabel,
      currentManager: current.manager_id ? currentManagers.get(current.manager_id) : undefined,
    });
    if ('error' in update) {
      errors.push(update.error);
      return report;
    }
    report.changes = update.changes;
    report.action = update.changes.length > 0 ? 'update' : 'unchanged';
    if (report.action === 'update') report.update = { agentId: current.id, values: update.values, fromDepartmentId: current.department_id, departNow: update.departNow };
    else delete report.managerBadge;
    if (update.departNow) report.notes.push('départ à une date passée ou aujourd’hui : le compte sera fermé à l’application');
    return report;
  });
}

type UpdateContext = {
  department: Catalogue['departments'][number];
  service: Catalogue['services'][number] | undefined;
  profile: Catalogue['jobProfiles'][number];
  grade: Catalogue['grades'][number] | undefined;
  catalogue: Catalogue;
  today: string;
  /** The manager's id, or "file:<badge>" for a newcomer of the same file; undefined: cell empty. */
  managerId: string | undefined;
  managerLabel: string | null;
  currentManager: { first_name: string; last_name: string; badge_number: string } | undefined;
};

function updateOf(
  current: Existing,
  line: { firstName: string; lastName: string; email: string; startDate: string; departureDate: string | null; jobTitle: string | null },
  u: UpdateContext,
): { values: AgentChanges; changes: ImportLineReport['changes']; departNow: string | null } | { error: FieldError } {
  const values: AgentChanges = {};
  const changes: ImportLineReport['changes'] = [];
  const change = (name: string, from: string | null, to: string | null) => {
    if (from !== to) changes.push({ field: name, from, to });
  };
  const code = (list: { id: string; code: string }[], id: string | null) => (id ? (list.find((x) => x.id === id)?.code ?? null) : null);

  if (line.firstName !== current.first_name) values.first_name = line.firstName;
  change('firstName', current.first_name, line.firstName);
  if (line.lastName !== current.last_name) values.last_name = line.lastName;
  change('lastName', current.last_name, line.lastName);
  if (line.email !== current.email.toLowerCase()) {
    values.email = line.email;
    change('email', current.email, line.email);
  }
  const moves = u.department.id !== current.department_id;
  if (moves) {
    values.department_id = u.department.id;
    change('department', code(u.catalogue.departments, current.department_id), u.department.code);
  }
  // A new department without a service or manager in the file: the old ones belonged to the old department.
  const serviceId = u.service ? u.service.id : moves ? null : current.service_id;
  if (serviceId !== current.service_id) {
    values.service_id = serviceId;
    change('service', code(u.catalogue.services, current.service_id), code(u.catalogue.services, serviceId));
    if (current.unit_id) values.unit_id = null;
  }
  if (u.profile.id !== current.job_profile_id) {
    values.job_profile_id = u.profile.id;
    change('jobProfile', code(u.catalogue.jobProfiles, current.job_profile_id), u.profile.code);
  }
  if (u.grade && u.grade.id !== current.grade_id) {
    values.grade_id = u.grade.id;
    change('grade', code(u.catalogue.grades, current.grade_id), u.grade.code);
  }
  if (line.jobTitle && line.jobTitle !== current.job_title) {
    values.job_title = line.jobTitle;
    change('jobTitle', current.job_title, line.jobTitle);
  }
  const managerId = u.managerId ?? (moves ? null : current.manager_id);
  if (managerId !== current.manager_id) {
    // A newcomer's id is only known once written: the import sets managers last.
    if (managerId === null) values.manager_id = null;
    change('manager', u.currentManager ? person(u.currentManager) : null, managerId ? u.managerLabel : null);
  }
  if (line.startDate !== current.start_date) {
    if (current.status !== 'pending' && line.startDate > u.today) {
      return { error: field('date_arrivee', `l’agent est déjà arrivé (le ${current.start_date}) : sa date d’arrivée ne peut pas être future`, 'arrived') };
    }
    values.start_date = line.startDate;
    change('startDate', current.start_date, line.startDate);
    if (current.status === 'pending' && line.startDate <= u.today) {
      values.status = 'active';
      change('status', 'pending', 'active');
    }
  }
  let departNow: string | null = null;
  if (line.departureDate && line.departureDate !== current.departure_date) {
    change('departureDate', current.departure_date, line.departureDate);
    if (line.departureDate <= u.today) departNow = line.departureDate;
    else values.departure_date = line.departureDate;
  }
  return { values, changes, departNow };
}
