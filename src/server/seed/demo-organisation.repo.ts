import type { Db } from '../db/connection.ts';
import type { DemoOrganisation } from './demo-organisation.ts';
import { referenceIds } from './reference-data.ts';

// Bulk inserts of a generated organisation. ~1,000 rows per statement keeps each under PostgreSQL's
// 65,535 bind parameters (agents have 17 columns) while making 50,000 agents only ~100 round trips.
const BATCH_SIZE = 1_000;

export async function insertDemoOrganisation(db: Db, org: DemoOrganisation, passwordHash: string): Promise<void> {
  const ids = await referenceIds(db);
  const idOf = (map: Map<string, string>, code: string) => {
    const id = map.get(code);
    if (!id) throw new Error(`reference data ${code} is missing`);
    return id;
  };

  await db.insertInto('departments').values(org.departments).execute();
  await db
    .insertInto('services')
    .values(org.services.map((s) => ({ id: s.id, department_id: s.departmentId, code: s.code, name: s.name })))
    .execute();
  for (const batch of batches(org.units)) {
    await db.insertInto('units').values(batch.map((u) => ({ id: u.id, service_id: u.serviceId, name: u.name }))).execute();
  }
  await db
    .insertInto('sites')
    .values(org.sites.map((s) => ({ id: s.id, name: s.name, address: s.address, postal_code: s.postalCode, city: s.city })))
    .execute();

  // Agents are ordered managers first, so every batch only references agents already inserted.
  for (const batch of batches(org.agents)) {
    await db
      .insertInto('agents')
      .values(
        batch.map((a) => ({
          id: a.id,
          badge_number: a.badgeNumber,
          email: a.email,
          first_name: a.firstName,
          last_name: a.lastName,
          department_id: a.departmentId,
          service_id: a.serviceId,
          unit_id: a.unitId,
          site_id: a.siteId,
          job_profile_id: idOf(ids.jobProfiles, a.jobProfileCode),
          grade_id: idOf(ids.grades, a.gradeCode),
          job_title: a.jobTitle,
          manager_id: a.managerId,
          professional_phone: a.professionalPhone,
          status: a.status,
          start_date: a.startDate,
          departure_date: a.departureDate,
        })),
      )
      .execute();
    await db
      .insertInto('accounts')
      .values(batch.map((a) => ({ agent_id: a.id, password_hash: passwordHash, password_temporary: a.passwordTemporary })))
      .execute();
  }

  for (const batch of batches(org.roleAssignments)) {
    await db
      .insertInto('role_assignments')
      .values(
        batch.map((r) => ({
          id: r.id,
          agent_id: r.agentId,
          role: r.role,
          department_id: r.departmentId,
          service_id: r.serviceId,
          unit_id: r.unitId,
        })),
      )
      .execute();
  }
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) yield rows.slice(start, start + BATCH_SIZE);
}
