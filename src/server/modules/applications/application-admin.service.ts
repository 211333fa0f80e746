import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import * as repo from './applications.repo.ts';
import type { AdminApplication, ApplicationFields, ApplicationKind, CreateApplicationBody } from './applications.schema.ts';

export function adminView(row: repo.ApplicationRow): AdminApplication {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    category: row.category as AdminApplication['category'],
    kind: row.kind as ApplicationKind,
    launchUrl: row.launch_url,
    allowedDepartmentIds: row.allowed_department_ids,
    allowedJobProfileIds: row.allowed_job_profile_ids,
    allowedRoles: row.allowed_roles,
    insideAccess: row.inside_access as AdminApplication['insideAccess'],
    outsideAccess: row.outside_access as AdminApplication['outsideAccess'],
    featuredDepartmentId: row.featured_department_id,
    enabled: row.enabled,
    updatedAt: row.updated_at.toISOString(),
  };
}

// A link or an OpenID Connect app is a real site of the city, reached over TLS.
function launchUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'une adresse https://… complète (ex. https://webmail.paris.fr/)';
  }
  if (parsed.protocol !== 'https:') return 'une adresse sécurisée, commençant par https://';
  if (parsed.username || parsed.password) return 'sans identifiant ni mot de passe dans l’adresse';
  return undefined;
}

type RuleFields = Pick<ApplicationFields, 'allowedDepartmentIds' | 'allowedJobProfileIds' | 'insideAccess' | 'outsideAccess'>;

/** What is wrong with an access rule, field by field: the same checks wherever an app's rule is edited. */
export async function ruleProblems(db: Db, rule: RuleFields): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (rule.insideAccess === 'deny' && rule.outsideAccess === 'deny') {
    errors.push({ field: 'outsideAccess', message: 'fermée depuis partout : désactivez plutôt l’application' });
  }
  const [departments, profiles] = await Promise.all([
    repo.existingIds(db, 'departments', rule.allowedDepartmentIds),
    repo.existingIds(db, 'job_profiles', rule.allowedJobProfileIds),
  ]);
  if (rule.allowedDepartmentIds.some((id) => !departments.has(id))) errors.push({ field: 'allowedDepartmentIds', message: 'une direction choisie n’existe pas' });
  if (rule.allowedJobProfileIds.some((id) => !profiles.has(id))) errors.push({ field: 'allowedJobProfileIds', message: 'un profil métier choisi n’existe pas' });
  return errors;
}

async function fieldProblems(db: Db, kind: ApplicationKind, fields: ApplicationFields): Promise<FieldError[]> {
  const urlProblem = kind === 'gateway' ? undefined : launchUrlProblem(fields.launchUrl);
  const errors: FieldError[] = urlProblem ? [{ field: 'launchUrl', message: urlProblem }] : [];
  errors.push(...(await ruleProblems(db, fields)));
  if (fields.featuredDepartmentId && (await repo.existingIds(db, 'departments', [fields.featuredDepartmentId])).size === 0) {
    errors.push({ field: 'featuredDepartmentId', message: 'cette direction n’existe pas' });
  }
  return errors;
}

function columnsOf(fields: ApplicationFields, launchUrl = fields.launchUrl) {
  return {
    name: fields.name,
    description: fields.description,
    category: fields.category,
    launch_url: launchUrl,
    allowed_department_ids: [...new Set(fields.allowedDepartmentIds)],
    allowed_job_profile_ids: [...new Set(fields.allowedJobProfileIds)],
    allowed_roles: [...new Set(fields.allowedRoles)],
    inside_access: fields.insideAccess,
    outside_access: fields.outsideAccess,
    featured_department_id: fields.featuredDepartmentId,
    enabled: fields.enabled,
  };
}

// What the audit trail keeps of a change: each field that moved, from and to.
function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/** Registers a link or an SSO app in the catalogue (gateway apps are published on the gateway's page). */
export async function createApplication(db: Db, clock: Clock, actor: AuditActor, body: CreateApplicationBody): Promise<AdminApplication> {
  const errors = await fieldProblems(db, body.kind, body);
  if (await repo.findApplicationBySlug(db, body.slug)) errors.unshift({ field: 'slug', message: 'cet identifiant est déjà pris par une autre application' });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  const at = clock.now();
  const columns = columnsOf(body);
  return inTransaction(db, async (trx) => {
    const row = await repo.insertApplication(trx, { ...columns, slug: body.slug, kind: body.kind, created_at: at, updated_at: at });
    await recordAudit(trx, {
      actor,
      action: 'application.create',
      target: { type: 'application', id: row.id, label: row.name },
      changes: changesBetween({}, { ...columns, kind: body.kind }),
      at,
    });
    return adminView(row);
  });
}

/**
 * Changes an app's catalogue fields and access rule (its slug and kind stay). Disabling closes every way in.
 * A gateway app's address follows from its publication on the gateway's page: it is kept as it is.
 */
export async function updateApplication(db: Db, clock: Clock, actor: AuditActor, slug: string, fields: ApplicationFields): Promise<AdminApplication> {
  const existing = await repo.findApplicationBySlug(db, slug);
  if (!existing) throw new AppError('not_found', 'Aucune application avec cet identifiant.');
  const kind = existing.kind as ApplicationKind;
  const errors = await fieldProblems(db, kind, fields);
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  const at = clock.now();
  const columns = columnsOf(fields, kind === 'gateway' ? existing.launch_url : fields.launchUrl);
  const changes = changesBetween(existing, columns);
  if (Object.keys(changes).length === 0) return adminView(existing);
  return inTransaction(db, async (trx) => {
    const row = await repo.updateApplication(trx, existing.id, { ...columns, updated_at: at });
    await recordAudit(trx, {
      actor,
      action: changes.enabled ? (fields.enabled ? 'application.enable' : 'application.disable') : 'application.update',
      target: { type: 'application', id: row.id, label: row.name },
      changes,
      at,
    });
    return adminView(row);
  });
}
