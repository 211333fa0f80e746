import type { Db } from '../../db/connection.ts';

export function listDepartmentsWithServiceCount(db: Db) {
  return db
    .selectFrom('departments as d')
    .leftJoin('services as s', 's.department_id', 'd.id')
    .select(({ fn }) => ['d.code', 'd.name', fn.count<number>('s.id').as('serviceCount')])
    .groupBy(['d.id', 'd.code', 'd.name'])
    .orderBy('d.code')
    .execute();
}

export function findDepartmentByCode(db: Db, code: string) {
  return db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
}

export function insertDepartment(db: Db, values: { code: string; name: string }) {
  return db.insertInto('departments').values(values).returningAll().executeTakeFirstOrThrow();
}
