import { type Kysely, sql } from 'kysely';

// The portal's OpenID Connect provider: what oidc-provider stores (codes, tokens, grants, its own sessions),
// the keys that sign ID tokens, the client applications the administrators register, and the link from each
// grant to the portal session it came from, so that ending a session ends the apps' sessions too.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per oidc-provider object. Bearer values (codes, tokens) are stored only as their SHA-256 in `id`.
  await db.schema
    .createTable('oidc_payloads')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('uid', 'text')
    .addColumn('user_code', 'text')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('consumed_at', 'timestamptz')
    .addPrimaryKeyConstraint('oidc_payloads_pk', ['model', 'id'])
    .execute();
  await db.schema.createIndex('oidc_payloads_grant_idx').on('oidc_payloads').column('grant_id').execute();
  await db.schema.createIndex('oidc_payloads_uid_idx').on('oidc_payloads').column('uid').execute();
  await db.schema.createIndex('oidc_payloads_expiry_idx').on('oidc_payloads').column('expires_at').execute();

  // Signing keys: the current one signs; a newer one is published before it is used, an older one stays
  // published for a grace period so that tokens it signed still verify.
  await db.schema
    .createTable('sso_signing_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('alg', 'text', (c) => c.notNull())
    // Encrypted with the 'sso-signing-key' key: the private JWK never sits in clear in the database.
    .addColumn('private_jwk_encrypted', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('activates_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // A client of the provider is one of the city's applications (kind 'oidc'): its rule says who may sign in.
  await db.schema
    .createTable('sso_clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey().check(sql`client_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'`))
    .addColumn('application_id', 'uuid', (c) => c.notNull().unique().references('applications.id').onDelete('cascade'))
    // Public clients (single-page or native apps) have no secret and must use PKCE.
    .addColumn('public', 'boolean', (c) => c.notNull())
    // Encrypted with the 'sso-client-secret' key: oidc-provider compares the secret itself, a hash would not do.
    .addColumn('secret_encrypted', 'text')
    .addColumn('redirect_uris', sql`text[]`, (c) => c.notNull())
    .addColumn('post_logout_redirect_uris', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('backchannel_logout_uri', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('secret_rotated_at', 'timestamptz')
    .addCheckConstraint('sso_clients_secret_check', sql`public = (secret_encrypted is null)`)
    .execute();

  // Which portal session each grant was given in. The foreign key follows the session's id when it is
  // rotated, and empties it when the session ends, however it ends (sign-out, expiry, support, departure):
  // the logout job then finds the grant to revoke and the apps to tell.
  await db.schema
    .createTable('sso_grants')
    .addColumn('grant_id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('sso_clients.client_id').onDelete('cascade'))
    // Not a foreign key: the apps must still be told after the agent's row is gone.
    .addColumn('agent_id', 'uuid', (c) => c.notNull())
    .addColumn('session_id_hash', 'text', (c) => c.references('sessions.id_hash').onUpdate('cascade').onDelete('set null'))
    // The session id the app received in its ID token, for its back-channel logout.
    .addColumn('sid', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_grants_session_idx').on('sso_grants').column('session_id_hash').execute();

  // Back-channel logout tokens to deliver, retried until the app answers or the attempts run out.
  await db.schema
    .createTable('sso_logout_deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('sso_clients.client_id').onDelete('cascade'))
    .addColumn('agent_id', 'uuid', (c) => c.notNull())
    .addColumn('sid', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
  await sql`create index sso_logout_deliveries_due_idx on sso_logout_deliveries (next_attempt_at) where delivered_at is null`.execute(db);
}
