import type { AccountRole } from '../modules/identity/index.ts';
import { type DemoLogin, demoPersonas, type DemoPersona } from './demo-logins.ts';
import { type DepartmentDefinition, departments as catalogue } from './departments.catalogue.ts';
import { emailAllocator, emailLocalPart } from './email-address.ts';
import * as headcount from './headcount.ts';
import { firstNames, type Gender, lastNames } from './names.catalogue.ts';
import { seededRandom, type Random } from './prng.ts';
import { type GradeCode, jobProfile, type JobProfileCode } from './reference-data.ts';
import { sites as siteCatalogue } from './sites.catalogue.ts';
import { badgeAllocator, departedDates, pendingStartDate, phoneNumber, startDate } from './agent-details.ts';

// Builds the demo organisation as plain rows, without touching the database: the same options always
// give the same rows (same ids, names, badge numbers), so two seeded databases are identical.

export type DemoOrganisationOptions = { agents: number; emailDomain: string };

export type DemoAgent = {
  id: string;
  badgeNumber: string;
  email: string;
  firstName: string;
  lastName: string;
  departmentId: string;
  /** Null for a director, who belongs to the whole department. */
  serviceId: string | null;
  /** Null for a director or a head of service. */
  unitId: string | null;
  siteId: string;
  jobProfileCode: JobProfileCode;
  gradeCode: GradeCode;
  jobTitle: string;
  managerId: string | null;
  professionalPhone: string;
  status: 'active' | 'pending' | 'departed';
  startDate: string;
  departureDate: string | null;
  /** Demo logins sign in with the shared password; everyone else must change it first. */
  passwordTemporary: boolean;
};

/** Exactly one of departmentId, serviceId, unitId is set, or none for an organisation-wide role. */
export type DemoRoleAssignment = {
  id: string;
  agentId: string;
  role: AccountRole;
  departmentId: string | null;
  serviceId: string | null;
  unitId: string | null;
};

export type DemoOrganisation = {
  departments: { id: string; code: string; name: string }[];
  services: { id: string; departmentId: string; code: string; name: string }[];
  units: { id: string; serviceId: string; name: string }[];
  sites: { id: string; name: string; address: string; postalCode: string; city: string }[];
  /** Managers come before the people they manage, so batches can be inserted in order. */
  agents: DemoAgent[];
  roleAssignments: DemoRoleAssignment[];
  demoLogins: DemoLogin[];
};

const SEED = 0x4e6f6d61; // "Noma"
const SECURITY_SERVICE = 'SECURITE';
const RARE_STATUS_SHARE = 250; // one pending and one departed agent per 250, at least two of each

// A slot is a place in the organisation that a person fills; its name lets a demo persona claim it:
// DASCO:director, DASCO/ECOLES:head, DASCO/ECOLES/0:manager, DASCO/ECOLES/0:agent3 (unit 0, 4th agent),
// DASCO:hr0 (first HR officer), DSIN:it-support0, DSIN:administrator.
type Slot = {
  name: string;
  department: { id: string; code: string };
  serviceId: string | null;
  unitId: string | null;
  siteId: string;
  managerId: string | null;
  profile: JobProfileCode;
  title?: (gender: Gender) => string;
  grade?: GradeCode;
};

export function generateDemoOrganisation(options: DemoOrganisationOptions): DemoOrganisation {
  const random = seededRandom(SEED);
  const minimum = headcount.minimumAgentCount(catalogue);
  if (!Number.isInteger(options.agents) || options.agents < minimum || options.agents > headcount.MAX_AGENT_COUNT) {
    throw new RangeError(`the demo organisation needs between ${minimum} and ${headcount.MAX_AGENT_COUNT} agents`);
  }
  const personas = new Map(demoPersonas.map((p) => [p.slot, p]));
  const emails = emailAllocator(options.emailDomain);
  for (const persona of demoPersonas) emails.reserve(personaEmail(persona, options.emailDomain));
  const badges = badgeAllocator(random, demoPersonas.map((p) => p.badgeNumber));

  const org: DemoOrganisation = { departments: [], services: [], units: [], sites: [], agents: [], roleAssignments: [], demoLogins: [] };
  const siteIds = new Map<string, string>();
  for (const site of siteCatalogue) {
    const id = random.uuid();
    siteIds.set(site.key, id);
    org.sites.push({ id, name: site.name, address: site.address, postalCode: site.postalCode, city: 'Paris' });
  }

  // Four levels, concatenated at the end: directors, heads of service, unit managers, everyone else.
  const levels: DemoAgent[][] = [[], [], [], []];
  const plainAgents: DemoAgent[] = [];
  const grant = (agentId: string, role: AccountRole, scope: Partial<Pick<DemoRoleAssignment, 'departmentId' | 'serviceId' | 'unitId'>>) =>
    org.roleAssignments.push({ id: random.uuid(), agentId, role, departmentId: null, serviceId: null, unitId: null, ...scope });
  const itSupport: DemoAgent[] = [];

  const place = (slot: Slot, level: number): DemoAgent => {
    const persona = personas.get(slot.name);
    const [firstName, gender] = persona ? [persona.firstName, persona.gender] : random.pick(firstNames);
    const lastName = persona ? persona.lastName : random.pick(lastNames);
    const profile = persona?.jobProfileCode ?? slot.profile;
    // A persona with its own job profile takes that profile's grade and title, not the slot's.
    const slotProfile = profile === slot.profile;
    const agent: DemoAgent = {
      id: random.uuid(),
      badgeNumber: persona ? persona.badgeNumber : badges.next(),
      email: persona ? personaEmail(persona, options.emailDomain) : emails.allocate(firstName, lastName),
      firstName,
      lastName,
      departmentId: slot.department.id,
      serviceId: slot.serviceId,
      unitId: slot.unitId,
      siteId: slot.siteId,
      jobProfileCode: profile,
      gradeCode: persona?.gradeCode ?? (slotProfile ? slot.grade : undefined) ?? random.weighted(jobProfile(profile).grades),
      jobTitle: persona?.jobTitle ?? (slotProfile && slot.title ? slot.title(gender) : titleOf(profile, gender)),
      managerId: slot.managerId,
      professionalPhone: phoneNumber(random),
      status: 'active',
      startDate: startDate(random),
      departureDate: null,
      passwordTemporary: !persona,
    };
    levels[level]?.push(agent);
    if (persona) org.demoLogins.push({ label: persona.label, firstName, lastName, badgeNumber: agent.badgeNumber, email: agent.email });
    return agent;
  };

  const sizes = headcount.departmentSizes(catalogue, options.agents);
  catalogue.forEach((definition, index) => {
    const department = { id: random.uuid(), code: definition.code, name: definition.name };
    org.departments.push(department);
    const size = sizes[index] ?? 0;
    const hrOfficers = headcount.hrOfficerCount(size);
    const budgets = headcount.splitEvenly(
      size - 1 - definition.services.length - hrOfficers - headcount.extraPeople(definition, options.agents),
      definition.services.length,
    );
    const units = buildServices(definition, department.id, budgets, random, siteIds, org);
    const firstUnit = units[0];
    if (!firstUnit) throw new Error(`${definition.code} has no unit`);
    // Directors work at the department's head office, where its HR service sits.
    const hrHome = units.find((u) => u.hr) ?? firstUnit;

    const director = place(
      { ...hrHome, serviceId: null, unitId: null, name: `${definition.code}:director`, department, managerId: null, profile: 'directeur', grade: definition.technical ? 'ingenieur-chef' : 'administrateur', title: (g) => directorTitle(definition.name, g) },
      0,
    );
    grant(director.id, 'manager', { departmentId: department.id });

    for (const service of definition.services) {
      const serviceUnits = units.filter((u) => u.serviceCode === service.code);
      const home = serviceUnits[0] as ServiceUnit;
      const head = place(
        { ...home, unitId: null, name: `${definition.code}/${service.code}:head`, department, managerId: director.id, profile: 'chef-de-service', grade: definition.technical ? 'ingenieur' : 'attache-principal', title: (g) => `${g === 'f' ? 'Cheffe' : 'Chef'} du ${lowerFirst(service.name)}` },
        1,
      );
      grant(head.id, 'manager', { serviceId: home.serviceId });
      // The head of DSIN's security service is the organisation's security officer (RSSI).
      if (definition.code === headcount.IT_DEPARTMENT && service.code === SECURITY_SERVICE) grant(head.id, 'security_officer', {});

      for (const unit of serviceUnits) {
        const manager = place({ ...unit, name: `${unit.slotPrefix}:manager`, department, managerId: head.id, profile: 'encadrant', title: () => `Responsable – ${unit.unitName}` }, 2);
        grant(manager.id, 'manager', { unitId: unit.unitId });
        for (let k = 0; k < unit.agentCount; k++) {
          const profile = random.weighted(service.staff);
          plainAgents.push(place({ ...unit, name: `${unit.slotPrefix}:agent${k}`, department, managerId: manager.id, profile }, 3));
        }
        unit.managerId = manager.id;
      }
    }

    for (let k = 0; k < hrOfficers; k++) {
      const officer = place({ ...hrHome, name: `${definition.code}:hr${k}`, department, managerId: hrHome.managerId, profile: 'gestionnaire-rh' }, 3);
      grant(officer.id, 'hr_officer', { departmentId: department.id });
    }

    if (definition.code === headcount.IT_DEPARTMENT) {
      const support = units.find((u) => u.serviceCode === 'SUPPORT') ?? firstUnit;
      for (let k = 0; k < headcount.itSupportCount(options.agents); k++) {
        itSupport.push(place({ ...support, name: `${definition.code}:it-support${k}`, department, managerId: support.managerId, profile: 'charge-support' }, 3));
      }
      const projects = units.find((u) => u.serviceCode === 'PROJETS') ?? firstUnit;
      const administrator = place({ ...projects, name: `${definition.code}:administrator`, department, managerId: projects.managerId, profile: 'chef-projet-si' }, 3);
      grant(administrator.id, 'administrator', {});
    }
  });

  // IT support helps agents of every department: one assignment per department keeps the scope explicit.
  for (const agent of itSupport) for (const department of org.departments) grant(agent.id, 'it_support', { departmentId: department.id });

  markRareStatuses(plainAgents.filter((a) => a.passwordTemporary), options.agents, random);
  org.agents = levels.flat();
  org.demoLogins.sort((a, b) => a.badgeNumber.localeCompare(b.badgeNumber));
  return org;
}

type ServiceUnit = {
  serviceCode: string;
  serviceId: string;
  unitId: string;
  unitName: string;
  siteId: string;
  slotPrefix: string;
  agentCount: number;
  managerId: string | null;
  hr: boolean;
};

function buildServices(
  definition: DepartmentDefinition,
  departmentId: string,
  budgets: number[],
  random: Random,
  siteIds: Map<string, string>,
  org: DemoOrganisation,
): ServiceUnit[] {
  const units: ServiceUnit[] = [];
  definition.services.forEach((service, s) => {
    const serviceId = random.uuid();
    org.services.push({ id: serviceId, departmentId, code: service.code, name: service.name });
    const budget = budgets[s] ?? 0;
    const count = headcount.unitCount(budget);
    const agentCounts = headcount.splitEvenly(budget - count, count);
    for (let u = 0; u < count; u++) {
      const base = service.units[u % service.units.length] as string;
      const round = Math.floor(u / service.units.length);
      const unitName = round === 0 ? base : `${base} – secteur ${round + 1}`;
      const unitId = random.uuid();
      org.units.push({ id: unitId, serviceId, name: unitName });
      const siteKey = service.sites[u % service.sites.length] as string;
      units.push({
        serviceCode: service.code,
        serviceId,
        unitId,
        unitName,
        siteId: siteIds.get(siteKey) as string,
        slotPrefix: `${definition.code}/${service.code}/${u}`,
        agentCount: agentCounts[u] ?? 0,
        managerId: null,
        hr: service.hr === true,
      });
    }
  });
  return units;
}

// A couple of agents are about to arrive (pending) or have left (departed), as in any real directory.
function markRareStatuses(candidates: DemoAgent[], totalAgents: number, random: Random): void {
  const count = Math.max(2, Math.floor(totalAgents / RARE_STATUS_SHARE));
  const chosen = new Set<number>();
  while (chosen.size < Math.min(2 * count, candidates.length)) chosen.add(random.int(0, candidates.length - 1));
  [...chosen].forEach((index, order) => {
    const agent = candidates[index] as DemoAgent;
    if (order < count) {
      agent.status = 'pending';
      agent.startDate = pendingStartDate(random);
    } else {
      const dates = departedDates(random);
      agent.status = 'departed';
      agent.startDate = dates.startDate;
      agent.departureDate = dates.departureDate;
    }
  });
}

function personaEmail(persona: DemoPersona, domain: string): string {
  return `${emailLocalPart(persona.firstName, persona.lastName)}@${domain}`;
}

function titleOf(profile: JobProfileCode, gender: Gender): string {
  return jobProfile(profile).titles[gender === 'f' ? 1 : 0];
}

function directorTitle(departmentName: string, gender: Gender): string {
  const title = gender === 'f' ? 'Directrice' : 'Directeur';
  return departmentName.startsWith('Direction ') ? `${title} ${departmentName.slice('Direction '.length)}` : `${title} du ${departmentName}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
