import { AppError, type FieldError } from '../../http/errors.ts';
import { type Actor, assertAllowed, departmentScope } from '../access/index.ts';

/** The departments whose offers and applications this HR officer handles (null: all, for an administrator). */
export type Perimeter = string[] | null;

// An HR officer handles the mobility of their own department: its offers, the applications to them and the
// spontaneous requests of its agents. Without the role: 403; outside the department: 404 (see `within`).
export function mobilityPerimeter(actor: Actor): Perimeter {
  assertAllowed(actor, 'job_offer.manage');
  const scope = departmentScope(actor, 'job_offer.manage');
  return scope.all ? null : scope.departmentIds;
}

export function within(perimeter: Perimeter, departmentId: string): boolean {
  return perimeter === null || perimeter.includes(departmentId);
}

export function invalidField(field: string, rule: string, message: string): AppError {
  const error: FieldError = { field, rule, message };
  return new AppError('validation_failed', message, { errors: [error] });
}
