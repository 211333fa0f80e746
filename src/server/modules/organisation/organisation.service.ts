import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './organisation.repo.ts';
import { CreateDepartmentInput, type DepartmentSummary } from './organisation.schema.ts';

export async function listDepartments(db: Db): Promise<DepartmentSummary[]> {
  return repo.listDepartmentsWithServiceCount(db);
}

export async function createDepartment(db: Db, input: CreateDepartmentInput) {
  const parsed = CreateDepartmentInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', undefined, {
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  if (await repo.findDepartmentByCode(db, parsed.data.code)) {
    throw new AppError('conflict', `La direction ${parsed.data.code} existe déjà.`);
  }
  return repo.insertDepartment(db, parsed.data);
}
