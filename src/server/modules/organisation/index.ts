export { createDepartment, listDepartments } from './organisation.service.ts';
export { DepartmentCode } from './organisation.schema.ts';
