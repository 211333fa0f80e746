import { type Kysely, sql } from 'kysely';

// Forward-only: production databases are never migrated down.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists citext`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  await db.schema
    .createTable('app_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique().check(sql`code ~ '^[A-Z][A-Z0-9-]{1,15}$'`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('enhanced_auth_outside', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('enhanced_auth_inside', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('services_department_code_unique', ['department_id', 'code'])
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('service_id', 'uuid', (c) => c.notNull().references('services.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('units_service_name_unique', ['service_id', 'name'])
    .execute();

  await db.schema
    .createTable('sites')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .execute();

  // Job profiles say what an agent does (and open rights); grades say their career level (and open none).
  await db.schema
    .createTable('job_profiles')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('grades')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('A', 'B', 'C')`))
    .execute();

  await db.schema
    .createTable('agents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('badge_number', 'text', (c) => c.notNull().unique().check(sql`badge_number ~ '^[0-9]{7}$'`))
    .addColumn('email', sql`citext`, (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('service_id', 'uuid', (c) => c.references('services.id'))
    .addColumn('unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('site_id', 'uuid', (c) => c.references('sites.id'))
    .addColumn('job_profile_id', 'uuid', (c) => c.notNull().references('job_profiles.id'))
    .addColumn('grade_id', 'uuid', (c) => c.references('grades.id'))
    .addColumn('job_title', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'uuid', (c) => c.references('agents.id'))
    .addColumn('professional_phone', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('pending', 'active', 'suspended', 'departed')`),
    )
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('departure_date', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('agents_department_idx').on('agents').column('department_id').execute();
  await db.schema.createIndex('agents_manager_idx').on('agents').column('manager_id').execute();

  await db.schema
    .createTable('accounts')
    .addColumn('agent_id', 'uuid', (c) => c.primaryKey().references('agents.id').onDelete('cascade'))
    .addColumn('password_hash', 'text')
    .addColumn('password_temporary', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(sql`role in ('manager', 'hr_officer', 'it_support', 'security_officer', 'administrator')`),
    )
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('service_id', 'uuid', (c) => c.references('services.id'))
    .addColumn('unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index role_assignments_unique on role_assignments
    (agent_id, role, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid),
     coalesce(service_id, '00000000-0000-0000-0000-000000000000'::uuid),
     coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);
}
