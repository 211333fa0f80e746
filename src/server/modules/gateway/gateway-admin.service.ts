import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import * as applications from '../applications/applications.repo.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import type { CreateGatewayRouteBody, GatewayRoute, GatewayRouteBody, SigningSecretResponse } from './gateway.schema.ts';
import * as repo from './gateway.repo.ts';
import { mountOf } from './gateway-place.ts';
import { handoffPath } from './portal-links.ts';
import { publishedAppsOf } from './published-apps.ts';

export function routeView(row: repo.GatewayRouteRow): GatewayRoute {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    category: row.category as GatewayRoute['category'],
    publicPath: `${mountOf(row.slug)}/`,
    upstreamUrl: row.upstream_url,
    host: row.host,
    allowedDepartmentIds: row.allowed_department_ids,
    allowedJobProfileIds: row.allowed_job_profile_ids,
    allowedRoles: row.allowed_roles,
    insideAccess: row.inside_access as GatewayRoute['insideAccess'],
    outsideAccess: row.outside_access as GatewayRoute['outsideAccess'],
    connectTimeoutMs: row.connect_timeout_ms,
    totalTimeoutMs: row.total_timeout_ms,
    maxRequestBytes: row.max_request_bytes,
    maxResponseBytes: row.max_response_bytes,
    websocket: row.websocket,
    passAuthorization: row.pass_authorization,
    enabled: row.enabled,
    updatedAt: (row.updated_at > row.application_updated_at ? row.updated_at : row.application_updated_at).toISOString(),
  };
}

export async function listRoutes(ctx: AppContext): Promise<GatewayRoute[]> {
  return (await repo.listGatewayRoutes(ctx.db)).map(routeView);
}

async function fieldProblems(ctx: AppContext, body: GatewayRouteBody, applicationId?: string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (body.host) {
    if (body.host === new URL(ctx.config.publicUrl).host) errors.push({ field: 'host', message: 'c’est l’adresse du portail : choisissez un nom propre à l’application' });
    else if (await repo.hostTaken(ctx.db, body.host, applicationId)) errors.push({ field: 'host', message: 'ce nom d’hôte est déjà celui d’une autre application' });
  }
  if (body.insideAccess === 'deny' && body.outsideAccess === 'deny') {
    errors.push({ field: 'outsideAccess', message: 'fermée depuis partout : désactivez plutôt l’application' });
  }
  const [departments, profiles] = await Promise.all([
    applications.existingIds(ctx.db, 'departments', body.allowedDepartmentIds),
    applications.existingIds(ctx.db, 'job_profiles', body.allowedJobProfileIds),
  ]);
  if (body.allowedDepartmentIds.some((id) => !departments.has(id))) errors.push({ field: 'allowedDepartmentIds', message: 'une direction choisie n’existe pas' });
  if (body.allowedJobProfileIds.some((id) => !profiles.has(id))) errors.push({ field: 'allowedJobProfileIds', message: 'un profil métier choisi n’existe pas' });
  return errors;
}

// The tile of the catalogue opens the app where agents reach it: on its own host, through the hand-off that
// carries the session there. A path either way, as the registry wants of a gateway app.
function launchUrlOf(slug: string, host: string | null): string {
  return host ? handoffPath(slug, '/') : `${mountOf(slug)}/`;
}

function applicationColumns(slug: string, body: GatewayRouteBody) {
  return {
    name: body.name,
    description: body.description,
    category: body.category,
    launch_url: launchUrlOf(slug, body.host),
    allowed_department_ids: [...new Set(body.allowedDepartmentIds)],
    allowed_job_profile_ids: [...new Set(body.allowedJobProfileIds)],
    allowed_roles: [...new Set(body.allowedRoles)],
    inside_access: body.insideAccess,
    outside_access: body.outsideAccess,
  };
}

function gatewayColumns(body: GatewayRouteBody) {
  return {
    upstream_url: new URL(body.upstreamUrl).toString(),
    host: body.host,
    connect_timeout_ms: body.connectTimeoutMs,
    total_timeout_ms: body.totalTimeoutMs,
    max_request_bytes: body.maxRequestBytes,
    max_response_bytes: body.maxResponseBytes,
    websocket: body.websocket,
    pass_authorization: body.passAuthorization,
  };
}

const newSigningSecret = () => randomBytes(32).toString('base64url');

async function reloaded(ctx: AppContext, applicationId: string): Promise<GatewayRoute> {
  publishedAppsOf(ctx).invalidate();
  const row = await repo.findGatewayRoute(ctx.db, applicationId);
  if (!row) throw new AppError('not_found', 'Aucune application publiée avec cet identifiant.');
  return routeView(row);
}

async function existing(ctx: AppContext, applicationId: string): Promise<repo.GatewayRouteRow> {
  const row = await repo.findGatewayRoute(ctx.db, applicationId);
  if (!row) throw new AppError('not_found', 'Aucune application publiée avec cet identifiant.');
  return row;
}

/** Publishes an internal app: its catalogue entry and rule, its upstream, and a new signing secret shown once. */
export async function publishRoute(ctx: AppContext, actor: AuditActor, body: CreateGatewayRouteBody): Promise<SigningSecretResponse> {
  const errors = await fieldProblems(ctx, body);
  if (await applications.findApplicationBySlug(ctx.db, body.slug)) errors.unshift({ field: 'slug', message: 'cet identifiant est déjà pris par une autre application' });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  const at = ctx.clock.now();
  const signingSecret = newSigningSecret();
  const columns = { ...applicationColumns(body.slug, body), ...gatewayColumns(body) };
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await applications.insertApplication(trx, {
      ...applicationColumns(body.slug, body),
      slug: body.slug,
      kind: 'gateway',
      created_at: at,
      updated_at: at,
    });
    await repo.insertGatewayRoute(trx, {
      application_id: row.id,
      ...gatewayColumns(body),
      signing_secret_encrypted: ctx.keys.encrypt('gateway-signature', signingSecret),
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, { actor, action: 'gateway_route.create', target: { type: 'application', id: row.id, label: row.name }, changes: columns, at });
    return row.id;
  });
  return { route: await reloaded(ctx, id), signingSecret };
}

export async function updateRoute(ctx: AppContext, actor: AuditActor, applicationId: string, body: GatewayRouteBody): Promise<GatewayRoute> {
  const before = await existing(ctx, applicationId);
  const errors = await fieldProblems(ctx, body, applicationId);
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  const at = ctx.clock.now();
  const appColumns = applicationColumns(before.slug, body);
  const routeColumns = gatewayColumns(body);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries({ ...appColumns, ...routeColumns })) {
    const from = (before as Record<string, unknown>)[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  if (Object.keys(changes).length === 0) return routeView(before);
  await inTransaction(ctx.db, async (trx) => {
    await applications.updateApplication(trx, applicationId, { ...appColumns, updated_at: at });
    await repo.updateGatewayRoute(trx, applicationId, { ...routeColumns, updated_at: at });
    await recordAudit(trx, { actor, action: 'gateway_route.update', target: { type: 'application', id: applicationId, label: body.name }, changes, at });
  });
  return reloaded(ctx, applicationId);
}

/** Disabling closes every way in at once: gateway, forward-auth and catalogue share the application's rule. */
export async function setRouteEnabled(ctx: AppContext, actor: AuditActor, applicationId: string, enabled: boolean): Promise<GatewayRoute> {
  const before = await existing(ctx, applicationId);
  if (before.enabled === enabled) return routeView(before);
  const at = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await applications.updateApplication(trx, applicationId, { enabled, updated_at: at });
    await recordAudit(trx, {
      actor,
      action: enabled ? 'gateway_route.enable' : 'gateway_route.disable',
      target: { type: 'application', id: applicationId, label: before.name },
      at,
    });
  });
  return reloaded(ctx, applicationId);
}

/** A new secret, for an app whose copy leaked: the old one stops verifying at once. */
export async function renewSigningSecret(ctx: AppContext, actor: AuditActor, applicationId: string): Promise<SigningSecretResponse> {
  const before = await existing(ctx, applicationId);
  const at = ctx.clock.now();
  const signingSecret = newSigningSecret();
  await inTransaction(ctx.db, async (trx) => {
    await repo.updateGatewayRoute(trx, applicationId, { signing_secret_encrypted: ctx.keys.encrypt('gateway-signature', signingSecret), updated_at: at });
    await recordAudit(trx, { actor, action: 'gateway_route.renew_secret', target: { type: 'application', id: applicationId, label: before.name }, at });
  });
  return { route: await reloaded(ctx, applicationId), signingSecret };
}
