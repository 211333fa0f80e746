import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { randomToken } from '../../security/keys.ts';
import type { AccessLevel } from '../applications/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { OIDC_PREFIX } from './sso-paths.ts';
import { deleteGrantRecords } from './oidc-adapter.ts';
import * as repo from './sso-clients.repo.ts';
import type { SsoClientFields, SsoClientListResponse, SsoClientSecretResponse } from './sso-clients.schema.ts';
import { grantIdsOfClient } from './sso-grants.repo.ts';

// A recognisable prefix lets secret scanners (and people) tell a leaked client secret from any other string.
const SECRET_PREFIX = 'nomades_oidc_';

export async function listSsoClients(ctx: AppContext): Promise<SsoClientListResponse> {
  const [rows, unregistered] = await Promise.all([repo.listClients(ctx.db), repo.listUnregisteredApplications(ctx.db)]);
  const issuer = `${ctx.config.publicUrl}${OIDC_PREFIX}`;
  return {
    items: rows.map((row) => ({
      clientId: row.client_id,
      applicationId: row.application_id,
      applicationName: row.name,
      enabled: row.enabled,
      public: row.public,
      redirectUris: row.redirect_uris,
      postLogoutRedirectUris: row.post_logout_redirect_uris,
      backchannelLogoutUri: row.backchannel_logout_uri,
      insideAccess: row.inside_access as AccessLevel,
      outsideAccess: row.outside_access as AccessLevel,
      createdAt: row.created_at.toISOString(),
      secretRotatedAt: row.secret_rotated_at?.toISOString() ?? null,
    })),
    unregisteredApplications: unregistered,
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
  };
}

/** Registers an application of kind 'oidc' as a client; its secret is returned here only. */
export async function createSsoClient(
  ctx: AppContext,
  input: SsoClientFields,
  actor: AuditActor,
): Promise<SsoClientSecretResponse> {
  const application = await repo.findApplication(ctx.db, input.applicationId);
  if (!application) throw new AppError('validation_failed', undefined, { errors: [{ field: 'applicationId', message: 'application inconnue' }] });
  if (application.kind !== 'oidc') {
    throw new AppError('validation_failed', undefined, { errors: [{ field: 'applicationId', message: 'seule une application de type OpenID Connect peut devenir un client' }] });
  }
  const secret = input.public ? null : `${SECRET_PREFIX}${randomToken()}`;
  const at = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertClient(trx, {
        client_id: application.slug,
        application_id: application.id,
        public: input.public,
        secret_encrypted: secret ? ctx.keys.encrypt('sso-client-secret', secret) : null,
        redirect_uris: input.redirectUris,
        post_logout_redirect_uris: input.postLogoutRedirectUris,
        backchannel_logout_uri: input.backchannelLogoutUri,
        created_at: at,
      });
      await recordAudit(trx, {
        actor,
        action: 'sso_client.create',
        target: { type: 'sso_client', id: application.slug, label: application.name },
        changes: { public: input.public, redirectUris: input.redirectUris, backchannelLogoutUri: input.backchannelLogoutUri },
        at,
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('conflict', `« ${application.name} » a déjà un client OpenID Connect : supprimez-le d’abord pour en créer un autre.`);
    }
    throw error;
  }
  return { clientId: application.slug, applicationName: application.name, clientSecret: secret };
}

/** A new secret at once: the old one is refused from the next request on. */
export async function rotateSsoClientSecret(ctx: AppContext, clientId: string, actor: AuditActor): Promise<SsoClientSecretResponse> {
  const client = await repo.findClientWithApplication(ctx.db, clientId);
  if (!client) throw new AppError('not_found', 'Aucun client OpenID Connect avec cet identifiant.');
  if (client.public) throw new AppError('unprocessable', 'Une application publique n’a pas de secret : elle prouve chaque connexion par PKCE.');
  const secret = `${SECRET_PREFIX}${randomToken()}`;
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceSecret(trx, clientId, ctx.keys.encrypt('sso-client-secret', secret), at);
    await recordAudit(trx, { actor, action: 'sso_client.rotate_secret', target: { type: 'sso_client', id: clientId, label: client.name }, at });
  });
  return { clientId, applicationName: client.name, clientSecret: secret };
}

/** Removes a client and everything it was given: its codes and tokens stop working at once. */
export async function deleteSsoClient(ctx: AppContext, clientId: string, actor: AuditActor): Promise<void> {
  const client = await repo.findClientWithApplication(ctx.db, clientId);
  if (!client) throw new AppError('not_found', 'Aucun client OpenID Connect avec cet identifiant.');
  await ctx.db.transaction().execute(async (trx) => {
    await deleteGrantRecords(trx, await grantIdsOfClient(trx, clientId));
    await repo.deleteClient(trx, clientId);
    await recordAudit(trx, { actor, action: 'sso_client.delete', target: { type: 'sso_client', id: clientId, label: client.name }, at: ctx.clock.now() });
  });
}
