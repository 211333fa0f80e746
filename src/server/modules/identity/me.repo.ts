import type { Db } from '../../db/connection.ts';

export function findProfile(db: Db, agentId: string) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('job_profiles as j', 'j.id', 'a.job_profile_id')
    .innerJoin('accounts as c', 'c.agent_id', 'a.id')
    .select([
      'a.badge_number as badgeNumber',
      'a.first_name as firstName',
      'a.last_name as lastName',
      'a.email',
      'a.job_title as jobTitle',
      'd.code as departmentCode',
      'd.name as departmentName',
      'j.code as jobProfileCode',
      'j.name as jobProfileName',
      'c.password_changed_at as passwordChangedAt',
    ])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
}
