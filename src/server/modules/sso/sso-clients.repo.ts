import type { Insertable } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/types.ts';

/** The application's access rule (see ruleOf), from `applications as a`. */
export const ruleColumns = ['a.enabled', 'a.allowed_department_ids', 'a.allowed_job_profile_ids', 'a.allowed_roles', 'a.inside_access', 'a.outside_access'] as const;

/** A registered client with the application it signs in to, whose rule says who may. */
export function findClientWithApplication(db: Db, clientId: string) {
  return db
    .selectFrom('sso_clients as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .select(['c.client_id', 'c.public', 'c.secret_encrypted', 'c.redirect_uris', 'c.post_logout_redirect_uris', 'c.backchannel_logout_uri'])
    .select(['a.id as application_id', 'a.slug', 'a.name', 'a.kind', ...ruleColumns])
    .where('c.client_id', '=', clientId)
    .executeTakeFirst();
}

// What oidc-provider knows of a client: its metadata, as dynamic registration would give it. The secret is
// decrypted here only, each time: nothing of it stays in memory between requests.
export async function clientMetadata(ctx: AppContext, clientId: string): Promise<Record<string, unknown> | undefined> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(clientId)) return undefined;
  const row = await findClientWithApplication(ctx.db, clientId);
  if (!row) return undefined;
  return {
    client_id: row.client_id,
    client_name: row.name,
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: row.redirect_uris,
    post_logout_redirect_uris: row.post_logout_redirect_uris,
    // With it, the ID tokens carry the session id (sid) the logout tokens will name.
    ...(row.backchannel_logout_uri ? { backchannel_logout_uri: row.backchannel_logout_uri, backchannel_logout_session_required: true } : {}),
    ...(row.public || !row.secret_encrypted
      ? { token_endpoint_auth_method: 'none' }
      : { token_endpoint_auth_method: 'client_secret_basic', client_secret: ctx.keys.decrypt('sso-client-secret', row.secret_encrypted) }),
  };
}

export function listClients(db: Db) {
  return db
    .selectFrom('sso_clients as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .select([
      'c.client_id',
      'c.public',
      'c.redirect_uris',
      'c.post_logout_redirect_uris',
      'c.backchannel_logout_uri',
      'c.created_at',
      'c.secret_rotated_at',
      'a.id as application_id',
      'a.name',
      'a.enabled',
      'a.inside_access',
      'a.outside_access',
    ])
    .orderBy('a.name')
    .execute();
}

/** The applications of kind 'oidc' that have no client yet: those an administrator may register. */
export function listUnregisteredApplications(db: Db) {
  return db
    .selectFrom('applications as a')
    .leftJoin('sso_clients as c', 'c.application_id', 'a.id')
    .select(['a.id', 'a.slug', 'a.name'])
    .where('a.kind', '=', 'oidc')
    .where('c.client_id', 'is', null)
    .orderBy('a.name')
    .execute();
}

export function findApplication(db: Db, applicationId: string) {
  return db.selectFrom('applications').select(['id', 'slug', 'name', 'kind']).where('id', '=', applicationId).executeTakeFirst();
}

export async function insertClient(db: Db, row: Insertable<Database['sso_clients']>): Promise<void> {
  await db.insertInto('sso_clients').values(row).execute();
}

export async function replaceSecret(db: Db, clientId: string, secretEncrypted: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('sso_clients')
    .set({ secret_encrypted: secretEncrypted, secret_rotated_at: at })
    .where('client_id', '=', clientId)
    .where('public', '=', false)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteClient(db: Db, clientId: string): Promise<boolean> {
  const result = await db.deleteFrom('sso_clients').where('client_id', '=', clientId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
